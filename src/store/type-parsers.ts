/**
 * One set of result parsers for both drivers, so a row read through PGlite and through `pg` has the same JS types.
 * Driver defaults differ (pg: int8 → string, PGlite: int8 → number | bigint; both: date → Date at local or UTC
 * midnight), and those differences would leak into API answers and tests.
 */

/** PostgreSQL type OIDs of the types parsed here (pg_type.oid, stable across versions). */
export const typeOids = {
  int8: 20,
  numeric: 1700,
  date: 1082,
  timestamptz: 1184,
} as const;

/** int8 → number; a value past Number.MAX_SAFE_INTEGER is an error rather than a silently rounded number. */
export function parseInt8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`int8 value ${text} is outside the safe integer range of a JS number`);
  }
  return value;
}

/** numeric → number (amounts and KPI values here are small decimals; exact decimal strings are not needed). */
export function parseNumeric(text: string): number {
  return Number(text);
}

/** date → 'YYYY-MM-DD' as PostgreSQL prints it with DateStyle ISO: no time zone can shift the day. */
export function parseDate(text: string): string {
  return text;
}

const timestampPattern = /^(\d{4,}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}(?:\.\d+)?)([+-]\d{2})(?::?(\d{2}))?(?::?(\d{2}))?$/;

/**
 * timestamptz → ISO 8601 string in UTC ('2022-03-01T09:00:00.000Z'), whatever the session time zone.
 * Values that are not plain timestamps ('infinity', BC dates) are returned as printed.
 */
export function parseTimestamptz(text: string): string {
  const match = timestampPattern.exec(text);
  if (!match) return text;
  const [, day, time, hours, minutes = '00', seconds] = match;
  // ISO 8601 has no seconds in an offset; PostgreSQL prints them only for historic local mean times.
  const date = new Date(`${day}T${time}${hours}:${minutes}`);
  if (Number.isNaN(date.getTime())) return text;
  if (seconds !== undefined) {
    const sign = hours?.startsWith('-') ? 1 : -1;
    date.setTime(date.getTime() + sign * Number(seconds) * 1000);
  }
  return date.toISOString();
}

/** Parsers by type OID, in the shape both drivers accept. */
export const resultParsers: Readonly<Record<number, (text: string) => unknown>> = {
  [typeOids.int8]: parseInt8,
  [typeOids.numeric]: parseNumeric,
  [typeOids.date]: parseDate,
  [typeOids.timestamptz]: parseTimestamptz,
};
