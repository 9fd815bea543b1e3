import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deriveAreaSlug } from './derive-area-slug.js';

test('area slugs keep letters and digits of any script, lower-cased, joined by hyphens', () => {
  assert.equal(deriveAreaSlug('青森圏域'), '青森圏域');
  assert.equal(deriveAreaSlug(' Aomori  Area '), 'aomori-area');
  assert.equal(deriveAreaSlug('ＡＢＣ圏域（第２期）'), 'abc圏域-第2期');
});

test('a name without letters or digits is INVALID_INPUT', () => {
  assert.throws(() => deriveAreaSlug(' ・ '), { code: 'INVALID_INPUT' });
});
