#!/usr/bin/env node
// `npm test`: runs every *.test.ts(x) under src/ and test/ with node's test runner through tsx.
// Node 20 does not expand globs in `node --test`, so the files are listed here. Arguments narrow the run:
// `npm test -- test/store` or `npm test -- src/store/type-parsers.test.ts`.
// Each file runs in its own process; TEST_CONCURRENCY (default 2) bounds how many at once: a PGlite test
// process can take several hundred MB. Node's own summary is the last thing printed; its exit code is ours.
import { spawn } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const testFile = /\.test\.tsx?$/;

async function findTestFiles(target) {
  const absolute = path.resolve(root, target);
  if (!(await stat(absolute)).isDirectory()) return [absolute];
  const entries = await readdir(absolute, { recursive: true });
  return entries
    .filter((entry) => testFile.test(entry) && !entry.split(path.sep).includes('node_modules'))
    .map((entry) => path.join(absolute, entry));
}

const targets = process.argv.slice(2);
const files = [];
for (const target of targets.length > 0 ? targets : ['src', 'test']) {
  files.push(...(await findTestFiles(target).catch(() => [])));
}
files.sort();
if (files.length === 0) {
  console.error(`run-tests: no *.test.ts files under ${targets.join(', ') || 'src/, test/'}`);
  process.exit(1);
}

const concurrency = Number(process.env.TEST_CONCURRENCY) || 2;
const child = spawn(
  process.execPath,
  ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, ...files.map((f) => path.relative(root, f))],
  { cwd: root, stdio: 'inherit' },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('close', (code, signal) => {
  process.exitCode = code ?? (signal ? 1 : 0);
});
