import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { operatorActor } from '../../src/domain/access-policy.js';
import { parseDocument } from '../../src/import/parse-document.js';
import { importDocument } from '../../src/service/import-document.js';
import { getCurrentVision, getProject, listProjects } from '../../src/service/read-vision.js';
import type { OpenDatabase } from '../../src/store/connect.js';
import { countRows } from '../helpers/count-rows.js';
import { openMigrated, testEngines } from '../helpers/test-databases.js';

/** The bundled sample through the real importer and the store: what `npm start` does on first start. */
const samplePath = fileURLToPath(new URL('../../samples/aomori-vision-r4-03.txt', import.meta.url));

for (const engine of testEngines) {
  describe(`the sample document through importDocument on ${engine.name}`, () => {
    let database: OpenDatabase;
    let bytes: Uint8Array;
    before(async () => {
      database = await openMigrated(engine);
      bytes = await readFile(samplePath);
    });
    after(async () => {
      await database.close();
    });

    test('is stored whole and read back as the importer produced it', async () => {
      const expected = parseDocument(new TextDecoder().decode(bytes)).vision;
      const result = await importDocument(database.db, operatorActor('system'), {
        fileName: 'aomori-vision-r4-03.txt',
        bytes,
      });
      assert.equal(result.status, 'created');
      assert.equal(result.projectCount, 55);
      assert.equal(result.projectCount, expected.projects.length);

      assert.deepEqual(await getCurrentVision(database.db), expected);
      assert.deepEqual(await listProjects(database.db), expected.projects);
      assert.deepEqual(
        await getProject(database.db, 47),
        expected.projects.find((p) => p.number === 47),
      );
      const counts = await countRows(database.db);
      assert.equal(counts.project_version, 55);
      assert.equal(
        counts.budget_cell,
        expected.projects.reduce((n, p) => n + p.budget.years.length + 1, 0),
      );
      assert.equal(
        counts.kpi,
        expected.projects.reduce((n, p) => n + p.kpis.length, 0),
      );
    });

    test('a second import of the same file changes nothing', async () => {
      const rowsBefore = await countRows(database.db);
      const again = await importDocument(database.db, operatorActor('system'), { fileName: 'copy.txt', bytes });
      assert.equal(again.status, 'unchanged');
      assert.equal(again.seq, 1);
      assert.deepEqual(await countRows(database.db), rowsBefore);
    });
  });
}
