import type { AreaSearchResult } from '../../service/area-search.js';
import { areaBase, areaHref, sitePaths } from '../area-paths.js';
import { DataTableScroll } from '../components/data-table-scroll.js';
import { NewBadge } from '../components/new-badge.js';
import { Layout } from '../layout.js';

/** /areas/search?q=: the projects of every area whose text holds every word. */
export function AreaSearchPage(props: { text: string; result: AreaSearchResult | null; limit: number }) {
  const { text, result } = props;
  return (
    <Layout
      title={text === '' ? '全圏域の事業を検索' : `「${text}」の検索結果`}
      areaName=""
      breadcrumbs={[
        { label: 'ホーム', href: '/' },
        { label: '圏域一覧', href: sitePaths.areas },
        { label: '全圏域の事業を検索' },
      ]}
      areasLink
    >
      <h1>全圏域の事業を検索</h1>
      <search aria-label="全圏域の事業の検索">
        <form class="filter-form" method="get" action={sitePaths.search}>
          <div class="form-field form-field--wide">
            <label for="q">キーワード（事業名・内容・連携効果・指標。空白で区切るとすべてを含む事業）</label>
            <input id="q" name="q" type="search" value={text} />
          </div>
          <div class="filter-form__actions">
            <button type="submit">検索する</button>
          </div>
        </form>
      </search>
      {result === null ? null : (
        <>
          <p class="result-count" role="status">
            <strong>{result.total}事業</strong>が見つかりました。
            {result.total > result.hits.length ? `最初の${result.hits.length}事業を示します。` : ''}
          </p>
          {result.hits.length === 0 ? (
            <p>キーワードを短くするか、別の言葉で検索してください。</p>
          ) : (
            <DataTableScroll label="検索結果の表">
              <table>
                <caption>「{text}」を含む事業</caption>
                <thead>
                  <tr>
                    <th scope="col">圏域</th>
                    <th scope="col" class="num">
                      番号
                    </th>
                    <th scope="col">事業名</th>
                  </tr>
                </thead>
                <tbody>
                  {result.hits.map((hit) => (
                    <tr>
                      <td>
                        <a href={areaHref(areaBase(hit.areaSlug), '/')}>{hit.areaName}</a>
                      </td>
                      <td class="num">{hit.number}</td>
                      <th scope="row">
                        <a href={areaHref(areaBase(hit.areaSlug), `/projects/${hit.number}`)}>{hit.name}</a>
                        {hit.isNew ? <NewBadge /> : null}
                      </th>
                    </tr>
                  ))}
                </tbody>
              </table>
            </DataTableScroll>
          )}
        </>
      )}
    </Layout>
  );
}
