import { readRepoText, SEED_DOCUMENT } from './read-fixture.js';

/** Revised copies of the seed document, as a planning officer would make them (text in, text out). */

export const seedText = (): string => readRepoText(SEED_DOCUMENT);

/** Project 1's budget row with its FY2023 estimate changed from 401 to 450 (and its total with it). */
export function withProject1Reestimated(text: string): string {
  const row = '\t408\t408\t401\t401\t401\t2,019';
  if (!text.includes(row)) throw new Error('project 1 budget row not found');
  return text.replace(row, '\t408\t408\t401\t450\t401\t2,068');
}

/** The document without project `number`: its matrix row and its sheet (up to the next sheet or heading). */
export function withoutProject(text: string, number: number): string {
  const lines = text.split('\n');
  const matrixRow = lines.findIndex((l) => new RegExp(`^\\t*${number}\\t[^\\t]`).test(l) && !l.startsWith('事業名'));
  const sheet = lines.findIndex((l) => l.startsWith(`事業名\t${number}\t`));
  if (matrixRow < 0 || sheet < 0) throw new Error(`project ${number} not found`);
  let end = sheet + 1;
  while (end < lines.length && !/^(事業名\t|## |\(|（)/.test(lines[end] as string)) end += 1;
  return lines.filter((_, i) => i !== matrixRow && (i < sheet || i >= end)).join('\n');
}

/** The document cut off after half its sheets (as a truncated download would leave it). */
export function truncatedAfterHalfTheSheets(text: string): string {
  const lines = text.split('\n');
  const sheets = lines.flatMap((l, i) => (l.startsWith('事業名\t') ? [i] : []));
  const cut = sheets[Math.floor(sheets.length / 2)] as number;
  return lines.slice(0, cut).join('\n');
}
