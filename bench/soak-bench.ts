/**
 * Load and soak (issue 7, item 11): CLIENTS concurrent clients for SECONDS against the server as `npm start` runs
 * it, on loopback only, bounded in time: most read public pages and API answers, the rest are signed-in municipality
 * staff entering their figures (GET for the ETag, PUT with If-Match). Afterwards the database is read: every
 * acknowledged write must be there (the versions of all results add up to the writes answered 200), no answer may
 * be a 5xx, and the server's RSS at the end is compared with its RSS after the warm-up. PGlite, and PostgreSQL when
 * BENCH_DATABASE_URL is set.
 *
 * The same load runs WARMUP seconds first (JIT, caches filling, the heap finding its size), then SECONDS measured.
 * RSS is read every 2 s; V8's heap makes it a sawtooth (garbage builds up in the old generation until a full
 * collection), so "after warm-up" and "at the end" are the medians of the samples in the first and last 10 s of
 * the measured part, printed beside the single readings.
 *
 *   npx tsx bench/soak-bench.ts [seconds] [clients] [warm-up seconds]
 */
import { performance } from 'node:perf_hooks';
import { operatorActor } from '../src/domain/access-policy.js';
import { addAccount } from '../src/service/accounts/manage-accounts.js';
import { openDatabase } from '../src/store/connect.js';
import { ensureSchema } from '../src/store/ensure-schema.js';
import { freePort } from '../test/helpers/free-port.js';
import { WebClient } from '../test/helpers/web-client.js';
import {
  type Backend,
  preparePglite,
  preparePostgres,
  readMemoryMb,
  runCleanups,
  startAppServer,
  stopChild,
  waitFor200,
} from './portal-bench.js';

const SECONDS = Number(process.argv[2] ?? 60);
const CLIENTS = Number(process.argv[3] ?? 100);
const WRITERS = Math.max(5, Math.round(CLIENTS / 5));
const WARMUP_S = Number(process.argv[4] ?? 30);
const SAMPLE_S = 2;
/** the samples whose median stands for a point in time */
const WINDOW_S = 10;
const PASSWORD = 'soak benchmark password';
const AREA = '青森圏域';
const READ_PATHS = ['/', '/projects', '/projects/5', '/matrix', '/api/v1/projects', '/healthz', '/downloads'];

type Tally = {
  reads: number;
  acked: number;
  conflicts: number;
  serverErrors: number;
  otherErrors: number;
  /** a request that got no answer (connection reset, refused) */
  networkErrors: number;
};

/** The accounts the writers use: one municipality staff per municipality of the area. */
async function makeAccounts(backend: Backend): Promise<{ email: string; code: string }[]> {
  const database = await openDatabase({ dataDir: backend.env.DATA_DIR, databaseUrl: backend.env.DATABASE_URL });
  try {
    await ensureSchema(database);
    const municipalities = await database.db
      .selectFrom('municipality')
      .select(['name', 'code'])
      .where('code', 'is not', null)
      .execute();
    const accounts = [];
    for (const m of municipalities) {
      const email = `soak-${m.code}@example.jp`;
      await addAccount(database.db, operatorActor('cli'), {
        email,
        name: email,
        password: PASSWORD,
        role: { role: 'municipality_staff', areaSlug: AREA, municipality: m.code ?? '' },
      });
      accounts.push({ email, code: m.code ?? '' });
    }
    return accounts;
  } finally {
    await database.close();
  }
}

async function sumOfVersions(backend: Backend): Promise<number> {
  const database = await openDatabase({ dataDir: backend.env.DATA_DIR, databaseUrl: backend.env.DATABASE_URL });
  try {
    const row = await database.db
      .selectFrom('municipality_result')
      .select((eb) => eb.fn.sum<number>('version').as('n'))
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  } finally {
    await database.close();
  }
}

