import { loadConfig } from './config.js';
import { AppError } from './domain/errors.js';
import { startServer, waitForShutdownSignal } from './start-server.js';

/** `npm start`: serve the vision, importing the bundled sample into an empty database first. */
async function main(): Promise<number> {
  const log = (line: string) => console.log(line);
  try {
    const server = await startServer(loadConfig(), { importSampleWhenEmpty: true, log });
    const signal = await waitForShutdownSignal();
    log(`${signal} を受け取りました。停止します…`);
    await server.close();
    log('停止しました。');
    return 0;
  } catch (error) {
    console.error(error instanceof AppError && error.userMessage ? error.userMessage : error);
    return 1;
  }
}

process.exitCode = await main();
