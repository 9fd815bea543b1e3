import assert from 'node:assert/strict';
import { test } from 'node:test';
import { siteCss } from './assets/site-css.js';
import { Layout } from './layout.js';
import { SiteInfoContext } from './site-info.js';

function render(breadcrumbs: { label: string; href?: string }[], extra: { printTitle?: string } = {}): string {
  return (
    <Layout title="事業一覧" areaName="青森圏域" breadcrumbs={breadcrumbs} {...extra}>
      <h1>事業一覧</h1>
    </Layout>
  ).toString();
}

const listCrumbs = [{ label: 'ホーム', href: '/' }, { label: '事業一覧' }];

test('a whole Japanese document: doctype, lang, title with the area, hashed stylesheet, no script', () => {
  const html = render(listCrumbs);
  assert.match(html, /^<!doctype html><html lang="ja"><head><meta charset="utf-8"\/>/);
  assert.match(html, /<meta name="viewport" content="width=device-width, initial-scale=1"\/>/);
  assert.match(html, /<title>事業一覧｜青森圏域 連携中枢都市圏ビジョン<\/title>/);
  assert.match(html, /<meta name="description" content="青森圏域の[^"]+"\/>/);
  assert.ok(html.includes(`<link rel="stylesheet" href="/assets/site.css?v=${siteCss.hash}"/>`));
  assert.doesNotMatch(html, /<script/i);
});

test('skip link first, to a focusable main', () => {
  const html = render(listCrumbs);
  assert.match(html, /<body><a class="skip-link" href="#main">本文へスキップ<\/a>/);
  assert.match(html, /<main id="main" tabindex="-1" class="container"><h1>事業一覧<\/h1><\/main>/);
});

test("site nav: home first, the area's pages, the list of areas and the API; the current one is marked", () => {
  const html = render(listCrumbs);
  const nav = (
    html.match(/<nav aria-label="サイト内" class="site-nav site-nav--wide"[\s\S]*?<\/nav>/)?.[0] ?? ''
  ).replace(/<div class="site-nav__account">[\s\S]*?<\/div>/, '');
  const links = [...nav.matchAll(/<a href="([^"]+)"( aria-current="[^"]+")?>([^<]+)<\/a>/g)].map((m) => [
    m[1],
    m[3],
    m[2] ?? '',
  ]);
  assert.deepEqual(links, [
    ['/', 'ホーム', ''],
    ['/matrix', '連携協約項目の一覧表', ''],
    ['/projects', '事業一覧', ' aria-current="page"'],
    ['/status', '達成状況', ''],
    ['/findings', '文書の不整合', ''],
    ['/downloads', 'オープンデータ', ''],
    ['/areas', '圏域一覧', ''],
    ['/api/docs', 'API', ''],
  ]);
  // below 48em the same links sit in one 「メニュー」 button with the search box (no script)
  const menu = html.match(/<details class="site-menu"><summary>メニュー<\/summary>[\s\S]*?<\/details>/)?.[0] ?? '';
  assert.match(menu, /<input id="site-search-menu" name="q" type="search"/);
  assert.match(menu, /<a href="\/api\/docs">API<\/a>/);
});

test('header: publisher and contact from the configuration, the last update, the staff sign-in link', () => {
  const html = (
    <SiteInfoContext.Provider
      value={{
        publisher: '青森市 企画部 企画調整課',
        contact: '電話 017-000-0000',
        contactUrl: 'https://example.jp/q',
      }}
    >
      <Layout title="ホーム" areaName="青森圏域" breadcrumbs={[]} updatedAt="2026-11-28T20:05:00Z" centralCity="青森市">
        <h1>ホーム</h1>
      </Layout>
    </SiteInfoContext.Provider>
  ).toString();
  const header = html.match(/<header[\s\S]*?<\/header>/)?.[0] ?? '';
  assert.match(header, /<li>発行: 青森市 企画部 企画調整課<\/li>/);
  assert.match(header, /<li>問い合わせ: <a href="https:\/\/example.jp\/q">電話 017-000-0000<\/a><\/li>/);
  assert.match(header, /最終更新: <time datetime="2026-11-28T20:05:00Z">2026年11月29日<\/time>/);
  assert.match(header, /<div class="site-nav__account"><a href="\/signin">職員ログイン<\/a><\/div><\/nav>/);
  const withAccount = (
    <Layout title="ホーム" areaName="青森圏域" breadcrumbs={[]} accountSlot={<a href="/login">ログイン</a>}>
      x
    </Layout>
  ).toString();
  assert.match(withAccount, /<div class="site-nav__account"><a href="\/login">ログイン<\/a><\/div><\/nav>/);
});

test('a page below a section marks that section, not the page itself', () => {
  const html = render([
    { label: 'ホーム', href: '/' },
    { label: '事業一覧', href: '/projects' },
    { label: 'No.3 事業' },
  ]);
  assert.match(html, /<a href="\/projects" aria-current="true">事業一覧<\/a>/);
  assert.match(html, /<a href="\/">ホーム<\/a>/);
});

test('breadcrumbs: links for ancestors, the last crumb is the current page without a link', () => {
  const html = render([
    { label: 'ホーム', href: '/' },
    { label: '事業一覧', href: '/projects' },
    { label: 'No.3 事業' },
  ]);
  assert.match(
    html,
    /<nav aria-label="パンくずリスト" class="breadcrumbs container"><ol><li><a href="\/">ホーム<\/a><\/li><li><a href="\/projects">事業一覧<\/a><\/li><li><span aria-current="page">No\.3 事業<\/span><\/li><\/ol><\/nav>/,
  );
  assert.doesNotMatch(render([]), /パンくずリスト/);
});

test('footer: source and unit, data API and accessibility links; print title only when given', () => {
  const html = render(listCrumbs);
  assert.match(html, /<footer class="site-footer">[\s\S]*出典: 各圏域の連携中枢都市圏ビジョン。金額の単位は千円/);
  assert.match(html, /<footer[\s\S]*<a href="\/downloads">オープンデータ/);
  assert.match(html, /<footer[\s\S]*<a href="\/areas\/compare">圏域の比較<\/a>/);
  assert.match(html, /<footer[\s\S]*<a href="\/accessibility">アクセシビリティ方針<\/a>/);
  assert.doesNotMatch(html, /print-title/);
  assert.match(render(listCrumbs, { printTitle: '事業シート' }), /<p class="print-only print-title">事業シート<\/p>/);
});

test('text from data is escaped', () => {
  const html = (
    <Layout title={'<b>"x"</b>'} areaName="A&B" breadcrumbs={[{ label: '<i>' }]}>
      {'<script>'}
    </Layout>
  ).toString();
  assert.ok(html.includes('<title>&lt;b&gt;&quot;x&quot;&lt;/b&gt;｜A&amp;B 連携中枢都市圏ビジョン</title>'));
  assert.doesNotMatch(html, /<script>|<i>|<b>/);
});
