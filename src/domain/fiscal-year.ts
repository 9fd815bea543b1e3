/**
 * 年度 and 和暦 as printed in vision documents.
 * 年度 N runs April N .. March N+1. Everything here is plain integer arithmetic over an era table:
 * no JS Date, so results never depend on the time zone or clock of the machine.
 */

/** The result of reading one era or western date; bad user text is a value, never an exception. */
export type WarekiParseResult =
  | { kind: 'month'; year: number; month: number }
  | { kind: 'date'; year: number; month: number; day: number }
  | { kind: 'fiscalYear'; fiscalYear: number }
  | { kind: 'invalid'; reason: string };

type YearMonthDay = { year: number; month: number; day: number };

type Era = {
  name: '令和' | '平成';
  letter: 'R' | 'H';
  /** western year = offset + era year */
  offset: number;
  first: YearMonthDay;
  last: YearMonthDay | null;
};

// Checked against Intl.DateTimeFormat('ja-JP-u-ca-japanese') in the tests; newest era first.
const ERAS: readonly Era[] = [
  { name: '令和', letter: 'R', offset: 2018, first: { year: 2019, month: 5, day: 1 }, last: null },
  {
    name: '平成',
    letter: 'H',
    offset: 1988,
    first: { year: 1989, month: 1, day: 8 },
    last: { year: 2019, month: 4, day: 30 },
  },
];

const ERA_DATE =
  /^(令和|平成|R|H)\s*(元|\d{1,2})\s*(?:(年度)|年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?|\.\s*(\d{1,2})(?:\s*\.\s*(\d{1,2}))?)$/i;
const WESTERN_DATE = /^([1-9]\d{3})\s*(?:(年度)|年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?)$/;
const ERA_YEAR_ONLY = /^(令和|平成|R|H)\s*(元|\d{1,2})\s*年$/i;
const OTHER_ERA = /^(昭和|大正|明治|[STM]\s*\d)/i;

/**
 * Reads a 和暦 or western year-month, date or 年度, strictly: impossible dates are invalid.
 * Full-width letters and digits are accepted (the text is NFKC-normalised first).
 * @example parseWareki('R4年3月') // { kind: 'month', year: 2022, month: 3 }
 * @example parseWareki('令和元年度') // { kind: 'fiscalYear', fiscalYear: 2019 }
 * @example parseWareki('平成31年5月') // { kind: 'invalid', reason: '平成は2019年4月30日までです' }
 */
export function parseWareki(text: string): WarekiParseResult {
  const normalized = text.normalize('NFKC').trim();
  if (normalized === '') return invalid('年月が空です');

  const era = ERA_DATE.exec(normalized);
  if (era) {
    const [, eraText = '', yearText = '', fiscal, month1, day1, month2, day2] = era;
    return readEraDate(findEra(eraText), yearText, fiscal !== undefined, month1 ?? month2, day1 ?? day2);
  }
  const western = WESTERN_DATE.exec(normalized);
  if (western) {
    const [, yearText = '', fiscal, monthText, dayText] = western;
    const year = Number(yearText);
    if (fiscal !== undefined) return { kind: 'fiscalYear', fiscalYear: year };
    return readCalendarDate(year, monthText, dayText);
  }
  if (ERA_YEAR_ONLY.test(normalized)) return invalid(`「${text}」は年だけで、月がありません`);
  if (OTHER_ERA.test(normalized)) return invalid(`「${text}」の元号には対応していません（令和・平成のみ）`);
  return invalid(`「${text}」は年月・年度として読めません`);
}

function readEraDate(
  era: Era,
  yearText: string,
  isFiscalYear: boolean,
  monthText: string | undefined,
  dayText: string | undefined,
): WarekiParseResult {
  const eraYear = yearText === '元' ? 1 : Number(yearText);
  if (eraYear < 1) return invalid(`${era.name}0年はありません（1年目は元年）`);
  const year = era.offset + eraYear;

  if (isFiscalYear) {
    // A 年度 belongs to an era when any of its days does: 平成31年度 and 令和元年度 are both FY2019.
    const outside = outsideEra(era, { year, month: 4, day: 1 }, { year: year + 1, month: 3, day: 31 });
    return outside ?? { kind: 'fiscalYear', fiscalYear: year };
  }

  const result = readCalendarDate(year, monthText, dayText);
  if (result.kind === 'month') {
    const outside = outsideEra(
      era,
      { year, month: result.month, day: 1 },
      { year, month: result.month, day: daysInMonth(year, result.month) },
    );
    if (outside) return outside;
  }
  if (result.kind === 'date') {
    const outside = outsideEra(era, result, result);
    if (outside) return outside;
  }
  return result;
}

