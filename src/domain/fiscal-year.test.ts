import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  fiscalYearOfMonth,
  formatFiscalYear,
  formatWarekiFiscalYear,
  parseFiscalYearLabel,
  parseWareki,
} from './fiscal-year.js';

test('parseWareki reads era and western months', () => {
  const march2022 = { kind: 'month', year: 2022, month: 3 };
  for (const text of [
    '令和4年3月',
    'R4年3月',
    'R4.3',
    'Ｒ４年３月',
    'Ｒ４．３',
    ' 令和 4 年 3 月 ',
    '2022年3月',
    '２０２２年３月',
  ]) {
    assert.deepEqual(parseWareki(text), march2022, text);
  }
  assert.deepEqual(parseWareki('平成31年4月'), { kind: 'month', year: 2019, month: 4 });
  assert.deepEqual(parseWareki('H31.4'), { kind: 'month', year: 2019, month: 4 });
  assert.deepEqual(parseWareki('令和元年5月'), { kind: 'month', year: 2019, month: 5 });
  assert.deepEqual(parseWareki('R元.5'), { kind: 'month', year: 2019, month: 5 });
  assert.deepEqual(parseWareki('平成元年1月'), { kind: 'month', year: 1989, month: 1 });
});

test('parseWareki reads dates', () => {
  const lastOfMarch = { kind: 'date', year: 2022, month: 3, day: 31 };
  assert.deepEqual(parseWareki('令和4年3月31日'), lastOfMarch);
  assert.deepEqual(parseWareki('R4.3.31'), lastOfMarch);
  assert.deepEqual(parseWareki('2022年3月31日'), lastOfMarch);
  assert.deepEqual(parseWareki('平成31年4月30日'), { kind: 'date', year: 2019, month: 4, day: 30 });
  assert.deepEqual(parseWareki('令和元年5月1日'), { kind: 'date', year: 2019, month: 5, day: 1 });
  assert.deepEqual(parseWareki('令和2年2月29日'), { kind: 'date', year: 2020, month: 2, day: 29 });
  assert.deepEqual(parseWareki('平成12年2月29日'), { kind: 'date', year: 2000, month: 2, day: 29 });
});

test('parseWareki reads fiscal years', () => {
  assert.deepEqual(parseWareki('令和5年度'), { kind: 'fiscalYear', fiscalYear: 2023 });
  assert.deepEqual(parseWareki('R5年度'), { kind: 'fiscalYear', fiscalYear: 2023 });
  assert.deepEqual(parseWareki('Ｒ５年度'), { kind: 'fiscalYear', fiscalYear: 2023 });
  assert.deepEqual(parseWareki('2022年度'), { kind: 'fiscalYear', fiscalYear: 2022 });
  // FY2019 began under 平成 and ended under 令和: both names are right.
  assert.deepEqual(parseWareki('平成31年度'), { kind: 'fiscalYear', fiscalYear: 2019 });
  assert.deepEqual(parseWareki('令和元年度'), { kind: 'fiscalYear', fiscalYear: 2019 });
  assert.deepEqual(parseWareki('H30年度'), { kind: 'fiscalYear', fiscalYear: 2018 });
});

test('parseWareki answers invalid for impossible dates, never throws', () => {
  const cases = [
    '令和4年13月',
    '令和4年0月',
    '令和4年4月31日',
    '令和5年2月29日',
    '平成31年2月29日',
    '2100年2月29日',
    '令和0年5月',
    '令和0年度',
    '平成32年1月',
    '平成32年度',
    '平成31年5月',
    '平成31年5月1日',
    '令和元年4月',
    '令和元年4月30日',
    '平成元年1月7日',
    '令和4年',
    '昭和60年4月',
    'S60年度',
    '令和四年三月',
    '令和4年3月変更',
    'R4/3',
    '2022.3',
    '22年3月',
    '',
    '   ',
  ];
  for (const text of cases) {
    const result = parseWareki(text);
    assert.equal(result.kind, 'invalid', text);
    assert.ok(result.kind === 'invalid' && result.reason.length > 0, text);
  }
});

