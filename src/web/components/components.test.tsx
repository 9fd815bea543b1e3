import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DataTableScroll } from './data-table-scroll.js';
import { FormAlert } from './form-alert.js';
import { NewBadge } from './new-badge.js';
import { Pagination, PrevNext } from './prev-next.js';

test('DataTableScroll: a focusable, named region around its table, with a scroll cue for narrow screens', () => {
  const html = (
    <DataTableScroll label="事業費の表">
      <table />
    </DataTableScroll>
  ).toString();
  assert.equal(
    html,
    '<p class="table-scroll-hint" aria-hidden="true">表は横にスクロールできます →</p>' +
      '<div class="table-scroll" role="region" tabindex="0" aria-label="事業費の表"><table></table></div>',
  );
  const stacked = (
    <DataTableScroll label="事業の一覧" stacked>
      <table />
    </DataTableScroll>
  ).toString();
  assert.equal(
    stacked,
    '<div class="table-scroll table-scroll--stacked" role="region" tabindex="0" aria-label="事業の一覧"><table></table></div>',
  );
});

test('FormAlert: announced at once, its title first and any detail after; nothing without a message', () => {
  assert.equal(
    (<FormAlert message="パスワードが違います" />).toString(),
    '<div class="warning" role="alert"><p class="warning__title">パスワードが違います</p></div>',
  );
  assert.equal(
    (
      <FormAlert message="読み込めませんでした">
        <p>直してください。</p>
      </FormAlert>
    ).toString(),
    '<div class="warning" role="alert"><p class="warning__title">読み込めませんでした</p><p>直してください。</p></div>',
  );
  assert.equal(String(<FormAlert message={undefined} />), '');
});

test('NewBadge: the word 新規, not a colour alone', () => {
  assert.equal((<NewBadge />).toString(), '<span class="badge-new">新規</span>');
});

test('PrevNext: a named nav with rel links; a missing side is left out; nothing when both are', () => {
  const both = (
    <PrevNext prev={{ href: '/projects/2', label: 'No.2 事業B' }} next={{ href: '/projects/4', label: 'No.4 事業D' }} />
  ).toString();
  assert.match(both, /^<nav aria-label="前後の事業" class="prev-next"><ul>/);
  assert.match(
    both,
    /<a href="\/projects\/2" rel="prev"><span class="prev-next__direction">前の事業<span class="visually-hidden">：<\/span><\/span><span>No\.2 事業B<\/span><\/a>/,
  );
  assert.match(both, /<a href="\/projects\/4" rel="next">.*次の事業.*No\.4 事業D/);

  const firstOnly = (<PrevNext next={{ href: '/projects/2', label: 'No.2' }} />).toString();
  assert.doesNotMatch(firstOnly, /rel="prev"/);
  assert.match(firstOnly, /rel="next"/);
  assert.equal((<PrevNext />).toString(), '');
});

test('Pagination: the same shape, named as page navigation', () => {
  const html = (<Pagination next={{ href: '?page=2', label: '2ページ目' }} />).toString();
  assert.match(
    html,
    /^<nav aria-label="ページ送り" class="pagination"><ul><li class="pagination__next"><a href="\?page=2" rel="next">/,
  );
});
