/**
 * `npm start`'s server warms its caches (ECharts, the open data) just after it listens. A stop that comes while the
 * warm-up runs waits for it before the database closes, as for any request in flight: no error, no lost line.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadConfig } from '../../src/config.js';
import { startServer } from '../../src/start-server.js';
import { freePort } from '../helpers/free-port.js';
import { createMemoryLog } from '../helpers/memory-log.js';

test('a stop during the start-up warm-up waits for it, then closes the database without an error', async () => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'renkei-warm-up-'));
  try {
    const config = loadConfig({ DATA_DIR: dataDir, PORT: String(await freePort()) }, process.cwd());
    const log = createMemoryLog();
    const server = await startServer(config, { importSampleWhenEmpty: true, logger: log.logger, warmUpDelayMs: 0 });
    await sleep(5); // the warm-up's timer (0 ms) has fired: building the open data takes far longer than this
    await server.close();
    assert.deepEqual(log.errors(), []);
    const warmUp = log.lines().find((line) => line.reqId === 'startup-warm-up');
    assert.equal(warmUp?.status, 200, 'the warm-up answered before the database closed');
    assert.equal(log.lines().at(-1)?.msg, 'データベースを閉じました');
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});
