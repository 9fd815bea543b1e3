import { findLatestPopulation } from '../../domain/municipality-populations.js';
import { projectCost } from '../../domain/project-query.js';
import type { MunicipalityRef, Project } from '../../domain/vision.js';
import type { PortalSnapshot } from '../../service/read-portal.js';
import { areaHref } from '../area-paths.js';
import { DataTableScroll } from '../components/data-table-scroll.js';
import { ProjectNameCell } from '../components/project-name-cell.js';
import { formatAmount } from '../format.js';
import { Layout } from '../layout.js';

/** /municipalities/{code}: the projects a municipality takes part in, its role text and the totals. */
export function MunicipalityPage(props: {
  snapshot: PortalSnapshot;
  municipality: MunicipalityRef;
  projects: Project[];
  base: string;
}) {
  const { vision, areaCount } = props.snapshot;
  const { municipality, projects, base } = props;
  const population = findLatestPopulation(municipality.code);
  const total = projects.reduce((sum, p) => sum + projectCost(p), 0);
  return (
    <Layout
      title={municipality.name}
      areaName={vision.area.name}
      breadcrumbs={[{ label: 'ホーム', href: areaHref(base, '/') }, { label: municipality.name }]}
      base={base}
      areasLink={areaCount > 1}
    >
      <h1>{municipality.name}</h1>
      <dl class="facts">
        <dt>区分</dt>
        <dd>{municipality.isCentralCity ? '中心市' : '連携町村'}</dd>
        <dt>全国地方公共団体コード</dt>
        <dd>{municipality.code ?? '（不明）'}</dd>
        <dt>人口</dt>
        <dd>{population ? `${formatAmount(population.value)}人（${population.asOf}、${population.basis}）` : '—'}</dd>
        <dt>参加する事業</dt>
        <dd>
          {projects.length}事業（全{vision.projects.length}事業のうち）
        </dd>
        <dt>参加する事業の事業費見込額の計</dt>
        <dd>{formatAmount(total)}千円（圏域全体の事業費。市町村ごとの負担額ではありません）</dd>
      </dl>
      {projects.length === 0 ? (
        <p>参加する事業はありません。</p>
      ) : (
        <DataTableScroll label="参加する事業の表">
          <table>
            <caption>{municipality.name}が参加する事業と役割分担</caption>
            <thead>
              <tr>
                <th scope="col">番号</th>
                <th scope="col">事業名</th>
                <th scope="col">役割分担</th>
                <th scope="col" class="num">
                  事業費見込額の計（千円）
                </th>
              </tr>
            </thead>
            <tbody>
              {projects.map((p) => (
                <tr>
                  <td class="num">{p.number}</td>
                  <ProjectNameCell project={p} base={base} />
                  <td>{(municipality.isCentralCity ? p.roles.centralCity : p.roles.partners) || '—'}</td>
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
