import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { loadConfig, packageRoot } from './config.js';

test('defaults: port 3000, PGlite in the package data/ folder, the bundled sample', () => {
  assert.deepEqual(loadConfig({}, '/somewhere'), {
    port: 3000,
    dataDir: path.join(packageRoot, 'data'),
    databaseUrl: undefined,
    sampleDocument: path.join(packageRoot, 'samples', 'aomori-vision-r4-03.txt'),
    publicUrl: 'http://localhost:3000',
    logLevel: 'info',
  });
});

test("LOG_LEVEL: one of pino's level names, default info", () => {
  assert.equal(loadConfig({ LOG_LEVEL: 'debug' }).logLevel, 'debug');
  assert.equal(loadConfig({ LOG_LEVEL: '' }).logLevel, 'info');
  assert.throws(() => loadConfig({ LOG_LEVEL: 'verbose' }), /LOG_LEVEL="verbose": fatal、error/);
});

test('PUBLIC_URL: the origin of an http(s) URL without a path; anything else is refused', () => {
  assert.equal(loadConfig({ PUBLIC_URL: 'https://renkei.example.jp/' }).publicUrl, 'https://renkei.example.jp');
  assert.equal(loadConfig({ PORT: '8080' }).publicUrl, 'http://localhost:8080');
  for (const bad of ['renkei.example.jp', 'ftp://x.example', 'https://x.example/portal']) {
    assert.throws(() => loadConfig({ PUBLIC_URL: bad }), /PUBLIC_URL/);
  }
});

test('given values; relative paths from the working directory; empty means unset', () => {
  const config = loadConfig(
    { PORT: '8080', DATA_DIR: 'db', DATABASE_URL: 'postgresql://u@h:5432/d', SAMPLE_DOCUMENT: '' },
    '/srv/renkei',
  );
  assert.equal(config.port, 8080);
  assert.equal(config.dataDir, '/srv/renkei/db');
  assert.equal(config.databaseUrl, 'postgresql://u@h:5432/d');
  assert.equal(config.sampleDocument, path.join(packageRoot, 'samples', 'aomori-vision-r4-03.txt'));
});

test('invalid values are CONFIG_INVALID naming the variable; a database URL is never echoed', () => {
  for (const [env, name] of [
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://secret@h/d' }, 'DATABASE_URL'],
  ] as const) {
    assert.throws(
      () => loadConfig(env),
      (error: { code?: string; userMessage?: string; message: string }) => {
        assert.equal(error.code, 'CONFIG_INVALID');
        assert.match(error.userMessage ?? '', new RegExp(`環境変数 ${name}`));
        assert.doesNotMatch(`${error.message}${error.userMessage}`, /secret/);
        return true;
      },
    );
  }
});