async function soak(backend: Backend): Promise<void> {
  console.log(
    `\n== ${backend.name}: ${CLIENTS} clients (${WRITERS} writers), ${WARMUP_S} s warm-up then ${SECONDS} s ==`,
  );
  const accounts = await makeAccounts(backend);
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const { app: server } = await startAppServer({ ...backend, env: { ...backend.env, PUBLIC_URL: origin } }, port);
  const tally: Tally = { reads: 0, acked: 0, conflicts: 0, serverErrors: 0, otherErrors: 0, networkErrors: 0 };
  try {
    await waitFor200(port, '/healthz', server);
    const names = new Map<string, string>();
    type VisionArea = {
      area: { municipalities: { code: string; name: string; isCentralCity: boolean }[] };
      plan: { fiscalYears: number[] };
      projects: { number: number; participants: string[] }[];
    };
    const vision = (await (await fetch(`${origin}/api/v1/vision`)).json()) as VisionArea;
    const { fiscalYears } = vision.plan;
    const { projects } = vision;
    for (const m of vision.area.municipalities) {
      names.set(m.code, m.isCentralCity ? '*' : m.name);
    }
    // one session per account (the sign-in rate limit counts per client address), shared by its writers
    const sessions = await Promise.all(
      accounts.map(async (account) => {
        const client = new WebClient(origin);
        const signedIn = await client.signIn(account.email, PASSWORD);
        if (signedIn.status !== 303) throw new Error(`sign-in ${account.email}: ${signedIn.status}`);
        const name = names.get(account.code);
        const own = projects.filter((p) => name === '*' || p.participants.includes(name ?? ''));
        return { client, code: account.code, own };
      }),
    );
    const writers = Array.from(
      { length: WRITERS },
      (_, i) => sessions[i % sessions.length] as (typeof sessions)[number],
    );
    const end = performance.now() + (WARMUP_S + SECONDS) * 1000;
    let warmRss = 0;
    const warm = setTimeout(() => {
      warmRss = readMemoryMb(server.child.pid ?? 0).rss;
    }, WARMUP_S * 1000);
    // the RSS every SAMPLE_S seconds from the end of the warm-up: a plateau (or a sawtooth around one) is the heap
    // settling to its working size, a steady climb a leak
    const series: number[] = [];
    let sampler: NodeJS.Timeout | undefined;
    const sampling = setTimeout(() => {
      series.push(readMemoryMb(server.child.pid ?? 0).rss);
      sampler = setInterval(() => series.push(readMemoryMb(server.child.pid ?? 0).rss), SAMPLE_S * 1000);
    }, WARMUP_S * 1000);
    const count = (status: number) => {
      if (status >= 500) tally.serverErrors++;
      else if (status >= 400 && status !== 409) tally.otherErrors++;
    };
    const noAnswer = (error: unknown) => {
      tally.networkErrors++;
      if (tally.networkErrors <= 3) console.log(`  no answer: ${(error as Error).cause ?? error}`);
    };
    const reader = async (i: number) => {
      for (let n = i; performance.now() < end; n++) {
        try {
          await readOnce(n);
        } catch (error) {
          noAnswer(error);
        }
      }
    };
    const readOnce = async (n: number) => {
      const response = await fetch(`${origin}${READ_PATHS[n % READ_PATHS.length]}`);
      await response.arrayBuffer();
      tally.reads++;
      count(response.status);
    };
    const writer = async (w: (typeof writers)[number], i: number) => {
      for (let n = i; performance.now() < end; n++) {
        try {
          await writeOnce(w, i, n);
        } catch (error) {
          noAnswer(error); // an unanswered PUT may or may not have landed: counted, not assumed
        }
      }
    };
    const writeOnce = async (w: (typeof writers)[number], i: number, n: number) => {
      const project = w.own[(n * 7) % w.own.length] as { number: number };
      const fy = fiscalYears[n % fiscalYears.length] as number;
      const path = `/api/v1/areas/${encodeURIComponent(AREA)}/results/${fy}/projects/${project.number}/municipalities/${w.code}`;
      const current = await w.client.request(path);
      await current.arrayBuffer();
      count(current.status);
      const put = await w.client.request(path, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', 'If-Match': current.headers.get('ETag') ?? '"v0"' },
        body: JSON.stringify({ amount: n, comment: `soak ${i}/${n}` }),
      });
      await put.arrayBuffer();
      if (put.status === 200) tally.acked++;
      else if (put.status === 409) tally.conflicts++;
      count(put.status);
    };
    const started = performance.now();
    await Promise.all([
      ...Array.from({ length: CLIENTS - WRITERS }, (_, i) => reader(i)),
      ...writers.map((w, i) => writer(w, i)),
    ]);
    clearTimeout(warm);
    clearTimeout(sampling);
    clearInterval(sampler);
    const elapsed = (performance.now() - started) / 1000;
    const endRss = readMemoryMb(server.child.pid ?? 0).rss;
    series.push(endRss);
    await stopChild(server);
    const stored = await sumOfVersions(backend);
    const perWindow = Math.max(1, Math.round(WINDOW_S / SAMPLE_S));
    const afterWarmUp = median(series.slice(0, perWindow));
    const atEnd = median(series.slice(-perWindow));
    const growth = ((atEnd - afterWarmUp) / afterWarmUp) * 100;
    console.log(
      `reads ${tally.reads} (${(tally.reads / elapsed).toFixed(0)}/s), writes acknowledged ${tally.acked} (${(tally.acked / elapsed).toFixed(0)}/s), 409 conflicts ${tally.conflicts}`,
    );
    console.log(
      `5xx answers: ${tally.serverErrors}; other 4xx: ${tally.otherErrors}; requests without an answer: ${tally.networkErrors}`,
    );
    console.log(`RSS every ${SAMPLE_S} s after the warm-up (MB): ${series.map((mb) => mb.toFixed(0)).join(' ')}`);
    if (tally.networkErrors > 0) console.log(`server output (tail):\n${server.output().slice(-2000)}`);
    console.log(
      `acknowledged writes ${tally.acked}, versions stored ${stored}: ${stored >= tally.acked ? 'none lost' : `LOST ${tally.acked - stored}`}`,
    );
    console.log(
      `single readings: RSS after the ${WARMUP_S} s warm-up ${warmRss.toFixed(0)} MB, at the end ${endRss.toFixed(0)} MB (${(((endRss - warmRss) / warmRss) * 100).toFixed(1)} %)`,
    );
    console.log(
      `medians of ${WINDOW_S} s: after the warm-up ${afterWarmUp.toFixed(0)} MB, at the end ${atEnd.toFixed(0)} MB (${growth.toFixed(1)} %; target within 20 %)`,
    );
    // an unanswered PUT may have been committed: then more versions than acknowledgements, never fewer
    const lost = stored < tally.acked || stored > tally.acked + tally.networkErrors;
    if (tally.serverErrors > 0 || lost) process.exitCode = 1;
  } finally {
    await stopChild(server);
  }
}

try {
  await soak(await preparePglite());
  const url = process.env.BENCH_DATABASE_URL;
  if (url) await soak(await preparePostgres(url));
  else console.log('\n(PostgreSQL: set BENCH_DATABASE_URL to run it too)');
} finally {
  await runCleanups();
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}
