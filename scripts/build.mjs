// `npm run build`: bundles src/ into dist/ with esbuild, then prepares the PGlite data directory a first start loads
// (scripts/prepare-data-dir.mjs). `npm start` runs the bundle: a few files instead of hundreds of modules, each
// resolved, read and compiled by node at every start, made the first start ~2 s slower (docs/adr/0008-bundled-build.md).
// Type checking is `npm run check`'s job (tsc --noEmit); esbuild only strips the types.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const target = path.join(root, 'dist');

// The entries keep their paths under dist/: the two programs, the document reader's worker thread, and the store
// modules scripts/prepare-data-dir.mjs runs. What they share goes to dist/chunks/, loaded when first imported.
const entryPoints = [
  'main.ts',
  'cli/main.ts',
  'service/parse-document-worker.ts',
  'store/connect.ts',
  'store/ensure-schema.ts',
  'store/prepared-data-dir.ts',
].map((entry) => path.join(root, 'src', entry));

// Left to node_modules at run time: packages that find their own files beside themselves (PGlite's WebAssembly,
// pdf.js's worker, pino's transports) and the large ones loaded only on demand (Excel, Chromium).
const external = ['@electric-sql/pglite', 'pdfjs-dist', 'pino', 'exceljs', 'playwright-core', 'pg-native'];

// everything but the prepared cluster, remade only when the schema changes: no file of an older build stays behind
const keep = new Set(['prepared-data-dir', 'prepared-data-dir.json']);
for (const entry of existsSync(target) ? readdirSync(target) : []) {
  if (!keep.has(entry)) rmSync(path.join(target, entry), { recursive: true, force: true });
}
await build({
  entryPoints,
  outbase: path.join(root, 'src'),
  outdir: target,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunks/[name]-[hash]',
  external,
  sourcemap: 'linked',
  // CommonJS packages bundled into ESM still call require() for node's own modules
  banner: {
    js: "import { createRequire as __renkeiRequire } from 'node:module'; const require = __renkeiRequire(import.meta.url);",
  },
  logLevel: 'warning',
});

// a fresh cluster with the schema, for a first start without initdb; its own process, so initdb's memory goes with it
execFileSync(process.execPath, [path.join(root, 'scripts', 'prepare-data-dir.mjs')], { stdio: 'inherit' });
