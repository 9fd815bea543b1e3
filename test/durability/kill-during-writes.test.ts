/**
 * No lost writes, no half writes: signed-in municipality staff keep writing their yearly figures through the API
 * (PUT with If-Match, each writer on its own part, one write after another) while the server is killed with
 * SIGKILL in the middle of the burst. After a restart on the same data, every part holds its last acknowledged
 * value (or the one write that was in flight when the kill came, whole), its version counts exactly the writes that
 * landed, and the audit log (written in the same transaction) lists those writes and no others. PGlite (a data
 * directory on disk) and PostgreSQL.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { operatorActor } from '../../src/domain/access-policy.js';
import { addAccount } from '../../src/service/accounts/manage-accounts.js';
import { openDatabase } from '../../src/store/connect.js';
import { ensureSchema } from '../../src/store/ensure-schema.js';
import { repoPath, SEED_DOCUMENT } from '../helpers/read-fixture.js';
import { startRenkeiServer } from '../helpers/renkei-process.js';
import { runRenkei } from '../helpers/run-renkei.js';
import { runAdmin } from '../helpers/test-databases.js';
import { TEST_PASSWORD, WebClient } from '../helpers/web-client.js';

const AREA = '青森圏域';
const WRITERS_PER_MUNICIPALITY = 2;
/** acknowledged writes before the kill: enough that every writer is mid-burst */
const ACKS_BEFORE_KILL = 40;
const ADMIN_URL = process.env.TEST_DATABASE_URL;

type Engine = { name: string; env: NodeJS.ProcessEnv; setUp(): Promise<void>; tearDown(): Promise<void> };

/** One writer: its part, the values the server acknowledged in order, and the one sent but never answered. */
type Writer = {
  client: WebClient;
  path: string;
  entityId: string;
  acked: number[];
  inFlight: number | undefined;
};

let work = '';
before(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'renkei-kill-writes-'));
});
after(() => rm(work, { recursive: true, force: true }));

const engines: Engine[] = [
  {
    name: 'pglite',
    get env() {
      return { DATA_DIR: path.join(work, 'data') };
    },
    setUp: async () => {},
    tearDown: async () => {},
  },
];
if (ADMIN_URL) {
  const name = `renkei_test_killw_${process.pid}_${randomBytes(3).toString('hex')}`;
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  engines.push({
    name: 'postgresql',
    env: { DATABASE_URL: url.toString() },
    setUp: async () => {
      await runAdmin(ADMIN_URL, `create database "${name}"`);
      const migrated = await runRenkei(['migrate'], { env: { DATABASE_URL: url.toString() } });
      assert.equal(migrated.code, 0, migrated.stderr);
    },
    tearDown: () => runAdmin(ADMIN_URL, `drop database if exists "${name}" with (force)`),
  });
} else {
  console.log('# kill-during-writes on PostgreSQL: skipped (TEST_DATABASE_URL is not set)');
}

async function withDatabase<T>(
  env: NodeJS.ProcessEnv,
  use: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>,
) {
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
  try {
    return await use(database);
  } finally {
    await database.close();
  }
}

/** One municipality staff account for each municipality of the area that is not the central city. */
async function addStaffAccounts(env: NodeJS.ProcessEnv): Promise<{ email: string; code: string; name: string }[]> {
  return withDatabase(env, async (database) => {
    await ensureSchema(database);
    const towns = await database.db
      .selectFrom('municipality')
      .innerJoin('area', 'area.id', 'municipality.area_id')
      .select(['municipality.name', 'municipality.code'])
      .where('area.slug', '=', AREA)
      .where('municipality.is_central_city', '=', false)
      .execute();
    const accounts = [];
    for (const town of towns) {
      const email = `kill-${town.code}@example.jp`;
      await addAccount(database.db, operatorActor('cli'), {
        email,
        name: email,
        password: TEST_PASSWORD,
        role: { role: 'municipality_staff', areaSlug: AREA, municipality: town.code ?? '' },
      });
      accounts.push({ email, code: town.code ?? '', name: town.name });
    }
    return accounts;
  });
}

/** Writers on distinct parts: each town's staff on the first projects the town takes part in. */
async function makeWriters(origin: string, accounts: { email: string; code: string; name: string }[]) {
  type Vision = { plan: { fiscalYears: number[] }; projects: { number: number; participants: string[] }[] };
  const vision = (await (await fetch(`${origin}/api/v1/vision`)).json()) as Vision;
  const fy = vision.plan.fiscalYears[0] as number;
  const writers: Writer[] = [];
  for (const account of accounts) {
    const client = new WebClient(origin);
    const signedIn = await client.signIn(account.email, TEST_PASSWORD);
    assert.equal(signedIn.status, 303, `sign-in of ${account.email}`);
    const own = vision.projects.filter((p) => p.participants.includes(account.name));
    for (const project of own.slice(0, WRITERS_PER_MUNICIPALITY)) {
      const entityId = `${fy}/${project.number}/${account.code}`;
      const address = `/api/v1/areas/${encodeURIComponent(AREA)}/results/${fy}/projects/${project.number}`;
      writers.push({
        client,
        path: `${address}/municipalities/${account.code}`,
        entityId,
        acked: [],
        inFlight: undefined,
      });
    }
  }
  assert.ok(writers.length >= 4, `writers: ${writers.length}`);
  return writers;
}

