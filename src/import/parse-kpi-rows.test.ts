import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  type KpiHeader,
  type RawKpi,
  readKpiHeader,
  readKpiRows,
  readKpiTables,
  startsKpiTable,
} from './parse-kpi-rows.js';
import { splitLines, type TextLine } from './split-lines.js';

function lineOf(text: string, no: number): TextLine {
  const [line] = splitLines(text);
  assert.ok(line);
  return { ...line, no };
}

const HEADER_TEXT = '成果指標\t指標\t\t現状値（調査時点）\t\t目標値（2024年度）\t';

function header(): KpiHeader {
  const read = readKpiHeader(lineOf(HEADER_TEXT, 89));
  assert.ok(read);
  return read;
}

/** The rows read under the seed's header, without the target year every one of them takes from it. */
function rowsOf(...rows: [text: string, no: number, labelCells?: number][]): Omit<RawKpi, 'targetYearText'>[] {
  return readKpiRows(
    header(),
    rows.map(([text, no, labelCells = 0]) => ({ line: lineOf(text, no), labelCells })),
  ).map(({ targetYearText: _year, ...kpi }) => kpi);
}

test('readKpiHeader finds the columns and the target fiscal year', () => {
  assert.deepEqual(header(), { columns: [1, 3, 5], targetYearText: '2024年度', line: 89 });
  const cases: [string, string | null][] = [
    ['成果指標\t指標\t\t現状値(調査時点)\t\t目標値(2024年度)\t', '2024年度'],
    ['成果指標\t指標\t\t現状値（調査時点）\t\t目標値（２０２４年度）\t', '2024年度'],
    ['成果指標\t指標\t\t現状値（調査時点）\t\t目標値（令和6年度）\t', '令和6年度'],
    ['成果指標\t指標\t\t現状値\t\t目標値\t', null],
  ];
  for (const [text, year] of cases) assert.equal(readKpiHeader(lineOf(text, 1))?.targetYearText, year, text);
  const spaced = readKpiHeader(lineOf('成果指標\t指標\t\t現状値（調査時点）\t\t目標値（2024 年度）\t', 1));
  assert.equal(spaced?.targetYearText?.replace(/\s/g, ''), '2024年度');
});

test('readKpiHeader finds columns wherever they stand', () => {
  const shifted = readKpiHeader(lineOf('指標\t現状値（調査時点）\t目標値（2024年度）', 5));
  assert.deepEqual(shifted?.columns, [0, 1, 2]);
});

test('readKpiHeader is undefined for a line that is not the KPI header', () => {
  for (const text of [
    '\t連携町村\t事業の広報活動、費用負担等\t\t\t\t',
    '成果指標\t指標\t\t現状値（調査時点）\t\t\t',
    '',
  ]) {
    assert.equal(readKpiHeader(lineOf(text, 1)), undefined, text);
  }
});

test('three filled cells are indicator, baseline and target, whatever the shift', () => {
  const expected = {
    indicator: '連携中枢都市圏ビジョンに記載する具体的取組数',
    baseline: '44事業 (2020年度見込)',
    target: '52事業',
    line: 90,
  };
  const cases: [string, string, number][] = [
    ['aligned', '\t連携中枢都市圏 ビジョンに記載する 具体的取組数\t\t44事業 (2020年度見込)\t\t52事業\t', 0],
    ['shifted left', '連携中枢都市圏 ビジョンに記載する 具体的取組数\t44事業 (2020年度見込)\t52事業\t\t\t', 0],
    ['shifted right', '\t\t\t連携中枢都市圏 ビジョンに記載する 具体的取組数\t44事業 (2020年度見込)\t52事業', 0],
    [
      'after the label cell',
      '成果指標\t連携中枢都市圏 ビジョンに記載する 具体的取組数\t\t44事業 (2020年度見込)\t\t52事業\t',
      1,
    ],
  ];
  for (const [name, text, labelCells] of cases) assert.deepEqual(rowsOf([text, 90, labelCells]), [expected], name);
});

test('two filled cells are placed by the header columns', () => {
  assert.deepEqual(rowsOf(['\t会議開催回数\t\t\t\t1回以上/年度\t', 363]), [
    { indicator: '会議開催回数', baseline: '', target: '1回以上/年度', line: 363 },
  ]);
});

test('several KPI rows stay separate', () => {
  assert.deepEqual(
    rowsOf(
      ['\t創業件数\t\t24件 (2020年度見込)\t\t32件\t', 126],
      ['\t相談窓口での 年間相談件数\t\t750件 (2020年度見込)\t\t1,100件\t', 127],
    ),
    [
      { indicator: '創業件数', baseline: '24件 (2020年度見込)', target: '32件', line: 126 },
      { indicator: '相談窓口での年間相談件数', baseline: '750件 (2020年度見込)', target: '1,100件', line: 127 },
    ],
  );
});

test('an indicator split over two rows is joined', () => {
  const expected = [
    {
      indicator: '農業次世代人材投資資金（経営開始型）の新規交付対象者数（累計）',
      baseline: '7人 (2018年度実績)',
      target: '55人',
      line: 193,
    },
  ];
  const valuesOnSecond = rowsOf(
    ['\t農業次世代人材投資資金（経営開始型）の\t\t\t\t\t', 193],
    ['\t新規交付対象者数（累計）\t\t7人 (2018年度実績)\t\t55人\t', 194],
  );
  assert.deepEqual(valuesOnSecond, expected);
  const valuesOnFirst = rowsOf(
    ['\t農業次世代人材投資資金（経営開始型）の新規\t\t7人 (2018年度実績)\t\t55人\t', 193],
    ['\t交付対象者数（累計）\t\t\t\t\t', 194],
  );
  assert.deepEqual(valuesOnFirst, expected);
});

test('a row without indicator continues the previous row', () => {
  assert.deepEqual(rowsOf(['\t入会者数\t\t17人\t\t\t', 373], ['\t\t\t(2020年度見込)\t\t15人\t', 374]), [
    { indicator: '入会者数', baseline: '17人 (2020年度見込)', target: '15人', line: 373 },
  ]);
});

test('empty rows are ignored', () => {
  assert.deepEqual(rowsOf(['\t\t\t\t\t\t', 1]), []);
});

test('each KPI table gives its rows its own target year; a header repeated with the same year goes on', () => {
  const second = readKpiHeader(lineOf('成果指標\t現状値\t目標値（令和8年度）', 95));
  assert.ok(second);
  const first = { header: header(), rows: [{ line: lineOf('\t創業件数\t\t24件\t\t32件', 90), labelCells: 0 }] };
  const kpis = readKpiTables([
    first,
    { header: second, rows: [{ line: lineOf('\t相談件数\t750件\t1,100件', 96), labelCells: 0 }] },
  ]);
  assert.deepEqual(
    kpis.map((k) => [k.indicator, k.baseline, k.target, k.targetYearText]),
    [
      ['創業件数', '24件', '32件', '2024年度'],
      ['相談件数', '750件', '1,100件', '令和8年度'],
    ],
  );
  assert.equal(startsKpiTable(first, second), true);
  assert.equal(startsKpiTable(first, { ...header(), line: 120 }), false);
  assert.equal(startsKpiTable(first, { ...header(), targetYearText: '2024 年度' }), false);
});
