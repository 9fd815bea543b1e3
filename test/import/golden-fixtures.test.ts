import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseDocument } from '../../src/import/parse-document.js';
import { repoPath } from '../helpers/read-fixture.js';

// Each test/fixtures/import/<case>.txt is read and compared with <case>.expected.json.
// Rewrite the expectations with UPDATE_GOLDEN=1 and review the diff before committing.
const dir = repoPath('test/fixtures/import');
const cases = readdirSync(dir).filter((f) => f.endsWith('.txt'));

for (const file of cases) {
  test(`golden: ${file}`, () => {
    const { vision } = parseDocument(readFileSync(`${dir}/${file}`, 'utf8'));
    const expectedPath = `${dir}/${file.replace(/\.txt$/, '.expected.json')}`;
    const actual = `${JSON.stringify(vision, null, 2)}\n`;
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(expectedPath, actual);
    assert.ok(existsSync(expectedPath), `${expectedPath} is missing: run with UPDATE_GOLDEN=1 and review it`);
    assert.deepEqual(JSON.parse(actual), JSON.parse(readFileSync(expectedPath, 'utf8')));
  });
}

test('golden fixtures exist', () => {
  assert.ok(cases.length >= 3, `found ${cases.length} fixture documents`);
});
