import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  cleanText,
  comparisonKey,
  findFootnoteMarkers,
  isDash,
  isPageNumber,
  removeFootnoteMarkers,
  squeezeSpaces,
  stripTags,
  toHalfWidth,
} from './normalize-text.js';

test('squeezeSpaces removes PDF line-break spaces between Japanese characters', () => {
  const cases: [string, string][] = [
    ['あおもりフィールドスタ ディ支援事業', 'あおもりフィールドスタディ支援事業'],
    ['青森圏域重点事業要望事 務', '青森圏域重点事業要望事務'],
    ['地域花いっぱいまちづく り事業', '地域花いっぱいまちづくり事業'],
    ['むつ湾広域連携事業（環 境）', 'むつ湾広域連携事業（環境）'],
    ['あおもり新しい働き方支 援事業（Uターン就職支 援）', 'あおもり新しい働き方支援事業（Uターン就職支援）'],
    ['連携中枢都市圏 ビジョンに記載する 具体的取組数', '連携中枢都市圏ビジョンに記載する具体的取組数'],
    ['⑥災害 対策', '⑥災害対策'],
    ['平内町　今別町', '平内町今別町'],
  ];
  for (const [input, expected] of cases) assert.equal(squeezeSpaces(input), expected, input);
});

test('squeezeSpaces removes the space between a number and its Japanese unit', () => {
  const cases: [string, string][] = [
    ['2020 年度', '2020年度'],
    ['138 機関', '138機関'],
    ['102 団体', '102団体'],
    ['1 回以上/年度', '1回以上/年度'],
    ['(2020 年度実績)', '(2020年度実績)'],
  ];
  for (const [input, expected] of cases) assert.equal(squeezeSpaces(input), expected, input);
});

test('squeezeSpaces keeps spaces between Latin words and collapses runs', () => {
  const cases: [string, string][] = [
    ['AOMORI STARTUP CENTER', 'AOMORI STARTUP CENTER'],
    ['AOMORI  STARTUP   CENTER', 'AOMORI STARTUP CENTER'],
    ['RPA 活用推進事務', 'RPA 活用推進事務'],
    ['  職員研修  ', '職員研修'],
    ['A\tB', 'A B'],
  ];
  for (const [input, expected] of cases) assert.equal(squeezeSpaces(input), expected, input);
});

test('stripTags removes extraction tags but keeps their text', () => {
  const cases: [string, string][] = [
    ['<u>RPA 活用推進事務</u>', 'RPA 活用推進事務'],
    ['<U>職員研修</U>', '職員研修'],
    ['<p>○具体的取組の推進</p>', '○具体的取組の推進'],
    ['登録医療機関数<sup>※</sup>', '登録医療機関数※'],
    ['<span class="x">懇談会</span>', '懇談会'],
    ['一行目<br/>二行目', '一行目二行目'],
  ];
  for (const [input, expected] of cases) assert.equal(cleanText(input), expected, input);
  assert.doesNotMatch(stripTags('<u>a</u><p>b</p><sup>※</sup>'), /[<>]/);
});

test('an escaped asterisk becomes a plain one', () => {
  assert.equal(stripTags('\\*し尿及び浄化槽汚泥'), '*し尿及び浄化槽汚泥');
  assert.equal(cleanText('汚水等\\*について'), '汚水等*について');
});

test('toHalfWidth turns full-width ASCII into half-width', () => {
  const cases: [string, string][] = [
    ['１，１００件', '1,100件'],
    ['ＮＯ．４に統合', 'NO.4に統合'],
    ['６１．３％', '61.3%'],
    ['（２０２４年度）', '(2024年度)'],
    ['平内町　今別町', '平内町 今別町'],
  ];
  for (const [input, expected] of cases) assert.equal(toHalfWidth(input), expected, input);
});

test('comparisonKey folds the spellings of one text together', () => {
  const same: [string, string][] = [
    ['外ケ浜町', '外ヶ浜町'],
    ['外ヵ浜町', '外ヶ浜町'],
    ['外ケ浜町 (産業)', '外ヶ浜町（産業）'],
    ['むつ湾広域連携事業（産業・観光）', 'むつ湾広域連携事業(産業・観光)'],
    ['あおもりフィールドスタ ディ支援事業', 'あおもりフィールドスタディ支援事業'],
    ['<u>RPA 活用推進事務</u>', 'RPA活用推進事務'],
    ['2020—2024', '2020-2024'],
    ['AoMoLink～赤坂～', 'AoMoLink~赤坂~'],
    ['ＮＯ．４', 'NO.4'],
  ];
  for (const [a, b] of same) assert.equal(comparisonKey(a), comparisonKey(b), `${a} / ${b}`);
  assert.notEqual(comparisonKey('平内町'), comparisonKey('今別町'));
  assert.notEqual(comparisonKey('外ヶ浜町'), comparisonKey('外ヶ浜'));
});

test('isDash is true for every dash a PDF uses, and only for a dash', () => {
  for (const dash of ['—', '－', '-', '‐', '―', '–', ' — ', '——']) assert.equal(isDash(dash), true, dash);
  for (const other of ['1-2', '', '408', '-100', '—1', 'なし']) assert.equal(isDash(other), false, other);
});

test('findFootnoteMarkers finds each marker, keyed by its number', () => {
  const cases: [string, string[]][] = [
    ['創業件数※', ['']],
    ['相談件数*', ['']],
    ['むつ湾かるた <sup>*</sup> を用いた', ['']],
    ['100% <sup>※</sup> (2019年度見込)', ['']],
    ['汚水等\\*について', ['']],
    ['※1', ['1']],
    ['※２', ['2']],
    ['A※1 と B※2', ['1', '2']],
    ['事業所数＊', ['']],
    ['創業件数', []],
  ];
  for (const [input, expected] of cases) assert.deepEqual(findFootnoteMarkers(input), expected, input);
});

test('removeFootnoteMarkers removes the markers and keeps the rest', () => {
  const cases: [string, string][] = [
    ['創業件数※', '創業件数'],
    ['相談件数*', '相談件数'],
    ['登録医療機関数※1', '登録医療機関数'],
    ['※1', ''],
  ];
  for (const [input, expected] of cases) assert.equal(removeFootnoteMarkers(input), expected, input);
  assert.equal(squeezeSpaces(removeFootnoteMarkers('むつ湾かるた <sup>*</sup> を用いた')), 'むつ湾かるたを用いた');
  assert.equal(squeezeSpaces(removeFootnoteMarkers('100% <sup>※</sup> (2019年度見込)')), '100% (2019年度見込)');
});

test('isPageNumber recognises a page number line', () => {
  for (const page of [
    '12',
    '7',
    ' 7 ',
    '- 12 -',
    '－3－',
    '１２',
    '― 12 ―',
    '– 12 –',
    '12/40',
    '12 / 40',
    '- 12/40 -',
    'P.12',
    '12ページ',
  ])
    assert.equal(isPageNumber(page), true, page);
  for (const other of ['1234', '12a', '', '2,019', '1 連携中枢都市圏ビジョン懇談会の運営', '(1)', '①', '100%']) {
    assert.equal(isPageNumber(other), false, other);
  }
});
