// `npm run build`: compiles src/ to dist/ with tsc (incremental, so a rebuild after a small change is quick) and
// copies the files tsc does not emit (stylesheets), then prepares the PGlite data directory a first start loads
// (scripts/prepare-data-dir.mjs). `npm start` runs the compiled server: plain node without the tsx
// loader starts faster and needs less memory (bench/README.md).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const source = path.join(root, 'src');
const target = path.join(root, 'dist');
const sourceFiles = readdirSync(source, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
const isTest = (name) => /\.test\.tsx?$/.test(name);
const outputOf = (entry) =>
  path.join(target, path.relative(source, path.join(entry.parentPath, entry.name))).replace(/\.tsx?$/, '.js');

// tsc trusts its build info and does not check that its outputs still exist: when one is missing, start afresh
const compiled = sourceFiles.filter((e) => /\.tsx?$/.test(e.name) && !isTest(e.name) && !e.name.endsWith('.d.ts'));
if (compiled.some((e) => !existsSync(outputOf(e)))) rmSync(target, { recursive: true, force: true });

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit' });

for (const entry of sourceFiles) {
  if (/\.tsx?$/.test(entry.name)) continue;
  const from = path.join(entry.parentPath, entry.name);
  cpSync(from, path.join(target, path.relative(source, from)));
}

// a fresh cluster with the schema, for a first start without initdb; its own process, so initdb's memory goes with it
execFileSync(process.execPath, [path.join(root, 'scripts', 'prepare-data-dir.mjs')], { stdio: 'inherit' });
