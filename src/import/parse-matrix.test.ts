import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isMatrixHeader, type MatrixRow, parseMatrix } from './parse-matrix.js';
import { splitLines } from './split-lines.js';

const PARTNERS = ['平内町', '今別町', '外ヶ浜町', '蓬田村'];
const TITLE = '連携協約項目\t\t事業名\t連携町村\t\t\t';
// partner columns start at cell 3, right after the project cell
const HEADER = '役割\t連携施策\t\t平内町\t今別町\t外ヶ浜町\t蓬田村';
// partner columns start at cell 5, after separate number and name cells
const HEADER_SEPARATE = '役割\t連携施策\t\t\t事業名\t平内町\t今別町\t外ヶ浜町\t蓬田村';

function matrixOf(...lines: string[]) {
  return parseMatrix(splitLines(lines.join('\n')));
}

function row(rows: MatrixRow[], number: number): MatrixRow {
  const found = rows.find((r) => r.number === number);
  assert.ok(found, `row ${number}`);
  return found;
}

test('isMatrixHeader recognises the column header lines', () => {
  const [title, header, project] = splitLines(
    [TITLE, HEADER, '\t\t3 中小事業者ビジネスサポート事業\t○\t○\t○\t○'].join('\n'),
  );
  assert.ok(title && header && project);
  assert.equal(isMatrixHeader(title), true);
  assert.equal(isMatrixHeader(header), true);
  assert.equal(isMatrixHeader(project), false);
});

test('reads the partners and rows whose number and name share a cell', () => {
  const m = matrixOf(
    TITLE,
    HEADER,
    '1 圏域全体の経済成長のけん引（17事業）\t(1) 産学金官民一体となった圏域の経済成長等の推進体制の整備（1事業）\t1 連携中枢都市圏ビジョン懇談会の運営\t○\t○\t○\t○',
    '\t(2) 産業クラスターの形成、イノベーション実現（6事業）\t2 起業・創業等支援拠点運営事業\t○\t○\t○\t○',
    '\t\t3 中小事業者ビジネスサポート事業\t○\t○\t○\t○',
  );
  assert.deepEqual(m.partners, PARTNERS);
  assert.deepEqual(m.headerLines, [1, 2]);
  assert.deepEqual(
    m.rows.map((r) => [r.number, r.name, r.line]),
    [
      [1, '連携中枢都市圏ビジョン懇談会の運営', 3],
      [2, '起業・創業等支援拠点運営事業', 4],
      [3, '中小事業者ビジネスサポート事業', 5],
    ],
  );
  assert.deepEqual(row(m.rows, 1).placement, { role: 1, policyArea: 1, subField: null });
  assert.deepEqual(row(m.rows, 3).placement, { role: 1, policyArea: 2, subField: null });
  for (const r of m.rows) assert.deepEqual(r.markReadings[0], [0, 1, 2, 3], `row ${r.number}`);
  assert.deepEqual(
    m.headings.map((h) => [h.level, h.no, h.title, h.declaredCount, h.role, h.policyArea, h.line]),
    [
      ['role', 1, '圏域全体の経済成長のけん引', 17, 1, null, 3],
      ['policyArea', 1, '産学金官民一体となった圏域の経済成長等の推進体制の整備', 1, 1, 1, 3],
      ['policyArea', 2, '産業クラスターの形成、イノベーション実現', 6, 1, 2, 4],
    ],
  );
});

test('reads rows whose number and name are in separate cells, with sub-fields', () => {
  const m = matrixOf(
    HEADER_SEPARATE,
    '2 高次の都市機能の集積・強化 (1 事業)\t(2) 高等教育・研究開発の環境整備(1 事業)\t18\t大学連携推進事業\t○\t○\t○\t○\t',
    '3 圏域全体の生活関連機能サービスの向上 (37 事業)\t(1) 生活機能の強化に係る政策分野 (28 事業)\t①地域医療 (3 事業)\t19\t地域医療支援病院の登録医療機関支援事業\t○\t○\t○\t○',
    '\t\t\t20\t在宅医療・介護連携推進事業\t○\t○\t○\t○',
    '\t\t②介護 (1 事業)\t22\t認知症高齢者対策事業\t○\t○\t○\t○',
  );
  assert.deepEqual(
    m.rows.map((r) => [r.number, r.name, r.placement]),
    [
      [18, '大学連携推進事業', { role: 2, policyArea: 2, subField: null }],
      [19, '地域医療支援病院の登録医療機関支援事業', { role: 3, policyArea: 1, subField: 1 }],
      [20, '在宅医療・介護連携推進事業', { role: 3, policyArea: 1, subField: 1 }],
      [22, '認知症高齢者対策事業', { role: 3, policyArea: 1, subField: 2 }],
    ],
  );
  for (const r of m.rows) assert.deepEqual(r.markReadings[0], [0, 1, 2, 3], `row ${r.number}`);
  assert.deepEqual(
    m.headings.map((h) => [h.level, h.no, h.declaredCount]),
    [
      ['role', 2, 1],
      ['policyArea', 2, 1],
      ['role', 3, 37],
      ['policyArea', 1, 28],
      ['subField', 1, 3],
      ['subField', 2, 1],
    ],
  );
});

