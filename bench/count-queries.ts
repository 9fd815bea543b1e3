/**
 * Helper of bench/portal-bench.ts: how many SQL statements the app runs per page request, first (cold cache)
 * and then warm. Builds the real app in this process (`createApp` on `openDatabase`, as src/start-server.ts does)
 * with a Kysely plugin that counts statements, and calls `app.request()` (no network).
 * Run: node --import tsx bench/count-queries.ts <path>...   with DATA_DIR or DATABASE_URL set
 * Prints one JSON object: { engine, paths: [{ path, status, queries: [cold, warm, warm], tables }] }.
 */
import type { KyselyPlugin, OperationNode, RootOperationNode } from 'kysely';
import { createApp } from '../src/server/app.js';
import { createLogger } from '../src/server/logger.js';
import { openDatabase } from '../src/store/connect.js';

export type QueryCount = { path: string; status: number; queries: number[]; tables: string[] };
export type QueryCountReport = { engine: string; paths: QueryCount[] };

const WARM_REQUESTS = 2;

/** The first table a statement reads or writes, for the report (`?` when the node has none we recognise). */
function tableOf(node: RootOperationNode): string {
  const candidates: unknown[] = [];
  const record = node as unknown as Record<string, unknown>;
  const from = record.from as { froms?: OperationNode[] } | undefined;
  candidates.push(from?.froms?.[0], record.into, record.table);
  for (const candidate of candidates) {
    const table = candidate as { kind?: string; table?: { identifier?: { name?: string } } } | undefined;
    if (table?.kind === 'TableNode' && table.table?.identifier?.name) return table.table.identifier.name;
  }
  return node.kind === 'RawNode' ? 'raw sql' : '?';
}

async function main(): Promise<void> {
  const paths = process.argv.slice(2);
  const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: process.env.DATA_DIR });
  let statements: string[] = [];
  const counter: KyselyPlugin = {
    transformQuery: (args) => {
      statements.push(tableOf(args.node));
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  const app = createApp({ db: database.db.withPlugin(counter), logger: createLogger({ level: 'silent' }) });
  const report: QueryCountReport = { engine: database.engine, paths: [] };
  try {
    for (const path of paths) {
      const queries: number[] = [];
      const tables = new Set<string>();
      let status = 0;
      for (let i = 0; i <= WARM_REQUESTS; i++) {
        statements = [];
        const response = await app.request(path);
        await response.arrayBuffer();
        status = response.status;
        queries.push(statements.length);
        if (i > 0) for (const table of statements) tables.add(table);
      }
      report.paths.push({ path, status, queries, tables: [...tables] });
    }
  } finally {
    await database.close();
  }
  console.log(JSON.stringify(report));
}

await main();
