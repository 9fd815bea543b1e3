import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Absolute path of a file under the repository root. */
export function repoPath(relative: string): string {
  return fileURLToPath(new URL(`../../${relative}`, import.meta.url));
}

export function readRepoText(relative: string): string {
  return readFileSync(repoPath(relative), 'utf8');
}

export const SEED_DOCUMENT = 'samples/aomori-vision-r4-03.txt';
