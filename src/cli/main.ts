import { processIo } from './cli-io.js';
import { runCli } from './run-cli.js';

// `renkei …` (bin/renkei.js): the exit code is set, not forced, so that piped output is flushed first.
process.exitCode = await runCli(process.argv.slice(2), processIo);
