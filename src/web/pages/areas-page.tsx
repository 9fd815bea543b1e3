import type { AreaKind } from '../../domain/vision.js';
import type { AreaListing } from '../../service/area-directory.js';
import { areaBase, areaHref, sitePaths } from '../area-paths.js';
import { DataTableScroll } from '../components/data-table-scroll.js';
import { formatAmount, formatShortFiscalYear } from '../format.js';
import { Layout } from '../layout.js';
import { messages } from '../messages.js';

export function areaKindLabel(kind: AreaKind): string {
  return kind === 'other' ? '広域連携' : kind;
}

/** 「2020年度〜2024年度」: the plan period as people read it; empty plans say so. */
export function formatPlanPeriod(fiscalYears: readonly number[]): string {
  const first = fiscalYears[0];
  const last = fiscalYears[fiscalYears.length - 1];
  if (first === undefined || last === undefined) return '（記載なし）';
  return first === last
    ? formatShortFiscalYear(first)
    : `${formatShortFiscalYear(first)}〜${formatShortFiscalYear(last)}`;
}

/** /areas: every 圏域 of the installation, with links to its pages, the comparison and the search across areas. */
export function AreasPage(props: { areas: AreaListing[] }) {
  const { areas } = props;
  return (
    <Layout
      title="圏域一覧"
      areaName=""
      breadcrumbs={[{ label: 'ホーム', href: '/' }, { label: '圏域一覧' }]}
      areasLink
    >
      <h1>圏域一覧</h1>
      <p class="lead">{messages.areas.lead(areas.length)}</p>
      <ul>
        <li>
          <a href={sitePaths.compare}>圏域の比較</a>（事業数、年度別の事業費、1人あたりの事業費、成果指標の種類）
        </li>
        <li>
          <a href={sitePaths.search}>全圏域の事業を検索</a>
        </li>
      </ul>
      {areas.length === 0 ? (
        <p>登録されている圏域はまだありません。</p>
      ) : (
        <DataTableScroll label="圏域の一覧表">
          <table>
            <caption>{messages.areas.caption}</caption>
            <thead>
              <tr>
                <th scope="col">圏域</th>
                <th scope="col">種別</th>
                <th scope="col" class="num">
                  構成市町村
                </th>
                <th scope="col" class="num">
                  事業数
                </th>
                <th scope="col" class="num">
                  {messages.areas.totalHeader}
                </th>
                <th scope="col">計画期間</th>
                <th scope="col">現在の版</th>
              </tr>
            </thead>
            <tbody>
              {areas.map((area) => (
                <tr>
                  <th scope="row">
                    <a href={areaHref(areaBase(area.slug), '/')}>{area.name}</a>
                    {area.isDefault ? <span class="note">（トップページで表示する圏域）</span> : null}
                  </th>
                  <td>{areaKindLabel(area.kind)}</td>
                  <td class="num">{area.municipalityCount}</td>
                  <td class="num">{area.projectCount}</td>
                  <td class="num">{formatAmount(area.totalCost)}</td>
                  <td class="nowrap">{formatPlanPeriod(area.fiscalYears)}</td>
                  <td>
                    第{area.revision.seq}版{area.revision.label ? `（${area.revision.label}）` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </DataTableScroll>
      )}
      <p class="note">{messages.areas.totalNote}</p>
      <p class="note">
        文書の取り込みは、管理者が <code>renkei import ファイル --area 識別名</code> または
        <a href={sitePaths.adminImport}>取り込みのページ</a>から行います。
      </p>
    </Layout>
  );
}