function readCalendarDate(year: number, monthText: string | undefined, dayText: string | undefined): WarekiParseResult {
  const month = Number(monthText);
  if (!(month >= 1 && month <= 12)) return invalid(`${monthText}月はありません`);
  if (dayText === undefined) return { kind: 'month', year, month };
  const day = Number(dayText);
  if (!(day >= 1 && day <= daysInMonth(year, month))) return invalid(`${year}年${month}月${day}日はありません`);
  return { kind: 'date', year, month, day };
}

/** An invalid result when no day of the span [first, last] lies in the era, undefined when one does. */
function outsideEra(era: Era, first: YearMonthDay, last: YearMonthDay): WarekiParseResult | undefined {
  if (compare(last, era.first) < 0) {
    return invalid(`${era.name}は${era.first.year}年${era.first.month}月${era.first.day}日からです`);
  }
  if (era.last !== null && compare(first, era.last) > 0) {
    return invalid(`${era.name}は${era.last.year}年${era.last.month}月${era.last.day}日までです`);
  }
  return undefined;
}

function findEra(text: string): Era {
  const key = text.toUpperCase();
  const era = ERAS.find((e) => e.name === key || e.letter === key);
  // The regex only lets known era names through, so a miss is a bug here, not bad input.
  if (!era) throw new Error(`unknown era ${text}`);
  return era;
}

function compare(a: YearMonthDay, b: YearMonthDay): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function invalid(reason: string): WarekiParseResult {
  return { kind: 'invalid', reason };
}

/**
 * The 年度 a month falls in: 年度 N runs April N .. March N+1.
 * @example fiscalYearOfMonth(2022, 3) // 2021
 * @example fiscalYearOfMonth(2022, 4) // 2022
 */
export function fiscalYearOfMonth(year: number, month: number): number {
  if (!Number.isInteger(year) || !Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`not a year and month: ${year}, ${month}`);
  }
  return month >= 4 ? year : year - 1;
}

/**
 * A 年度 in 和暦 alone. FY2019 is 令和元年度, as municipalities write it, although its April was still 平成.
 * Throws for years before 平成 (1989), which this table does not know.
 * @example formatWarekiFiscalYear(2022) // '令和4年度'
 */
export function formatWarekiFiscalYear(fiscalYear: number): string {
  if (!Number.isInteger(fiscalYear)) throw new RangeError(`not a fiscal year: ${fiscalYear}`);
  // The era in force on June 1 names the 年度: that puts FY2019 in 令和, FY1989 in 平成.
  const era = ERAS.find((e) => compare({ year: fiscalYear, month: 6, day: 1 }, e.first) >= 0);
  if (!era) throw new RangeError(`no era known for fiscal year ${fiscalYear}`);
  const eraYear = fiscalYear - era.offset;
  return `${era.name}${eraYear === 1 ? '元' : eraYear}年度`;
}

/**
 * A 年度 for display, western first with 和暦 in brackets; before 1989 the western year alone.
 * @example formatFiscalYear(2022) // '2022年度（令和4年度）'
 * @example formatFiscalYear(2019) // '2019年度（令和元年度）'
 */
export function formatFiscalYear(fiscalYear: number): string {
  if (!Number.isInteger(fiscalYear)) throw new RangeError(`not a fiscal year: ${fiscalYear}`);
  const oldest = ERAS[ERAS.length - 1];
  if (oldest && fiscalYear < oldest.first.year) return `${fiscalYear}年度`;
  return `${fiscalYear}年度（${formatWarekiFiscalYear(fiscalYear)}）`;
}

const ERA_LETTER_ONLY = /^([RH])\s*(元|\d{1,2})$/i;

/**
 * Reads a fiscal-year column header (`2020年度`, `２０２０年度`, `令和2年度`, `R2年度`, or a bare `R2`).
 * @example parseFiscalYearLabel('R2') // 2020
 * @example parseFiscalYearLabel('合計') // null
 */
export function parseFiscalYearLabel(text: string): number | null {
  const normalized = text.normalize('NFKC').trim();
  // Budget tables head their columns with a bare `R2`: in that place it can only mean a 年度.
  const bare = ERA_LETTER_ONLY.exec(normalized);
  const result = parseWareki(bare ? `${bare[1]}${bare[2]}年度` : normalized);
  return result.kind === 'fiscalYear' ? result.fiscalYear : null;
}
