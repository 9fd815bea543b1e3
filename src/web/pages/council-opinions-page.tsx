import type { OpinionOverview } from '../../service/council/council-opinions.js';
import { StaffLayout, type StaffViewer } from '../staff-layout.js';

/** /staff/opinions: each project of a fiscal year with whether its opinion and response are written. */
export function CouncilOpinionsPage(props: { viewer: StaffViewer; overview: OpinionOverview }) {
  const { overview } = props;
  const query = (fy: number) => new URLSearchParams({ area: overview.area.slug, fy: String(fy) }).toString();
  const title = `所見と対応方針（${overview.fiscalYear}年度）`;
  return (
    <StaffLayout title={title} viewer={props.viewer} crumbs={[{ label: '進捗状況報告', href: '/reports' }]}>
      <h1>{title}</h1>
      <p>{overview.area.name}</p>
      <nav aria-label="年度">
        <ul>
          {overview.fiscalYears.map((fy) => (
            <li>
              {fy === overview.fiscalYear ? (
                <span aria-current="page">{fy}年度</span>
              ) : (
                <a href={`/staff/opinions?${query(fy)}`}>{fy}年度</a>
              )}
            </li>
          ))}
        </ul>
      </nav>
      <figure>
        <figcaption>事業ごとの所見と対応方針</figcaption>
        <table>
          <thead>
            <tr>
              <th scope="col">事業</th>
              <th scope="col">所見</th>
              <th scope="col">対応方針</th>
            </tr>
          </thead>
          <tbody>
            {overview.projects.map((p) => (
              <tr>
                <th scope="row">
                  <a href={`/staff/opinions/projects/${p.number}?${query(overview.fiscalYear)}`}>
                    {p.number} {p.name}
                  </a>
                </th>
                <td>{p.opinion?.opinion ? '入力済み' : '未入力'}</td>
                <td>{p.opinion?.response ? '入力済み' : '未入力'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </figure>
    </StaffLayout>
  );
}