test('parseWareki explains why', () => {
  assert.deepEqual(parseWareki('平成31年5月'), { kind: 'invalid', reason: '平成は2019年4月30日までです' });
  assert.deepEqual(parseWareki('令和元年4月'), { kind: 'invalid', reason: '令和は2019年5月1日からです' });
  assert.deepEqual(parseWareki('令和4年13月'), { kind: 'invalid', reason: '13月はありません' });
  assert.deepEqual(parseWareki('令和5年2月29日'), { kind: 'invalid', reason: '2023年2月29日はありません' });
});

test('fiscalYearOfMonth: 年度 N runs April N .. March N+1', () => {
  assert.equal(fiscalYearOfMonth(2022, 3), 2021);
  assert.equal(fiscalYearOfMonth(2022, 4), 2022);
  assert.equal(fiscalYearOfMonth(2022, 1), 2021);
  assert.equal(fiscalYearOfMonth(2022, 12), 2022);
  assert.throws(() => fiscalYearOfMonth(2022, 13), RangeError);
  assert.throws(() => fiscalYearOfMonth(2022, 0), RangeError);
  assert.throws(() => fiscalYearOfMonth(2022.5, 4), RangeError);
});

test('a revision dated R4年3月 belongs to 令和3年度', () => {
  const revision = parseWareki('R4年3月');
  assert.equal(revision.kind, 'month');
  if (revision.kind !== 'month') return;
  assert.equal(formatWarekiFiscalYear(fiscalYearOfMonth(revision.year, revision.month)), '令和3年度');
});

test('formatFiscalYear writes western then 和暦', () => {
  assert.equal(formatFiscalYear(2022), '2022年度（令和4年度）');
  assert.equal(formatFiscalYear(2020), '2020年度（令和2年度）');
  assert.equal(formatFiscalYear(2019), '2019年度（令和元年度）');
  assert.equal(formatFiscalYear(2018), '2018年度（平成30年度）');
  assert.equal(formatFiscalYear(1989), '1989年度（平成元年度）');
  assert.equal(formatFiscalYear(1988), '1988年度');
  assert.throws(() => formatFiscalYear(2022.5), RangeError);
});

test('formatWarekiFiscalYear', () => {
  assert.equal(formatWarekiFiscalYear(2022), '令和4年度');
  assert.equal(formatWarekiFiscalYear(2019), '令和元年度');
  assert.equal(formatWarekiFiscalYear(2018), '平成30年度');
  assert.equal(formatWarekiFiscalYear(1989), '平成元年度');
  assert.throws(() => formatWarekiFiscalYear(1988), RangeError);
});

test('the era table agrees with Intl japanese calendar', (t) => {
  const format = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { era: 'long', year: 'numeric', timeZone: 'UTC' });
  if (format.resolvedOptions().calendar !== 'japanese') {
    t.skip('this Node has no japanese calendar data');
    return;
  }
  for (let fiscalYear = 1989; fiscalYear <= 2040; fiscalYear++) {
    // June 1 is inside the 年度 and after the 2019 era change: the day whose era names the 年度.
    const expected = `${format.format(new Date(Date.UTC(fiscalYear, 5, 1)))}度`;
    assert.equal(formatWarekiFiscalYear(fiscalYear), expected, String(fiscalYear));
  }
});

test('formatWarekiFiscalYear and parseWareki round-trip', () => {
  for (let fiscalYear = 1989; fiscalYear <= 2060; fiscalYear++) {
    assert.deepEqual(parseWareki(formatWarekiFiscalYear(fiscalYear)), { kind: 'fiscalYear', fiscalYear });
  }
});

test('parseFiscalYearLabel reads column headers', () => {
  for (const text of ['2020年度', '2020 年度', '２０２０年度', '令和2年度', 'R2年度', 'R2', 'Ｒ２', ' R2 ']) {
    assert.equal(parseFiscalYearLabel(text), 2020, text);
  }
  assert.equal(parseFiscalYearLabel('R元'), 2019);
  assert.equal(parseFiscalYearLabel('H30'), 2018);
  for (const text of ['合計', '', '2020', 'R2年3月', '令和2年', 'R0', '平成32年度', '事業費']) {
    assert.equal(parseFiscalYearLabel(text), null, text);
  }
});