/** Writes one value after another until the server stops answering; returns when it has. */
async function writeUntilGone(writer: Writer, index: number, onAck: () => void): Promise<void> {
  const read = await writer.client.request(writer.path);
  assert.equal(read.status, 200, `GET ${writer.path}`);
  await read.arrayBuffer();
  let etag = read.headers.get('ETag') ?? '';
  for (let n = 1; ; n++) {
    const amount = index * 100_000 + n;
    writer.inFlight = amount;
    let answer: Response;
    try {
      answer = await writer.client.request(writer.path, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', 'If-Match': etag },
        body: JSON.stringify({ amount, comment: `writer ${index} write ${n}` }),
      });
      await answer.arrayBuffer();
    } catch {
      return; // the server is gone: this write may or may not have landed
    }
    assert.equal(answer.status, 200, `PUT ${writer.path}`);
    writer.inFlight = undefined;
    writer.acked.push(amount);
    etag = answer.headers.get('ETag') ?? '';
    onAck();
  }
}

for (const engine of engines) {
  describe(`SIGKILL during a burst of writes on ${engine.name}`, { timeout: 300_000 }, () => {
    before(() => engine.setUp());
    after(() => engine.tearDown());

    test('every acknowledged write is there after a restart, no half write is visible', async (t) => {
      const { env } = engine;
      const imported = await runRenkei(['import', repoPath(SEED_DOCUMENT)], { env });
      assert.equal(imported.code, 0, imported.stderr);
      const accounts = await addStaffAccounts(env);

      const server = await startRenkeiServer({ env });
      let writers: Writer[] = [];
      try {
        writers = await makeWriters(server.url, accounts);
        let acks = 0;
        const onAck = () => {
          acks++;
          if (acks === ACKS_BEFORE_KILL) server.child.kill('SIGKILL');
        };
        await Promise.all(writers.map((writer, i) => writeUntilGone(writer, i + 1, onAck)));
      } finally {
        await server.stop('SIGKILL');
      }
      const inFlight = writers.filter((w) => w.inFlight !== undefined).length;
      t.diagnostic(`killed after ${ACKS_BEFORE_KILL} acknowledged writes; ${inFlight} of ${writers.length} unanswered`);

      // the same sessions (their cookies) read their parts back from the restarted server, on its new port
      const again = await startRenkeiServer({ env });
      const landed = new Map<string, number[]>();
      try {
        for (const writer of writers) {
          const reader = new WebClient(again.url);
          for (const [name, value] of writer.client.cookies) reader.cookies.set(name, value);
          const read = await reader.request(writer.path);
          assert.equal(read.status, 200, `GET ${writer.path} after the restart`);
          const part = (await read.json()) as { amount: number | null; version: number };
          const last = writer.acked.at(-1) ?? null;
          const inFlightLanded = writer.inFlight !== undefined && part.amount === writer.inFlight;
          const expected = inFlightLanded ? [...writer.acked, writer.inFlight as number] : writer.acked;
          if (!inFlightLanded) assert.equal(part.amount, last, `${writer.entityId}: the last acknowledged value`);
          assert.equal(part.version, expected.length, `${writer.entityId}: one version per write that landed`);
          landed.set(writer.entityId, expected);
        }
      } finally {
        const stopped = await again.stop('SIGTERM');
        assert.equal(stopped.code, 0, again.output());
      }

      const audited = await withDatabase(env, (database) =>
        database.db
          .selectFrom('audit_entry')
          .select(['entity_id', 'after', 'data_version'])
          .where('action', '=', 'result.record')
          .orderBy('id')
          .execute(),
      );
      for (const [entityId, amounts] of landed) {
        const entries = audited.filter((entry) => entry.entity_id === entityId);
        assert.deepEqual(
          entries.map((entry) => (entry.after as { amount: number }).amount),
          amounts,
          `${entityId}: the audit log lists exactly the writes that landed, in order`,
        );
      }
      const versions = audited.map((entry) => entry.data_version);
      assert.deepEqual(
        versions,
        [...new Set(versions)].sort((a, b) => a - b),
        'one data version per write',
      );
    });
  });
}
