/**
 * `renkei results import` and `renkei status` as an operator uses them (issue 8): every bad row listed at once with
 * its line and column and nothing stored; a valid file stored as approved and audited as `cli`; the same file
 * again changes nothing; `renkei status --format json` gives the scripted shape.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { openDatabase } from '../../src/store/connect.js';
import { repoPath, SEED_DOCUMENT } from '../helpers/read-fixture.js';
import { runRenkei } from '../helpers/run-renkei.js';

describe('renkei results import and renkei status', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const file = (name: string, text: string) => {
    const target = path.join(dir, name);
    writeFileSync(target, text);
    return target;
  };
  const countRows = async (table: 'kpi_result' | 'project_result' | 'municipality_result' | 'audit_entry') => {
    const database = await openDatabase({ dataDir: path.join(dir, 'data') });
    try {
      const row = await database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    } finally {
      await database.close();
    }
  };

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'renkei-results-'));
    env = { DATA_DIR: path.join(dir, 'data') };
    const imported = await runRenkei(['import', repoPath(SEED_DOCUMENT)], { env });
    assert.equal(imported.code, 0, imported.stderr);
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  test('every bad row is listed at once (line, column, expected, found) and nothing is stored', async () => {
    const bad = file(
      'bad.csv',
      [
        'project_number,fiscal_year,municipality_code,amount',
        '4,2022,,400', // fine
        '999,2022,,1',
        '4,2021,023019,100',
        '4,2022,023019,-5',
        '4,2022,000000,1',
        '4,2022,,401', // the same project total twice
      ].join('\n'),
    );
    const auditBefore = await countRows('audit_entry');
    const run = await runRenkei(['results', 'import', bad, '--fy', '2022'], { env });
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stderr, /bad\.csv: 3 行目、列 project_number: この圏域の事業番号（1〜55） が必要です（値: 999）/);
    assert.match(run.stderr, /4 行目、列 fiscal_year: 2022（--fy と同じ年度） が必要です（値: 2021）/);
    assert.match(run.stderr, /5 行目、列 amount: 0 以上の整数（千円） が必要です（値: -5）/);
    assert.match(run.stderr, /6 行目、列 municipality_code: .* が必要です（値: 000000）/);
    assert.match(run.stderr, /7 行目: 同じ項目は 1 行だけ が必要です（値: 2 行目と重複）/);
    assert.match(run.stderr, /5 件の問題があるため、何も保存していません/);
    assert.equal(await countRows('project_result'), 0);
    assert.equal(await countRows('audit_entry'), auditBefore);
  });

  test('a wrong header says which columns are expected', async () => {
    const run = await runRenkei(
      ['results', 'import', file('h.csv', 'project,year,value\n1,2022,3\n'), '--fy', '2022'],
      {
        env,
      },
    );
    assert.equal(run.code, 1);
    assert.match(
      run.stderr,
      /1 行目: project_number,kpi_number,fiscal_year,actual または project_number,fiscal_year,municipality_code,amount/,
    );
  });

  test('KPI actuals and spending (BOM, full-width digits, 1,234, 未集計) are stored, approved, audited as cli', async () => {
    const kpis = file(
      'kpis.csv',
      '\uFEFFproject_number,kpi_number,fiscal_year,actual\r\n4,1,2022,３０\r\n4,2,2022,"1,000"\r\n1,1,2022,未集計：調査中\r\n',
    );
    const first = await runRenkei(['results', 'import', kpis, '--fy', '2022'], { env });
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stderr, /成果指標の実績値 3 行（変更 3、同じ値 0）/);
    const spending = file(
      'spending.csv',
      'project_number,fiscal_year,municipality_code,amount\n4,2022,,400\n4,2022,022012,300\n4,2022,023019,100\n',
    );
    assert.equal((await runRenkei(['results', 'import', spending, '--fy', '2022'], { env })).code, 0);
    const again = await runRenkei(['results', 'import', kpis, '--fy', '2022'], { env });
    assert.match(again.stderr, /変更 0、同じ値 3/, 'the same file twice changes nothing');

    const status = await runRenkei(['status', '--fy', '2022', '--format', 'json'], { env });
    assert.equal(status.code, 0, status.stderr);
    const json = JSON.parse(status.stdout) as {
      fiscalYear: number;
      projects: {
        number: number;
        grade: string | null;
        kpis: { number: number; actual: number | null; status: string | null }[];
        spending: {
          plan: number | null;
          actual: number | null;
          shares: { municipalityCode: string; actual: number | null }[];
        };
      }[];
    };
    assert.equal(json.fiscalYear, 2022);
    assert.equal(json.projects.length, 55);
    const project4 = json.projects.find((p) => p.number === 4);
    assert.deepEqual(
      project4?.kpis.map((k) => [k.number, k.actual, k.status]),
      [
        [1, 30, '概ね順調'],
        [2, 1000, '概ね順調'],
      ],
    );
    assert.deepEqual([project4?.spending.plan, project4?.spending.actual], [41888, 400]);
    assert.deepEqual(
      project4?.spending.shares.slice(0, 2).map((s) => [s.municipalityCode, s.actual]),
      [
        ['022012', 300],
        ['023019', 100],
      ],
    );
    assert.deepEqual(
      json.projects.find((p) => p.number === 1)?.kpis.map((k) => k.status),
      ['未評価'],
      '未集計 is not an actual',
    );
    const audit = await openDatabase({ dataDir: path.join(dir, 'data') });
    try {
      const entries = await audit.db
        .selectFrom('audit_entry')
        .select(['channel', 'action'])
        .where('action', '=', 'result.import')
        .execute();
      assert.equal(entries.length, 6);
      assert.ok(entries.every((e) => e.channel === 'cli'));
      const part = await audit.db.selectFrom('municipality_result').select('state').execute();
      assert.deepEqual(
        part.map((p) => p.state),
        ['approved', 'approved'],
      );
    } finally {
      await audit.close();
    }
  });

  test('a fiscal year outside the plan is a usage error', async () => {
    const run = await runRenkei(['status', '--fy', '2030', '--format', 'json'], { env });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /2030年度はこの計画の期間/);
  });
});
