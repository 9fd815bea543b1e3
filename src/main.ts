import { loadConfig } from './config.js';
import { AppError } from './domain/errors.js';
import { createLogger } from './server/logger.js';
import { startServer, waitForShutdownSignal } from './start-server.js';

/** `npm start`: serve the vision, importing the bundled sample into an empty database first. */
async function main(): Promise<number> {
  // LOG_LEVEL is read with the rest of the configuration; a configuration that cannot be read is logged at info's level
  const logger = createLogger({ level: 'info' });
  try {
    const config = loadConfig();
    logger.level = config.logLevel;
    const server = await startServer(config, { importSampleWhenEmpty: true, logger });
    const signal = await waitForShutdownSignal();
    logger.info({ signal }, `${signal} を受け取りました。停止します…`);
    await server.close();
    logger.info('停止しました。');
    return 0;
  } catch (error) {
    // an operator's mistake (a port in use, a bad setting) is its Japanese message; anything else keeps its stack
    if (error instanceof AppError && error.userMessage) logger.fatal({ code: error.code }, error.userMessage);
    else logger.fatal({ err: error }, '起動できませんでした');
    return 1;
  }
}

process.exitCode = await main();
