import { type ProjectQuery, projectCost } from '../../domain/project-query.js';
import type { Project } from '../../domain/vision.js';
import type { PortalSnapshot } from '../../service/read-portal.js';
import { areaHref } from '../area-paths.js';
import { DataTableScroll } from '../components/data-table-scroll.js';
import { ProjectFilterForm } from '../components/project-filter-form.js';
import { ProjectNameCell } from '../components/project-name-cell.js';
import { formatAmount } from '../format.js';
import { Layout } from '../layout.js';
import { placementLabel, shortPlacementLabel } from '../placement-label.js';

/** /projects: the filter form, the result count and the matching projects. */
export function ProjectsPage(props: {
  snapshot: PortalSnapshot;
  query: ProjectQuery;
  results: Project[];
  base: string;
}) {
  const { vision, areaCount } = props.snapshot;
  const { results, base } = props;
  return (
    <Layout
      title="事業一覧"
      areaName={vision.area.name}
      breadcrumbs={[{ label: 'ホーム', href: areaHref(base, '/') }, { label: '事業一覧' }]}
      base={base}
      areasLink={areaCount > 1}
    >
      <h1>事業一覧</h1>
      <ProjectFilterForm vision={vision} query={props.query} action={areaHref(base, '/projects')} />
      <p class="result-count" role="status">
        {vision.projects.length}事業のうち <strong>{results.length}事業</strong> が条件に合います。
      </p>
      {results.length === 0 ? (
        <div class="empty">
          <p>条件に合う事業はありません。キーワードを短くするか、条件を減らしてください。</p>
          <p>
            <a href={areaHref(base, '/projects')}>条件をクリアしてすべての事業を見る</a>
          </p>
        </div>
      ) : (
        <DataTableScroll label="事業の一覧表">
          <table class="project-list">
            <caption>条件に合う事業（{results.length}事業）</caption>
            <thead>
              <tr>
                <th scope="col">番号</th>
                <th scope="col">事業名</th>
                <th scope="col">役割-(施策)-分野</th>
                <th scope="col">連携町村</th>
                <th scope="col" class="num">
                  事業費見込額の計（千円）
                </th>
              </tr>
            </thead>
            <tbody>
              {results.map((p) => (
                <tr>
                  <td class="num">{p.number}</td>
                  <ProjectNameCell project={p} base={base} />
                  <td class="nowrap">
                    <abbr title={placementLabel(vision, p)}>{shortPlacementLabel(p)}</abbr>
                  </td>
                  <td>{p.participants.join('、') || '—'}</td>
                  <td class="num">{formatAmount(projectCost(p))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </DataTableScroll>
      )}
    </Layout>
  );
}
