import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * The node arguments that start the server as `npm start` runs it: compiled by scripts/build.mjs, without the tsx
 * loader (which alone costs ~20 MB of RSS). Builds on the first call, before anything is timed.
 */
let built = false;
export function compiledServerArgs(): string[] {
  if (!built) {
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
    built = true;
  }
  return ['--enable-source-maps', 'dist/main.js'];
}