test('a row shifted left keeps its number, underline and the placement above it', () => {
  const m = matrixOf(
    HEADER_SEPARATE,
    '\t\t④教育・文化・スポーツ (7 事業)\t35\t図書館相互利用事業\t○\t○\t○\t○',
    '36\t<u>青森圏域市町村連携第80回国民スポーツ大会PR事業</u>\t\t○\t○\t○\t○\t\t',
  );
  const shifted = row(m.rows, 36);
  assert.equal(shifted.name, '青森圏域市町村連携第80回国民スポーツ大会PR事業');
  assert.equal(shifted.underlined, true);
  assert.equal(row(m.rows, 35).underlined, false);
  assert.deepEqual(shifted.placement, { role: null, policyArea: null, subField: 4 });
  assert.deepEqual(shifted.markReadings, [[0, 1, 2, 3]]);
  assert.equal(shifted.line, 3);
});

test('partial participation is read relative to the name cell', () => {
  const cases: [string, string, number[]][] = [
    ['number and name in one cell', '\t\t3 中小事業者ビジネスサポート事業\t○\t\t○\t', [0, 2]],
    ['number and name in one cell, last partners', '\t\t3 中小事業者ビジネスサポート事業\t\t○\t\t○', [1, 3]],
    ['separate cells', '\t\t\t20\t在宅医療・介護連携推進事業\t\t○\t○\t', [1, 2]],
    ['row shifted left', '36\t<u>国民スポーツ大会PR事業</u>\t\t○\t\t○\t○\t\t', [0, 2, 3]],
  ];
  for (const [name, line, expected] of cases) {
    const m = matrixOf(HEADER, line);
    assert.equal(m.rows.length, 1, name);
    assert.deepEqual(m.rows[0]?.markReadings[0], expected, name);
  }
});

test('an ambiguous shifted row offers every reading, the header-aligned one first', () => {
  const m = matrixOf(HEADER, '36\t国民スポーツ大会PR事業\t\t○\t○\t\t\t\t');
  const readings = m.rows[0]?.markReadings ?? [];
  assert.deepEqual(readings[0], [0, 1]);
  assert.ok(
    readings.some((r) => r.length === 2 && r[0] === 1 && r[1] === 2),
    JSON.stringify(readings),
  );
});

test('a row without ○ has an empty reading', () => {
  const m = matrixOf(HEADER, '\t\t3 中小事業者ビジネスサポート事業\t\t\t\t');
  assert.deepEqual(m.rows[0]?.markReadings, [[]]);
});

test('a header repeated after a page break keeps the first partner list', () => {
  const m = matrixOf(
    HEADER,
    '\t\t\t35\t図書館相互利用事業\t○\t○\t○\t○',
    '',
    '連携協約項目\t\t事業名\t連携町村\t\t\t\t\t',
    '役割\t連携施策\t\t平内町\t今別町\t外ヶ浜\t蓬田村\t\t',
    '\t\t\t37\tあおもりフィールドスタ ディ支援事業\t○\t○\t○\t○',
  );
  assert.deepEqual(m.partners, PARTNERS);
  assert.deepEqual(m.headerLines, [1, 4, 5]);
  assert.deepEqual(
    m.rows.map((r) => [r.number, r.name, r.line]),
    [
      [35, '図書館相互利用事業', 2],
      [37, 'あおもりフィールドスタディ支援事業', 6],
    ],
  );
  assert.deepEqual(row(m.rows, 37).markReadings[0], [0, 1, 2, 3]);
});

test('a later header that prints the towns in another order maps its columns back', () => {
  const m = matrixOf(
    HEADER,
    '\t\t1 連携中枢都市圏ビジョン懇談会の運営\t○\t○\t○\t○',
    '役割\t連携施策\t\t今別町\t平内町\t外ヶ浜\t蓬田村',
    '\t\t2 起業・創業等支援拠点運営事業\t○\t\t\t',
    '\t\t3 中小事業者ビジネスサポート事業\t\t○\t○\t',
  );
  assert.deepEqual(m.partners, PARTNERS);
  assert.deepEqual(
    m.rows.map((r) => [r.number, r.markReadings[0]]),
    [
      [1, [0, 1, 2, 3]],
      [2, [1]],
      [3, [0, 2]],
    ],
  );
});

