import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { serve } from '@hono/node-server';
import type { Config } from './config.js';
import { operatorActor } from './domain/access-policy.js';
import { AppError } from './domain/errors.js';
import { createApp } from './server/app.js';
import { importDocument } from './service/import-document.js';
import { hasImportedVision } from './service/read-vision.js';
import { type OpenDatabase, openDatabase } from './store/connect.js';
import { ensureSchema } from './store/ensure-schema.js';

export type RunningServer = { url: string; close(): Promise<void> };

export type StartOptions = {
  /** import config.sampleDocument when the database holds no revision yet (`npm start`) */
  importSampleWhenEmpty: boolean;
  /** progress lines for the operator */
  log: (line: string) => void;
};

/** Opens the database, brings its schema up to date, imports the sample when asked, and serves HTTP. */
export async function startServer(config: Config, options: StartOptions): Promise<RunningServer> {
  const { log } = options;
  log(`データベース: ${describeDatabase(config)}`);
  // RENKEI_PREPARED_DATA_DIR=off: run initdb on an empty data directory, as before the prepared snapshot (benchmarks)
  const database = await openDatabase({
    ...config,
    usePreparedDataDir: process.env.RENKEI_PREPARED_DATA_DIR !== 'off',
  });
  if (database.dataDirOrigin === 'prepared')
    log('新しいデータフォルダを用意しました（ビルド時に作った初期データから）');
  if (database.dataDirOrigin === 'initdb') log('新しいデータフォルダを作りました（initdb）');
  try {
    const applied = await ensureSchema(database);
    if (applied.length > 0) log(`スキーマを更新しました: ${applied.join(', ')}`);
    if (options.importSampleWhenEmpty && !(await hasImportedVision(database.db))) {
      await importSample(database, config.sampleDocument, log);
    }
    const app = createApp({ db: database.db, publicUrl: config.publicUrl });
    const server = await listen(app, config.port);
    void database.fault?.then((error) => exitAfterFault(server, error, log));
    // build the open data once now, so that the first visitor of /downloads does not wait for it
    void Promise.resolve(app.request('/downloads')).catch(() => {});
    const url = `http://localhost:${config.port}/`;
    log(`待ち受け中: ${url} （API: ${url}api/v1/projects 、止めるには Ctrl+C）`);
    return {
      url,
      close: async () => {
        // Node ≥ 19 also drops idle keep-alive connections on close(); requests in flight are answered first.
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/**
 * The embedded database refuses all work after a fault (a WAL write on a full disk, say): answering every request
 * with an error would hide it, so the process stops accepting, gives requests in flight a moment, and exits with
 * code 1 for its supervisor. The next start recovers what was committed (or says why it cannot).
 */
function exitAfterFault(server: ReturnType<typeof serve>, error: Error, log: (line: string) => void): void {
  log(
    `データベースに書き込めなくなりました（${error.message}）。` +
      'ディスクの空きなどを確かめてから起動し直してください。終了コード 1 で停止します。',
  );
  process.exitCode = 1;
  const exit = () => process.exit(1);
  server.close(exit);
  setTimeout(exit, 5000).unref();
}

async function importSample(database: OpenDatabase, file: string, log: (line: string) => void): Promise<void> {
  log(`サンプル文書を取り込みます: ${file}`);
  const bytes = await readFile(file).catch((cause: unknown) => {
    throw new AppError('CONFIG_INVALID', `SAMPLE_DOCUMENT ${file} cannot be read`, {
      userMessage: `サンプル文書 ${file} を読めません（環境変数 SAMPLE_DOCUMENT を確認してください）。`,
      cause,
    });
  });
  const result = await importDocument(
    database.db,
    operatorActor('system'),
    { fileName: path.basename(file), bytes },
    {
      onProgress: (p) =>
        log(
          p.step === 'parsed'
            ? `  読み取り: ${p.projectCount} 事業、所見 ${p.findingCount} 件`
            : `  保存中（圏域 ${p.areaSlug}）…`,
        ),
    },
  );
  log(`  取り込み完了: 第 ${result.seq} 版、${result.projectCount} 事業`);
}

function listen(app: ReturnType<typeof createApp>, port: number): Promise<ReturnType<typeof serve>> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port }, () => resolve(server));
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EADDRINUSE') return reject(error);
      reject(
        new AppError('CONFIG_INVALID', `Port ${port} is in use`, {
          userMessage: `ポート ${port} はほかのプログラムが使っています。環境変数 PORT で別の番号を指定してください。`,
          cause: error,
        }),
      );
    });
  });
}

/** Where the data lives, for the log; never prints a password. */
export function describeDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>): string {
  if (!config.databaseUrl) return `PGlite（${config.dataDir}）`;
  const url = new URL(config.databaseUrl);
  return `PostgreSQL（${url.host}${url.pathname}）`;
}

/** Resolves with the signal's name on the first SIGINT or SIGTERM; a second one ends the process at once. */
export function waitForShutdownSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      process.once(signal, () => process.exit(130));
      resolve(signal);
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  });
}
