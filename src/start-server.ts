import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { serve } from '@hono/node-server';
import type { Config } from './config.js';
import { operatorActor } from './domain/access-policy.js';
import { AppError } from './domain/errors.js';
import type { createApp } from './server/app.js';
import type { Logger } from './server/logger.js';
import { REQUEST_ID_HEADER } from './server/request-log.js';
import { type OpenDatabase, openDatabase } from './store/connect.js';
import { loadChartRuntime } from './web/charts/chart-runtime.js';

export type RunningServer = { url: string; close(): Promise<void> };

export type StartOptions = {
  /** import config.sampleDocument when the database holds no revision yet (`npm start`) */
  importSampleWhenEmpty: boolean;
  /** the process's logger: startup and shutdown lines, then the app's request log */
  logger: Logger;
  /** how long after listening the caches are warmed; default half a second (tests: 0) */
  warmUpDelayMs?: number;
};

/** Opens the database, brings its schema up to date, imports the sample when asked, and serves HTTP. */
export async function startServer(config: Config, options: StartOptions): Promise<RunningServer> {
  const { logger } = options;
  logger.info({ database: describeDatabase(config) }, `データベース: ${describeDatabase(config)}`);
  // The database opens first: its files are copied and PGlite's WebAssembly compiled on other threads while this
  // one loads the rest of the code (docs/adr/0005-prepared-data-dir.md).
  // RENKEI_PREPARED_DATA_DIR=off: run initdb on an empty data directory, as before the prepared snapshot (benchmarks)
  const opening = openDatabase({
    ...config,
    usePreparedDataDir: process.env.RENKEI_PREPARED_DATA_DIR !== 'off',
    onIdleConnectionError: (error) =>
      logger.warn(
        { err: { message: error.message } },
        'PostgreSQL が待機中の接続を切りました（次の問い合わせでつなぎ直します）',
      ),
  });
  const modules = Promise.all([import('./store/ensure-schema.js'), import('./server/app.js')]);
  modules.catch(() => {}); // a failure to load is thrown where it is awaited
  const database = await opening;
  if (database.dataDirOrigin === 'prepared')
    logger.info('新しいデータフォルダを用意しました（ビルド時に作った初期データから）');
  if (database.dataDirOrigin === 'initdb') logger.info('新しいデータフォルダを作りました（initdb）');
  try {
    const [{ ensureSchema }, { createApp }] = await modules;
    const applied = await ensureSchema(database);
    if (applied.length > 0) logger.info({ migrations: applied }, `スキーマを更新しました: ${applied.join(', ')}`);
    if (options.importSampleWhenEmpty) await importSampleWhenEmpty(database, config.sampleDocument, logger);
    const app = createApp({ db: database.db, publicUrl: config.publicUrl, logger });
    const server = await listen(app, config.port);
    void database.fault?.then((error) => exitAfterFault(server, error, logger));
    // ECharts for the first page with a chart, and the open data for the first visitor of /downloads, so that
    // neither waits for them; a moment after listening, so that they do not hold up the first answers either
    let warmingUp: Promise<unknown> = Promise.resolve();
    const warmUp = setTimeout(() => {
      void loadChartRuntime().catch(() => {});
      const headers = { [REQUEST_ID_HEADER]: 'startup-warm-up' };
      warmingUp = Promise.resolve(app.request('/downloads', { headers })).catch(() => {});
    }, options.warmUpDelayMs ?? 500);
    warmUp.unref();
    const url = `http://localhost:${config.port}/`;
    logger.info({ port: config.port, url }, `待ち受け中: ${url} （API: ${url}api/v1/projects 、止めるには Ctrl+C）`);
    return {
      url,
      close: async () => {
        // Node ≥ 19 also drops idle keep-alive connections on close(); requests in flight are answered first.
        clearTimeout(warmUp);
        logger.info('新しい接続の受け付けを止め、処理中の要求を終えています…');
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await warmingUp; // a request too, though not through the connection: the database stays open for it
        await database.close();
        logger.info('データベースを閉じました');
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
function exitAfterFault(server: ReturnType<typeof serve>, error: Error, logger: Logger): void {
  logger.fatal(
    { err: error },
    `データベースに書き込めなくなりました（${error.message}）。` +
      'ディスクの空きなどを確かめてから起動し直してください。終了コード 1 で停止します。',
  );
  process.exitCode = 1;
  const exit = () => process.exit(1);
  server.close(exit);
  setTimeout(exit, 5000).unref();
}

async function importSampleWhenEmpty(database: OpenDatabase, file: string, logger: Logger): Promise<void> {
  const { hasImportedVision } = await import('./service/read-vision.js');
  if (await hasImportedVision(database.db)) return;
  const { importDocument } = await import('./service/import-document.js');
  logger.info({ file }, `サンプル文書を取り込みます: ${file}`);
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
        p.step === 'parsed'
          ? logger.info(p, `読み取り: ${p.projectCount} 事業、所見 ${p.findingCount} 件`)
          : logger.info(p, `保存中（圏域 ${p.areaSlug}）…`),
    },
  );
  logger.info(
    { seq: result.seq, projectCount: result.projectCount },
    `取り込み完了: 第 ${result.seq} 版、${result.projectCount} 事業`,
  );
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

/** Where the data lives, for the log; never shows a password. */
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