test('a name printed over two lines becomes one row', () => {
  const marksFirst = matrixOf(
    HEADER_SEPARATE,
    '\t\t\t52\t除排雪力向上連携ネット\t○\t○\t○\t○',
    '\t\t\t\tワーク形成事業',
  );
  assert.deepEqual(
    marksFirst.rows.map((r) => [r.number, r.name, r.markReadings[0]]),
    [[52, '除排雪力向上連携ネットワーク形成事業', [0, 1, 2, 3]]],
  );
  const marksSecond = matrixOf(
    HEADER_SEPARATE,
    '\t\t\t52\t除排雪力向上連携ネット',
    '\t\t\t\tワーク形成事業\t○\t○\t\t○',
  );
  assert.deepEqual(
    marksSecond.rows.map((r) => [r.number, r.name, r.markReadings[0]]),
    [[52, '除排雪力向上連携ネットワーク形成事業', [0, 1, 3]]],
  );
  const underlined = matrixOf(HEADER_SEPARATE, '\t\t\t55\t<u>RPA 活用</u>\t○\t○\t○\t○', '\t\t\t\t<u>推進事務</u>');
  assert.deepEqual(
    underlined.rows.map((r) => [r.number, r.name, r.underlined]),
    [[55, 'RPA 活用推進事務', true]],
  );
});

test('a project number alone on its line takes the name on the next line', () => {
  const m = matrixOf(HEADER_SEPARATE, '\t\t\t52', '\t\t\t\t除排雪力向上連携ネットワーク形成事業\t○\t○\t○\t○');
  assert.deepEqual(
    m.rows.map((r) => [r.number, r.name, r.line]),
    [[52, '除排雪力向上連携ネットワーク形成事業', 3]],
  );
});

test('a heading cell printed on the row of its first project is carried to the rows below', () => {
  const m = matrixOf(
    HEADER_SEPARATE,
    '3 圏域全体の生活関連機能サービスの向上 (37 事業)\t(1)生活機能の強化に係る政策分野 (28 事業)\t⑤地域振興 (3 事業)\t37\tあおもりフィールドスタ ディ支援事業\t○\t○\t○\t○',
    '\t\t\t38\t青森圏域重点事業要望事 務\t○\t○\t○\t○',
    '\t\t⑥災害 対策 (3 事業)\t40\t水道事業の広域連携事業\t○\t○\t○\t○',
    '\t\t\t41\t自主防災活動促進事業\t○\t○\t○\t○',
    '\t(2)結びつきやネットワークの強化に係る政策分野 (6 事業)\t①移住 促進 (2 事業)\t47\tあおもり新しい働き方支 援事業（Uターン就職支 援）\t○\t○\t○\t○',
    '\t\t\t48\t新しい働き方担い手誘 致・東青地域移住促進事 業\t○\t○\t○\t○',
  );
  assert.deepEqual(
    m.rows.map((r) => [r.number, r.name, r.placement]),
    [
      [37, 'あおもりフィールドスタディ支援事業', { role: 3, policyArea: 1, subField: 5 }],
      [38, '青森圏域重点事業要望事務', { role: 3, policyArea: 1, subField: 5 }],
      [40, '水道事業の広域連携事業', { role: 3, policyArea: 1, subField: 6 }],
      [41, '自主防災活動促進事業', { role: 3, policyArea: 1, subField: 6 }],
      [47, 'あおもり新しい働き方支援事業（Uターン就職支援）', { role: 3, policyArea: 2, subField: 1 }],
      [48, '新しい働き方担い手誘致・東青地域移住促進事業', { role: 3, policyArea: 2, subField: 1 }],
    ],
  );
  const disaster = m.headings.find((h) => h.level === 'subField' && h.no === 6);
  assert.deepEqual(
    disaster && [disaster.title, disaster.declaredCount, disaster.role, disaster.policyArea, disaster.line],
    ['災害対策', 3, 3, 1, 4],
  );
});

test('a heading alone on its row applies to the rows below and is no project', () => {
  const m = matrixOf(
    HEADER,
    '\t(2) 産業クラスターの形成（6事業）',
    '\t\t2 起業・創業等支援拠点運営事業\t○\t○\t○\t○',
    '2 高次の都市機能の集積・強化 (1 事業)',
    '\t(2) 高等教育・研究開発の環境整備(1 事業)\t18 大学連携推進事業\t○\t○\t○\t○',
  );
  assert.deepEqual(
    m.rows.map((r) => [r.number, r.placement]),
    [
      [2, { role: null, policyArea: 2, subField: null }],
      [18, { role: 2, policyArea: 2, subField: null }],
    ],
  );
  assert.deepEqual(
    m.headings.map((h) => [h.level, h.no, h.line]),
    [
      ['policyArea', 2, 2],
      ['role', 2, 4],
      ['policyArea', 2, 5],
    ],
  );
});

test('a partner printed as the press writes it (外ケ浜町) is kept under its official name', () => {
  const m = matrixOf(HEADER.replace('外ヶ浜町', '外ケ浜町'), '\t\t3 中小事業者ビジネスサポート事業\t○\t○\t○\t○');
  assert.deepEqual(m.partners, PARTNERS);
});
