import assert from 'node:assert/strict';
import { parseDocument } from '../../src/import/parse-document.js';
import { readRepoText, SEED_DOCUMENT } from './read-fixture.js';

export const seedText = readRepoText(SEED_DOCUMENT);
export const seedLines = seedText.split('\n');

/** The projects of a document without their source lines (they move with inserted lines). */
export function projectsOf(text: string) {
  return parseDocument(text).vision.projects.map(({ source: _source, ...rest }) => rest);
}

/** The seed with `edit` applied to every line `select` picks (returning an array inserts lines). */
export function seedVariant(
  select: (line: string, index: number) => boolean,
  edit: (line: string, index: number) => string | string[],
): string {
  let edited = 0;
  const lines = seedLines.flatMap((line, i) => {
    if (!select(line, i)) return [line];
    edited++;
    return edit(line, i);
  });
  assert.ok(edited > 0, 'the variant changes the seed');
  return lines.join('\n');
}

/** The index in the seed of sheet `n`'s 事業名 line. */
export function sheetStartOf(n: number): number {
  const at = seedLines.findIndex((l) => l.startsWith(`事業名\t${n}\t`));
  assert.ok(at >= 0, `the seed has a sheet ${n}`);
  return at;
}
