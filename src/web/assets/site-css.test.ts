import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { siteCss } from './site-css.js';

test('tokens first, then our rules; the hash and ETag follow the content', () => {
  const tokensAt = siteCss.text.indexOf('--color-primitive-blue-900:');
  const ownAt = siteCss.text.indexOf('--site-font-family:');
  assert.ok(tokensAt > 0 && ownAt > tokensAt);
  const digest = createHash('sha256').update(siteCss.text).digest('hex');
  assert.equal(siteCss.hash, digest.slice(0, 12));
  assert.equal(siteCss.etag, `"${digest.slice(0, 32)}"`);
  assert.equal(siteCss.href, `/assets/site.css?v=${siteCss.hash}`);
  assert.equal(new TextDecoder().decode(siteCss.bytes), siteCss.text);
});

test('every custom property our CSS uses is defined (a renamed token would fail silently in the browser)', () => {
  const defined = new Set([...siteCss.text.matchAll(/(--[\w-]+)\s*:/g)].map((m) => m[1]));
  const used = new Set([...siteCss.text.matchAll(/var\((--[\w-]+)/g)].map((m) => m[1]));
  const missing = [...used].filter((name) => !defined.has(name));
  assert.deepEqual(missing, []);
});

test('the print stylesheet: A4 with 15 mm margins, chrome hidden', () => {
  assert.match(siteCss.text, /@page \{\s*size: A4;\s*margin: 15mm;\s*\}/);
  const print = siteCss.text.slice(siteCss.text.indexOf('@media print'));
  for (const selector of ['.skip-link', '.site-nav', '.filter-form', '.site-footer__links']) {
    assert.ok(print.includes(selector), selector);
  }
});
