import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  type Heading,
  hasDeclaredCount,
  parseRoleHeading,
  parseSectionHeading,
  stripHeadingMarks,
} from './parse-headings.js';

test('parseRoleHeading reads the role headings of the matrix and the sheets', () => {
  const cases: [string, Heading][] = [
    [
      '1 圏域全体の経済成長のけん引（17事業）',
      { level: 'role', no: 1, title: '圏域全体の経済成長のけん引', declaredCount: 17 },
    ],
    [
      '2 高次の都市機能の集積・強化 (1 事業)',
      { level: 'role', no: 2, title: '高次の都市機能の集積・強化', declaredCount: 1 },
    ],
    [
      '3 圏域全体の生活関連機能サービスの向上 (37 事業)',
      { level: 'role', no: 3, title: '圏域全体の生活関連機能サービスの向上', declaredCount: 37 },
    ],
    [
      '## 1 圏域全体の経済成長のけん引',
      { level: 'role', no: 1, title: '圏域全体の経済成長のけん引', declaredCount: null },
    ],
    [
      '３ 圏域全体の生活関連機能サービスの向上（３７事業）',
      { level: 'role', no: 3, title: '圏域全体の生活関連機能サービスの向上', declaredCount: 37 },
    ],
  ];
  for (const [input, expected] of cases) assert.deepEqual(parseRoleHeading(input), expected, input);
});

test('parseSectionHeading reads policy-area and sub-field headings', () => {
  const cases: [string, Heading][] = [
    [
      '(2) 高等教育・研究開発の環境整備(1 事業)',
      { level: 'policyArea', no: 2, title: '高等教育・研究開発の環境整備', declaredCount: 1 },
    ],
    [
      '(1) 産学金官民一体となった圏域の経済成長等の推進体制の整備（1事業）',
      { level: 'policyArea', no: 1, title: '産学金官民一体となった圏域の経済成長等の推進体制の整備', declaredCount: 1 },
    ],
    [
      '(1)生活機能の強化に係る政策分野 (28 事業)',
      { level: 'policyArea', no: 1, title: '生活機能の強化に係る政策分野', declaredCount: 28 },
    ],
    [
      '#### (1)生活機能の強化に係る政策分野',
      { level: 'policyArea', no: 1, title: '生活機能の強化に係る政策分野', declaredCount: null },
    ],
    [
      '（１）生活機能の強化に係る政策分野（２８事業）',
      { level: 'policyArea', no: 1, title: '生活機能の強化に係る政策分野', declaredCount: 28 },
    ],
    ['⑥災害 対策 (3 事業)', { level: 'subField', no: 6, title: '災害対策', declaredCount: 3 }],
    ['①移住 促進 (2 事業)', { level: 'subField', no: 1, title: '移住促進', declaredCount: 2 }],
    ['#### ⑥災害対策', { level: 'subField', no: 6, title: '災害対策', declaredCount: null }],
    ['⑦環境 (4 事業)', { level: 'subField', no: 7, title: '環境', declaredCount: 4 }],
  ];
  for (const [input, expected] of cases) assert.deepEqual(parseSectionHeading(input), expected, input);
});

test('a heading of one level is not read as another', () => {
  assert.equal(parseSectionHeading('1 圏域全体の経済成長のけん引（17事業）'), undefined);
  assert.equal(parseRoleHeading('(2) 高等教育・研究開発の環境整備(1 事業)'), undefined);
  assert.equal(parseRoleHeading('⑥災害 対策 (3 事業)'), undefined);
});

test('a plain sentence, a number or a bare marker is not a heading', () => {
  const others = [
    '圏域全体の経済成長をけん引する。',
    '○具体的取組の推進のため、ビジョン懇談会を開催する。',
    '連携中枢都市圏ビジョン懇談会の運営',
    '36',
    '2020年度',
    '(1)',
    '①',
    '',
  ];
  for (const text of others) {
    assert.equal(parseSectionHeading(text), undefined, text);
    assert.equal(parseRoleHeading(text), undefined, text);
  }
});

test('hasDeclaredCount is true only for a trailing （N事業）', () => {
  for (const text of [
    '1 圏域全体の経済成長のけん引（17事業）',
    '⑥災害 対策 (3 事業)',
    '(2) 高等教育(1 事業)',
    '①地域医療（３事業）',
  ]) {
    assert.equal(hasDeclaredCount(text), true, text);
  }
  for (const text of ['1 連携中枢都市圏ビジョン懇談会の運営', 'むつ湾広域連携事業（産業・観光）', '(17事業) のうち']) {
    assert.equal(hasDeclaredCount(text), false, text);
  }
});

test('stripHeadingMarks removes a Markdown heading mark only', () => {
  assert.equal(stripHeadingMarks('## 1 圏域全体の経済成長のけん引'), '1 圏域全体の経済成長のけん引');
  assert.equal(stripHeadingMarks('#### ⑥災害対策'), '⑥災害対策');
  assert.equal(stripHeadingMarks('#1 タグ'), '#1 タグ');
});
