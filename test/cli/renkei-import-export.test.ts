import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { runRenkei } from '../helpers/run-renkei.js';

const sample = fileURLToPath(new URL('../../samples/aomori-vision-r4-03.txt', import.meta.url));

describe('renkei import / export / migrate on a PGlite data directory', () => {
  let scratch: string;
  let env: NodeJS.ProcessEnv;
  before(async () => {
    scratch = await mkdtemp(path.join(tmpdir(), 'renkei-cli-db-'));
    env = { DATA_DIR: path.join(scratch, 'data') };
  });
  after(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  test('export before any import: a clear message, exit 1', async () => {
    const run = await runRenkei(['export'], { env });
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stderr, /取り込まれていません/);
  });

  test('migrate on a current schema says so', async () => {
    const run = await runRenkei(['migrate'], { env });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /最新/);
  });

  test('a document with error findings is refused with the findings table, exit 1', async () => {
    await writeFile(path.join(scratch, 'empty.txt'), '');
    const run = await runRenkei(['import', 'empty.txt'], { cwd: scratch, env });
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stderr, /エラー\s+\S+/);
    assert.equal(run.stdout, '');
  });

  test('import prints progress on stderr and one JSON line on stdout; the same file again is unchanged', async () => {
    const first = await runRenkei(['import', sample], { env });
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stderr, /読み取り: \d+ 事業/);
    const result = JSON.parse(first.stdout) as Record<string, unknown>;
    assert.equal(result.status, 'created');
    assert.equal(result.seq, 1);
    assert.equal(result.projectCount, 55);

    const second = await runRenkei(['import', sample], { env });
    assert.equal(second.code, 0, second.stderr);
    assert.equal((JSON.parse(second.stdout) as { status: string }).status, 'unchanged');
  });

  test('export --format json gives the Vision JSON that parse gives', async () => {
    const exported = await runRenkei(['export', '--format', 'json'], { env });
    assert.equal(exported.code, 0, exported.stderr);
    const parsed = await runRenkei(['parse', sample]);
    assert.deepEqual(JSON.parse(exported.stdout), JSON.parse(parsed.stdout));
  });

  test('a data directory in use by another process is refused, exit 1', async () => {
    const lock = path.join(String(env.DATA_DIR), 'renkei.lock');
    await writeFile(lock, `${process.pid}\n`); // this test process is alive: as if a server held the directory
    try {
      const run = await runRenkei(['export'], { env });
      assert.equal(run.code, 1, run.stderr);
      assert.match(run.stderr, /使っています/);
    } finally {
      await rm(lock);
    }
  });

  test('export --format csv --out writes budgets.csv: BOM and CRLF, a row per project and year, then its total', async () => {
    const out = path.join(scratch, 'budget.csv');
    const run = await runRenkei(['export', '--format', 'csv', '--out', out], { env });
    assert.equal(run.code, 0, run.stderr);
    const text = await readFile(out, 'utf8');
    assert.ok(text.startsWith('\uFEFFmunicipality_code,municipality_name,area_name,project_number,project_name,'));
    const lines = text.slice(1).split('\r\n');
    assert.equal(lines.at(-1), '', 'ends with CRLF');
    assert.ok(!text.replaceAll('\r\n', '').includes('\n'), 'no bare LF');
    const vision = JSON.parse((await runRenkei(['parse', sample])).stdout) as {
      projects: Array<{ budget: { years: unknown[] } }>;
    };
    const yearRows = vision.projects.reduce((n, p) => n + p.budget.years.length, 0);
    assert.equal(lines.length - 2, yearRows + vision.projects.length);
  });

  test('export --format open-data --out DIR writes the files of /downloads', async () => {
    const out = path.join(scratch, 'open-data');
    const run = await runRenkei(['export', '--format', 'open-data', '--out', out], { env });
    assert.equal(run.code, 0, run.stderr);
    const budgets = await readFile(path.join(out, 'budgets.csv'), 'utf8');
    assert.match(budgets, /\r\n022012,青森市,青森圏域,1,/);
    const pkg = JSON.parse(await readFile(path.join(out, 'datapackage.json'), 'utf8')) as { model: unknown };
    assert.ok(pkg.model, 'the Fiscal Data Package model');
    assert.ok((await readFile(path.join(out, 'open-data.xlsx'))).byteLength > 0);
  });
});
