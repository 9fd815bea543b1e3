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

test('a running page header inside a sheet neither cuts the sheet nor moves the placement', () => {
  const lines = seed.split('\n');
  const roles5 = lines.findIndex(
    (l, i) => i > lines.findIndex((x) => x.startsWith('事業名\t5\t')) && l.startsWith('連携市町村の'),
  );
  const withHeader = [
    ...lines.slice(0, roles5),
    '',
    '- 3 -',
    '1 圏域全体の経済成長のけん引',
    '(2) 産業クラスターの形成、イノベーション実現、新規創業促進、地域の中堅企業等を核とした戦略産業の育成',
    '',
    ...lines.slice(roles5),
  ].join('\n');
  const plain = parseDocument(seed).vision;
  const variant = parseDocument(withHeader).vision;
  const strip = (v: typeof plain) => v.projects.map(({ source: _source, ...rest }) => rest);
  assert.deepEqual(strip(variant), strip(plain));
});
