import type { ParseArgsConfig } from 'node:util';
import type { CliIo } from './cli-io.js';

export type CliOptionValues = Record<string, string | boolean | undefined>;

/** One subcommand of `renkei`: its help text, its options (node:util parseArgs) and what it does. */
export type CliCommand = {
  name: string;
  /** the whole text of `renkei NAME --help` */
  help: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(input: { values: CliOptionValues; positionals: string[]; io: CliIo }): Promise<number>;
};

/** A wrong command line: reported with a pointer to --help, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
