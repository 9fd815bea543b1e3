import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runRenkei } from '../helpers/run-renkei.js';

const commands = ['parse', 'validate', 'import', 'export', 'migrate', 'serve'];

describe('renkei (bin/renkei.js) command line', () => {
  let scratch: string;
  before(async () => {
    scratch = await mkdtemp(path.join(tmpdir(), 'renkei-cli-'));
  });
  after(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  test('--help lists every command and the exit codes, from any folder', async () => {
    const run = await runRenkei(['--help']);
    assert.equal(run.code, 0, run.stderr);
    for (const name of commands) assert.match(run.stdout, new RegExp(`^  ${name} `, 'm'));
    assert.match(run.stdout, /終了コード/);
  });

  test('every command has --help, with its exit codes', async () => {
    for (const name of commands) {
      const run = await runRenkei([name, '--help']);
      assert.equal(run.code, 0, `${name}: ${run.stderr}`);
      assert.match(run.stdout, new RegExp(`renkei ${name}`));
      assert.match(run.stdout, /終了コード/);
    }
  });

  test('no command, an unknown command or an unknown option: usage on stderr, exit 2', async () => {
    for (const args of [[], ['frobnicate'], ['parse', '--frobnicate', 'x.txt'], ['export', '--format', 'xml']]) {
      const run = await runRenkei(args);
      assert.equal(run.code, 2, args.join(' '));
      assert.equal(run.stdout, '');
      assert.match(run.stderr, /usage: renkei/);
    }
  });

  test('a missing file is named, exit 2', async () => {
    for (const command of ['parse', 'validate', 'import']) {
      const run = await runRenkei([command, 'no-such-file.txt'], { env: { DATA_DIR: path.join(scratch, 'unused') } });
      assert.equal(run.code, 2, `${command}: ${run.stderr}`);
      assert.match(run.stderr, /ファイルが見つかりません: no-such-file\.txt/);
    }
  });

  test('bytes no Japanese encoding reads: validate shows the line of the first bad byte, exit 1', async () => {
    const file = path.join(scratch, 'sjis.txt');
    // 0x81 0x7F is no Shift_JIS pair and 0x81 no EUC-JP byte (Shift_JIS and EUC-JP themselves are decoded)
    await writeFile(file, Buffer.from([0x61, 0x0a, 0x62, 0x0a, 0x81, 0x7f, 0xff, 0x0a]));
    const validate = await runRenkei(['validate', 'sjis.txt'], { cwd: scratch });
    assert.equal(validate.code, 1);
    assert.match(validate.stdout, /unreadable_document\s+3\s/);
    assert.match(validate.stdout, /Shift_JIS/);
    const parse = await runRenkei(['parse', file]);
    assert.equal(parse.code, 1);
    assert.match(parse.stderr, /3行目/);
  });
});
