/**
 * What the request log costs: requests/s of the app served by @hono/node-server with LOG_LEVEL=info (one access
 * line per request, pino writing asynchronously to /dev/null) against LOG_LEVEL=silent (the id and its header
 * only), on a cheap answer (the stylesheet: no SQL), where the log's share is largest. Slices alternate
 * info, silent, silent, info… so that drift on a noisy machine is shared. First, the cost of the line alone (a
 * child logger with the id, one access line) measured in a loop, which a busy machine disturbs less.
 * Run: npx tsx bench/request-log-bench.ts   (about 25 s; BENCH_SECONDS per slice, default 5)
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import autocannon from 'autocannon';
import { pino } from 'pino';
import type { LogLevel } from '../src/config.js';
import { createApp } from '../src/server/app.js';
import { createLogger } from '../src/server/logger.js';
import { openMigrated, pgliteEngine } from '../test/helpers/test-databases.js';

const PATH = '/assets/site.css';
const SECONDS = Number(process.env.BENCH_SECONDS) || 5;
const CONNECTIONS = 10;

const sink = pino.destination({ dest: '/dev/null', sync: false });
const LOOPS = 200_000;
const loopLogger = createLogger({ level: 'info', destination: sink });
const loopStart = performance.now();
for (let i = 0; i < LOOPS; i++) {
  loopLogger
    .child({ reqId: '9f3c2a1e-5b7d-4c8e-9a0b-1c2d3e4f5a6b' })
    .info({ method: 'GET', path: '/projects/5', status: 200, ms: 3.2, bytes: 8123 }, 'request');
}
const perLine = ((performance.now() - loopStart) * 1000) / LOOPS;
console.log(`one access line (child logger + line, async to /dev/null): ${perLine.toFixed(2)} µs`);

const database = await openMigrated(pgliteEngine);
const apps = new Map<LogLevel, ReturnType<typeof createApp>>(
  (['info', 'silent'] as const).map((level) => [
    level,
    createApp({ db: database.db, logger: createLogger({ level, destination: sink }) }),
  ]),
);
let current: LogLevel = 'info';
const server = serve({
  fetch: (request, env) => apps.get(current)?.fetch(request, env) ?? new Response(null, { status: 500 }),
  port: 0,
  hostname: '127.0.0.1',
});
await new Promise((resolve) => server.once('listening', resolve));
const { port } = server.address() as AddressInfo;

const results: Record<string, number[]> = { info: [], silent: [] };
for (const level of ['info', 'silent', 'silent', 'info'] as const) {
  current = level;
  const result = await autocannon({
    url: `http://127.0.0.1:${port}${PATH}`,
    connections: CONNECTIONS,
    duration: SECONDS,
  });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${level}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  results[level]?.push(result.requests.average);
}
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const info = mean(results.info ?? []);
const silent = mean(results.silent ?? []);
console.log(`GET ${PATH}, ${CONNECTIONS} connections, ${SECONDS} s slices (node ${process.version})`);
console.log(`LOG_LEVEL=silent ${silent.toFixed(0)} req/s`);
console.log(`LOG_LEVEL=info   ${info.toFixed(0)} req/s  (${(((info - silent) / silent) * 100).toFixed(1)} %)`);
console.log(`per request: ${((1 / info - 1 / silent) * 1e6).toFixed(1)} µs for the access line`);
server.close();
sink.flushSync();
await database.close();
