import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { acceptsGzip, encodeStoredBody, gzipOnce } from './gzip-once.js';

test('Accept-Encoding: gzip named or through *, never with q=0', () => {
  assert.equal(acceptsGzip('gzip, deflate, br'), true);
  assert.equal(acceptsGzip('br;q=1.0, gzip;q=0.8'), true);
  assert.equal(acceptsGzip('*'), true);
  assert.equal(acceptsGzip('gzip;q=0, *'), false);
  assert.equal(acceptsGzip('*;q=0'), false);
  assert.equal(acceptsGzip('deflate, br'), false);
  assert.equal(acceptsGzip('identity'), false);
  assert.equal(acceptsGzip(undefined), false);
});

test('a body is gzipped once and kept: the same bytes every time, decoding to the body', () => {
  const body = new TextEncoder().encode('事業名,事業費\n'.repeat(500));
  const first = gzipOnce(body);
  assert.equal(gzipOnce(body), first);
  assert.deepEqual(new Uint8Array(gunzipSync(first)), body);
});

test('a stored body goes out gzipped with a weak ETag and Vary, or as it is', () => {
  const body = new TextEncoder().encode('{"projects":[]}'.repeat(200));
  const packed = encodeStoredBody('gzip', body, '"abc"');
  assert.equal(packed.headers['Content-Encoding'], 'gzip');
  assert.equal(packed.headers.ETag, 'W/"abc"');
  assert.equal(packed.headers.Vary, 'Accept-Encoding');
  const plain = encodeStoredBody('br', body, '"abc"');
  assert.equal(plain.body, body);
  assert.equal(plain.headers.ETag, '"abc"');
  assert.equal(plain.headers['Content-Encoding'], undefined);
  const small = encodeStoredBody('gzip', new TextEncoder().encode('{}'), '"s"');
  assert.equal(small.headers['Content-Encoding'], undefined, 'too small to be worth it');
});
