/**
 * `renkei import` guards the public data (issue 8): a document cut off after half its sheets is refused with exit 1
 * and a message listing what disappears, the public figures unchanged; `--allow-removals` accepts it; `--draft`
 * stops short of publishing; `renkei rollback` makes the first revision current again.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runRenkei } from '../helpers/run-renkei.js';
import { seedText, truncatedAfterHalfTheSheets, withProject1Reestimated } from '../helpers/seed-variants.js';

type VisionJson = {
  projects: Array<{ number: number; budget: { years: Array<{ fiscalYear: number; amount: number | null }> } }>;
};

const total2020 = (vision: VisionJson) =>
  vision.projects.reduce((sum, p) => sum + (p.budget.years.find((y) => y.fiscalYear === 2020)?.amount ?? 0), 0);

describe('renkei import --allow-removals / --draft and renkei rollback', () => {
  let scratch: string;
  let env: NodeJS.ProcessEnv;
  const exported = async () => {
    const run = await runRenkei(['export', '--format', 'json'], { env });
    assert.equal(run.code, 0, run.stderr);
    return JSON.parse(run.stdout) as VisionJson;
  };
  before(async () => {
    scratch = await mkdtemp(path.join(tmpdir(), 'renkei-cli-guard-'));
    env = { DATA_DIR: path.join(scratch, 'data') };
    await writeFile(path.join(scratch, 'seed.txt'), seedText());
    await writeFile(path.join(scratch, 'cut.txt'), truncatedAfterHalfTheSheets(seedText()));
    await writeFile(path.join(scratch, 'revised.txt'), withProject1Reestimated(seedText()));
  });
  after(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  test('a truncated seed is refused with exit 1, listing what disappears; the public figures stay', async () => {
    assert.equal((await runRenkei(['import', 'seed.txt'], { cwd: scratch, env })).code, 0);
    const figures = total2020(await exported());
    assert.equal(figures, 493661);
    const refused = await runRenkei(['import', 'cut.txt'], { cwd: scratch, env });
    assert.equal(refused.code, 1, refused.stderr);
    assert.match(refused.stderr, /公開データから次の内容が消えます/);
    assert.match(refused.stderr, /--allow-removals/);
    assert.match(refused.stderr, /事業\d+「[^」]+」の2020年度の事業費がなくなります/);
    assert.equal(refused.stdout, '');
    assert.equal(total2020(await exported()), figures);
  });

  test('--allow-removals publishes it; rollback --revision 1 brings the seed back', async () => {
    const accepted = await runRenkei(['import', 'cut.txt', '--allow-removals'], { cwd: scratch, env });
    assert.equal(accepted.code, 0, accepted.stderr);
    assert.ok(total2020(await exported()) < 493661);
    const rollback = await runRenkei(['rollback', '--revision', '1'], { env });
    assert.equal(rollback.code, 0, rollback.stderr);
    assert.deepEqual(JSON.parse(rollback.stdout), { areaSlug: '青森圏域', status: 'changed', seq: 1, previousSeq: 2 });
    assert.equal(total2020(await exported()), 493661);
  });

  test('--draft stores a draft and leaves the public data alone', async () => {
    const run = await runRenkei(['import', 'revised.txt', '--draft'], { cwd: scratch, env });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /下書きとして保存しました/);
    assert.equal((JSON.parse(run.stdout) as { revisionStatus: string }).revisionStatus, 'draft');
    const project1 = (await exported()).projects.find((p) => p.number === 1);
    assert.equal(project1?.budget.years.find((y) => y.fiscalYear === 2023)?.amount, 401);
  });
});
