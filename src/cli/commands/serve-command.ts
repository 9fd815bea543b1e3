import { z } from 'zod';
import { loadConfig } from '../../config.js';
import { type CliCommand, UsageError } from '../cli-command.js';
import { exitCodes, exitCodesHelp } from '../exit-codes.js';

const PortSchema = z.string().regex(/^\d+$/).transform(Number).pipe(z.number().int().min(1).max(65535)).optional();

export const serveCommand: CliCommand = {
  name: 'serve',
  help: `使い方: renkei serve [--port PORT]

保存済みのビジョンを HTTP で提供します。Ctrl+C（SIGINT）か SIGTERM で、処理中の要求を終えてから止まります。
npm start と違い、空のデータベースにサンプル文書を取り込みはしません。
ログは 1 行 1 件の JSON で標準出力に書きます（要求ごとに 1 行。量は環境変数 LOG_LEVEL で選べます）。

オプション:
  --port PORT  待ち受けるポート（既定: 環境変数 PORT、なければ 3000）
  -h, --help   この説明

${exitCodesHelp}`,
  options: { port: { type: 'string' } },
  async run({ values, io }) {
    const port = PortSchema.safeParse(values.port);
    if (!port.success)
      throw new UsageError(`--port は 1〜65535 の整数にしてください（指定: ${String(values.port)}）。`);
    // --port wins over PORT, also in the default public URL (http://localhost:PORT)
    const config = loadConfig(port.data === undefined ? io.env : { ...io.env, PORT: String(port.data) }, io.cwd);
    const [{ startServer, waitForShutdownSignal }, { createLogger }] = await Promise.all([
      import('../../start-server.js'),
      import('../../server/logger.js'),
    ]);
    // a server's lines are its log (JSON, on standard output); a failure to start is answered like any command's
    const logger = createLogger({ level: config.logLevel });
    const server = await startServer(config, { importSampleWhenEmpty: false, logger });
    const signal = await waitForShutdownSignal();
    logger.info({ signal }, `${signal} を受け取りました。停止します…`);
    await server.close();
    logger.info('停止しました。');
    return exitCodes.ok;
  },
};
