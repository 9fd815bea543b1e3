import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { repoPath, SEED_DOCUMENT } from '../helpers/read-fixture.js';
import { runRenkei } from '../helpers/run-renkei.js';

describe('renkei import --area: another area in the same installation', () => {
  let scratch: string;
  let env: NodeJS.ProcessEnv;
  const other = repoPath('test/fixtures/import/other-area-seven-partners.txt');

  before(async () => {
    scratch = await mkdtemp(path.join(tmpdir(), 'renkei-cli-areas-'));
    env = { DATA_DIR: path.join(scratch, 'data') };
  });
  after(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  test('two documents into two areas; areas lists them; export --area gives each its own vision', async () => {
    const seed = await runRenkei(['import', repoPath(SEED_DOCUMENT)], { env });
    assert.equal(seed.code, 0, seed.stderr);
    assert.equal((JSON.parse(seed.stdout) as { areaSlug: string }).areaSlug, '青森圏域');

    const imported = await runRenkei(['import', other, '--area', 'hachinohe'], { env });
    assert.equal(imported.code, 0, imported.stderr);
    const result = JSON.parse(imported.stdout) as Record<string, unknown>;
    assert.deepEqual([result.status, result.areaSlug, result.seq, result.projectCount], ['created', 'hachinohe', 1, 8]);
    assert.match(imported.stderr, /取り込みました: 圏域 hachinohe の第 1 版、8 事業/);

    const areas = await runRenkei(['areas', '--json'], { env });
    assert.equal(areas.code, 0, areas.stderr);
    const listed = JSON.parse(areas.stdout) as {
      slug: string;
      name: string;
      projectCount: number;
      isDefault: boolean;
    }[];
    assert.deepEqual(
      listed.map((a) => [a.slug, a.name, a.projectCount, a.isDefault]),
      [
        ['青森圏域', '青森圏域', 55, true],
        ['hachinohe', '八戸圏域', 8, false],
      ],
    );
    const table = await runRenkei(['areas'], { env });
    assert.match(table.stdout, /^hachinohe\s+八戸圏域\s+連携中枢都市圏\s+1\s+8\s+8$/m);

    const exported = await runRenkei(['export', '--area', 'hachinohe'], { env });
    assert.equal(exported.code, 0, exported.stderr);
    const vision = JSON.parse(exported.stdout) as { area: { name: string }; projects: unknown[] };
    assert.equal(vision.area.name, '八戸圏域');
    assert.equal(vision.projects.length, 8);
    const defaultVision = JSON.parse((await runRenkei(['export'], { env })).stdout) as { projects: unknown[] };
    assert.equal(defaultVision.projects.length, 55);
  });

  test('a reserved slug is refused and stores nothing', async () => {
    const refused = await runRenkei(['import', other, '--area', 'compare'], { env });
    assert.equal(refused.code, 2, refused.stderr);
    assert.match(refused.stderr, /圏域の識別名「compare」はページの名前に使われているため使えません/);
    const areas = JSON.parse((await runRenkei(['areas', '--json'], { env })).stdout) as unknown[];
    assert.equal(areas.length, 2);
  });
});
