import assert from 'node:assert/strict';
import { test } from 'node:test';
import { StaffLayout, type StaffViewer } from './staff-layout.js';

// made-up entries, not the real menu: the marking must follow whatever links the viewer's roles open
const links = [
  { href: '/account', label: 'アカウント' },
  { href: '/work/a', label: '作業A' },
  { href: '/work/a/sub', label: '作業Aの一部' },
  { href: '/report?year=2025', label: '報告' },
];

function render(path: string, viewerLinks = links): string {
  const viewer: StaffViewer = { email: 'a@example.jp', roles: [], links: viewerLinks, csrf: 't', path };
  return (
    <StaffLayout title="ページ" viewer={viewer}>
      <p>本文</p>
    </StaffLayout>
  ).toString();
}

/** [href, label, aria-current or ''] of each staff menu entry */
function menuOf(html: string): string[][] {
  const nav = html.match(/<nav aria-label="職員メニュー" class="staff-nav">[\s\S]*?<\/nav>/)?.[0] ?? '';
  return [...nav.matchAll(/<a href="([^"]+)" class="staff-nav__link"(?: aria-current="([^"]+)")?>([^<]+)<\/a>/g)].map(
    (m) => [m[1] ?? '', m[3] ?? '', m[2] ?? ''],
  );
}

/** the aria-current of each entry on the page at `path` ('' where none) */
const marksOn = (path: string, viewerLinks = links) => menuOf(render(path, viewerLinks)).map((entry) => entry[2]);

test('staff menu: the page shown is marked aria-current="page", and no other entry', () => {
  assert.deepEqual(menuOf(render('/work/a')), [
    ['/account', 'アカウント', ''],
    ['/work/a', '作業A', 'page'],
    ['/work/a/sub', '作業Aの一部', ''],
    ['/report?year=2025', '報告', ''],
  ]);
  // an entry's query string does not keep it from being the page
  assert.deepEqual(marksOn('/report'), ['', '', '', 'page']);
});

test('staff menu: a page below an entry marks that entry "true", the nearest one only', () => {
  assert.deepEqual(marksOn('/work/a/sub/7'), ['', '', 'true', '']);
  assert.deepEqual(marksOn('/account/two-factor/confirm'), ['true', '', '', '']);
});

test('staff menu: nothing marked on a page outside it, nor on a path that only begins like an entry', () => {
  assert.deepEqual(marksOn('/staff'), ['', '', '', '']);
  assert.deepEqual(marksOn('/work/ab'), ['', '', '', '']);
  // a link to the root marks only the root, not every page
  assert.deepEqual(marksOn('/work/a/x', [{ href: '/', label: 'トップ' }, ...links]), ['', '', 'true', '', '']);
});
