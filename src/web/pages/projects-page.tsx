import type { ProjectQuery } from '../../domain/project-query.js';
import type { Project } from '../../domain/vision.js';
import type { PortalSnapshot } from '../../service/read-portal.js';
import { areaHref } from '../area-paths.js';
import { BudgetAmount, projectTotalCell } from '../components/budget-amount.js';
import { DataTableScroll } from '../components/data-table-scroll.js';
import { ParticipantNames } from '../components/participant-names.js';
import { describeActiveFilters, ProjectFilterForm } from '../components/project-filter-form.js';
import { ProjectNameCell } from '../components/project-name-cell.js';
import { Layout, siteProps } from '../layout.js';
import { messages } from '../messages.js';
import { placementWords } from '../placement-label.js';

/**
 * /projects: the filter form, the result count and the matching projects. The table turns into one card per
 * project below 48em (`.stack-table`): name, placement, participants and total without sideways scrolling.
 */
export function ProjectsPage(props: {
  snapshot: PortalSnapshot;
  query: ProjectQuery;
  results: Project[];
  base: string;
}) {
  const { vision, areaCount } = props.snapshot;
  const { results, base, query } = props;
  const t = messages.projectList;
  const filtered =
    query.text !== undefined || describeActiveFilters({ ...query, sort: 'number', order: 'asc' }).length > 0;
  return (
    <Layout
      title={t.title}
      areaName={vision.area.name}
      breadcrumbs={[{ label: messages.breadcrumbs.home, href: areaHref(base, '/') }, { label: t.title }]}
      base={base}
      areasLink={areaCount > 1}
      {...siteProps(props.snapshot)}
    >
      <h1>{t.title}</h1>
      <ProjectFilterForm vision={vision} query={query} action={areaHref(base, '/projects')} />
      <p class="result-count" role="status">
        {filtered ? t.countSome(results.length, vision.projects.length) : t.countAll(vision.projects.length)}
      </p>
      {results.length === 0 ? (
        <div class="empty">
          <p>{t.empty}</p>
          <p>
            <a href={areaHref(base, '/projects')}>{t.clearLink}</a>
          </p>
        </div>
      ) : (
        <DataTableScroll label={t.caption} stacked>
          <table class="project-list stack-table">
            <caption class="visually-hidden">{t.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.columns.number}</th>
                <th scope="col">{t.columns.name}</th>
                <th scope="col">{t.columns.placement}</th>
                <th scope="col">{t.columns.participants}</th>
                <th scope="col" class="num">
                  {t.columns.total}
                </th>
              </tr>
            </thead>
            <tbody>
              {results.map((p) => (
                <tr>
                  <td class="num stack-table__number" data-label={t.columns.number}>
                    {p.number}
                  </td>
                  <ProjectNameCell project={p} base={base} />
                  <td data-label={t.columns.placement}>{placementWords(vision, p)}</td>
                  <td data-label={t.columns.participants}>
                    <ParticipantNames project={p} vision={vision} />
                  </td>
                  <td class="num" data-label={t.columns.total}>
                    <BudgetAmount cell={projectTotalCell(p.budget)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </DataTableScroll>
      )}
    </Layout>
  );
}
