// `npm run build`: compiles src/ to dist/ with tsc (incremental, so a rebuild after a small change is quick) and
// copies the files tsc does not emit (stylesheets). `npm start` runs the compiled server: plain node without the tsx
// loader starts faster and needs less memory (bench/README.md).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
// tsc trusts its build info and does not check that the outputs still exist: without them, build from scratch
if (!existsSync(path.join(root, 'dist', 'main.js'))) rmSync(path.join(root, 'dist'), { recursive: true, force: true });
execFileSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit' });

const source = path.join(root, 'src');
const target = path.join(root, 'dist');
for (const entry of readdirSync(source, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || /\.tsx?$/.test(entry.name)) continue;
  const from = path.join(entry.parentPath, entry.name);
  cpSync(from, path.join(target, path.relative(source, from)));
}
