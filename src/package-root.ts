import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder holding Renkei's package.json, whatever the working directory. Found upward from this module because
 * the module's own depth differs: `src/` under tsx, a chunk in `dist/chunks/` in the bundled build (scripts/build.mjs).
 */
export const packageRoot = findPackageRoot(path.dirname(fileURLToPath(import.meta.url)));

function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'renkei') {
      return dir;
    }
    if (path.dirname(dir) === dir) throw new Error(`Renkei's package.json was not found above ${from}`);
  }
}
