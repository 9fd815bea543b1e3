import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDocument } from '../../src/import/parse-document.js';
import { readRepoText } from '../helpers/read-fixture.js';

// Some documents print the central city as a ○ column of the matrix too: it is not a partner.
const original = readRepoText('test/fixtures/import/teiju-split-matrix.txt');
const withCityColumn = original
  .replaceAll('役割\t連携施策\t\t六戸町\tおいらせ町', '役割\t連携施策\t\t三沢市\t六戸町\tおいらせ町')
  .replace('1 休日夜間診療事業\t○\t○', '1 休日夜間診療事業\t○\t○\t○')
  .replace('2 子育て支援連携事業\t\t○', '2 子育て支援連携事業\t○\t\t○')
  .replace('3 路線バス運行支援事業\t○\t', '3 路線バス運行支援事業\t○\t○\t');

test('a central-city column in the matrix gives the same partners and participants', () => {
  assert.notEqual(withCityColumn, original);
  const plain = parseDocument(original).vision;
  const { vision, findings } = parseDocument(withCityColumn);
  assert.deepEqual(
    vision.area.municipalities.map((m) => [m.name, m.isCentralCity]),
    [
      ['三沢市', true],
      ['六戸町', false],
      ['おいらせ町', false],
    ],
  );
  assert.deepEqual(
    vision.projects.map((p) => p.participants),
    plain.projects.map((p) => p.participants),
  );
  assert.deepEqual(
    vision.projects.map((p) => p.participants),
    [['六戸町', 'おいらせ町'], ['おいらせ町'], ['六戸町']],
  );
  assert.equal(findings.filter((f) => f.code === 'participants_mismatch').length, 0);
});
