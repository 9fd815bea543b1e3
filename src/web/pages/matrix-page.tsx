import type { Project, Vision } from '../../domain/vision.js';
import type { PortalSnapshot } from '../../service/read-portal.js';
import type { YearStatus } from '../../service/results/assemble-year-status.js';
import { areaHref } from '../area-paths.js';
import { DataTableScroll } from '../components/data-table-scroll.js';
import { ProjectNameCell } from '../components/project-name-cell.js';
import { LatestStatusCounts } from '../components/status-counts.js';
import { Layout, siteProps } from '../layout.js';

function Count(props: { actual: number; declared: number | null }) {
  const { actual, declared } = props;
  if (declared === null || declared === actual) return <span class="count">（{actual}事業）</span>;
  return (
    <span class="count mismatch">
      （{actual}事業。<strong>文書の記載は{declared}事業で、一致しません</strong>）
    </span>
  );
}

function MatrixTable(props: {
  vision: Vision;
  projects: Project[];
  caption: string;
  withSubField: boolean;
  base: string;
}) {
  const partners = props.vision.area.municipalities.filter((m) => !m.isCentralCity);
  const subTitle = (p: Project) => {
    const area = props.vision.structure.find((r) => r.role === p.role)?.policyAreas.find((a) => a.no === p.policyArea);
    const sub = area?.subFields.find((s) => s.no === p.subField);
    return sub ? `${sub.no} ${sub.title}` : '';
  };
  return (
    <DataTableScroll label={`${props.caption}の表`}>
      <table class="matrix">
        <caption class="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            {props.withSubField ? <th scope="col">分野</th> : null}
            <th scope="col">番号</th>
            <th scope="col">事業名</th>
            {partners.map((m) => (
              <th scope="col" class="center">
                {m.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.projects.map((p) => (
            <tr>
              {props.withSubField ? <td>{subTitle(p)}</td> : null}
              <td class="num">{p.number}</td>
              <ProjectNameCell project={p} base={props.base} name={p.nameInMatrix ?? p.name} />
              {partners.map((m) =>
                p.participants.includes(m.name) ? (
                  <td class="center">
                    <span aria-hidden="true">○</span>
                    <span class="visually-hidden">参加</span>
                  </td>
                ) : (
                  <td class="center">
                    <span class="visually-hidden">不参加</span>
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </DataTableScroll>
  );
}

/** /matrix: 連携協約項目 × 連携町村, with counts computed from the data beside the counts the document declares. */
export function MatrixPage(props: {
  snapshot: PortalSnapshot;
  base: string;
  /** the latest published fiscal year's results; null before any publication */
  latest?: YearStatus | null;
}) {
  const { vision, areaCount } = props.snapshot;
  const { base } = props;
  return (
    <Layout
      title="連携協約項目の一覧表"
      areaName={vision.area.name}
      breadcrumbs={[{ label: 'ホーム', href: areaHref(base, '/') }, { label: '連携協約項目の一覧表' }]}
      base={base}
      areasLink={areaCount > 1}
      {...siteProps(props.snapshot)}
    >
      <h1>連携協約項目の一覧表</h1>
      <p>
        役割・連携施策ごとの事業と、各町村の参加（○）です。事業数はデータから数え、文書の記載と異なるときは表示します。
        下線（新規）の事業には「新規」を付けています。
      </p>
      <LatestStatusCounts latest={props.latest} vision={vision} base={base} />
      {vision.structure.map((role) => (
        <section aria-labelledby={`role-${role.role}`}>
          <h2 id={`role-${role.role}`}>
            役割{role.role} {role.title}
            <Count actual={vision.projects.filter((p) => p.role === role.role).length} declared={role.declaredCount} />
          </h2>
          {role.policyAreas.map((area) => {
            const projects = vision.projects.filter((p) => p.role === role.role && p.policyArea === area.no);
            return (
              <section aria-labelledby={`role-${role.role}-area-${area.no}`}>
                <h3 id={`role-${role.role}-area-${area.no}`}>
                  ({area.no}) {area.title}
                  <Count actual={projects.length} declared={area.declaredCount} />
                </h3>
                {area.titleInMatrix && (area.titleInMatrix !== area.title || area.noInMatrix !== null) ? (
                  <p class="note">
                    一覧表での見出し: {area.noInMatrix !== null ? `(${area.noInMatrix}) ` : ''}
                    {area.titleInMatrix}
                  </p>
                ) : null}
                {area.subFields.some(
                  (s) =>
                    s.declaredCount !== null && s.declaredCount !== projects.filter((p) => p.subField === s.no).length,
                ) ? (
                  <ul class="warning">
                    {area.subFields.map((s) => {
                      const n = projects.filter((p) => p.subField === s.no).length;
                      return s.declaredCount !== null && s.declaredCount !== n ? (
                        <li>
                          分野{s.no} {s.title}: {n}事業（文書の記載は{s.declaredCount}事業）
                        </li>
                      ) : null;
                    })}
                  </ul>
                ) : null}
                <MatrixTable
                  vision={vision}
                  projects={projects}
                  caption={`(${area.no}) ${area.title}`}
                  withSubField={area.subFields.length > 0}
                  base={base}
                />
              </section>
            );
          })}
        </section>
      ))}
    </Layout>
  );
}
