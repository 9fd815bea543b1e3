import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDocument } from '../../src/import/parse-document.js';
import { readRepoText, SEED_DOCUMENT } from '../helpers/read-fixture.js';

const seed = readRepoText(SEED_DOCUMENT);
const budgetsOf = (text: string) => parseDocument(text).vision.projects.map((p) => p.budget);

test('budget headers that add the 和暦 in brackets read the same budgets', () => {
  const reiwa = ['R2', 'R3', 'R4', 'R5', 'R6'];
  const variant = seed
    .split('\n')
    .map((line) =>
      line.startsWith('事業費見込額')
        ? line.replace(/(\d{4}) ?年度/g, (_, y: string) => `${y}年度（${reiwa[Number(y) - 2020]}）`)
        : line,
    )
    .join('\n');
  assert.notEqual(variant, seed);
  assert.match(variant, /2020年度（R2）/);
  assert.deepEqual(budgetsOf(variant), budgetsOf(seed));
});
