import assert from 'node:assert/strict';
import { test } from 'node:test';
import { safeNextPath } from './html-response.js';

test('a path on this site is kept, query and fragment included', () => {
  assert.equal(safeNextPath('/staff/results?fy=2024#p5', '/staff'), '/staff/results?fy=2024#p5');
  assert.equal(safeNextPath('/areas/%E9%9D%92%E6%A3%AE', '/staff'), '/areas/%E9%9D%92%E6%A3%AE');
});

test('anything a browser would take off the site falls back', () => {
  for (const next of [
    '//evil.example',
    '/\\evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    '/\r\n/evil.example',
    ' //evil.example',
    'https://evil.example/',
    'javascript:alert(1)',
    'staff',
    '',
    `/${'a'.repeat(2001)}`,
    undefined,
    42,
  ]) {
    assert.equal(safeNextPath(next, '/staff'), '/staff', JSON.stringify(next));
  }
});

test('what is kept is the resolved path, never the raw text', () => {
  assert.equal(safeNextPath('/staff/../admin', '/staff'), '/admin');
  assert.equal(safeNextPath('/a\tb', '/staff'), '/ab');
});
