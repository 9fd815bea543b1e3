import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The LibreOffice command on PATH (`soffice` or `libreoffice`), or undefined when it is not installed. */
export async function findSoffice(): Promise<string | undefined> {
  for (const candidate of ['soffice', 'libreoffice']) {
    try {
      await run(candidate, ['--version'], { timeout: 60_000 });
      return candidate;
    } catch {
      // not on PATH: try the next name
    }
  }
  return undefined;
}
