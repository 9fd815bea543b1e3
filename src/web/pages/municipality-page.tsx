import { findLatestPopulation } from '../../domain/municipality-populations.js';
import { projectCost } from '../../domain/project-query.js';
import type { MunicipalityRef, Project } from '../../domain/vision.js';
import type { PortalSnapshot } from '../../service/read-portal.js';
import { areaHref } from '../area-paths.js';
import { BudgetAmount, projectTotalCell } from '../components/budget-amount.js';
import { DataTableScroll } from '../components/data-table-scroll.js';
import { ProjectNameCell } from '../components/project-name-cell.js';
import { formatAmount } from '../format.js';
import { Layout, siteProps } from '../layout.js';
import { messages } from '../messages.js';
import { resolveRoleTexts } from '../role-text.js';

/**
 * /municipalities/{code}: the projects a municipality takes part in, its role text (「同上」 resolved) and the
 * total of the projects that give an amount. Below 48em each project is a card (`.stack-table`).
 */
export function MunicipalityPage(props: {
  snapshot: PortalSnapshot;
  municipality: MunicipalityRef;
  projects: Project[];
  base: string;
}) {
  const { vision, areaCount } = props.snapshot;
  const { municipality, projects, base } = props;
  const t = messages.municipality;
  const population = findLatestPopulation(municipality.code);
  const costs = projects.map(projectCost);
  const total = costs.reduce<number>((sum, c) => sum + (c ?? 0), 0);
  const withoutAmount = costs.filter((c) => c === null).length;
  return (
    <Layout
      title={municipality.name}
      areaName={vision.area.name}
      breadcrumbs={[{ label: messages.breadcrumbs.home, href: areaHref(base, '/') }, { label: municipality.name }]}
      base={base}
      areasLink={areaCount > 1}
      {...siteProps(props.snapshot)}
    >
      <h1>{municipality.name}</h1>
      <dl class="facts">
        <dt>{t.kind}</dt>
        <dd>{municipality.isCentralCity ? t.central : t.partner}</dd>
        <dt>{t.code}</dt>
        <dd>{municipality.code ?? t.unknownCode}</dd>
        <dt>{t.population}</dt>
        <dd>
          {population
            ? t.populationValue(formatAmount(population.value), population.asOf, population.basis, population.source)
            : '—'}
        </dd>
        <dt>{t.projects}</dt>
        <dd>{t.projectCount(projects.length, vision.projects.length)}</dd>
        <dt>{t.total}</dt>
        <dd>
          {t.totalValue(formatAmount(total))}
          {withoutAmount > 0 ? <span class="note">{messages.figures.excludedProjects(withoutAmount)}</span> : null}
          <span class="note">{t.totalNote}</span>
        </dd>
      </dl>
      {projects.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <DataTableScroll label={t.tableLabel(municipality.name)} stacked>
          <table class="stack-table">
            <caption>{t.tableLabel(municipality.name)}</caption>
            <thead>
              <tr>
                <th scope="col">{t.columns.number}</th>
                <th scope="col">{t.columns.name}</th>
                <th scope="col">{t.columns.role}</th>
                <th scope="col" class="num">
                  {t.columns.total}
                </th>
              </tr>
            </thead>
            <tbody>
              {projects.map((p) => {
                const roles = resolveRoleTexts(p);
                return (
                  <tr>
                    <td class="num stack-table__number" data-label={t.columns.number}>
                      {p.number}
                    </td>
                    <ProjectNameCell project={p} base={base} />
                    <td data-label={t.columns.role}>
                      {(municipality.isCentralCity ? roles.centralCity : roles.partners) || '—'}
                      {!municipality.isCentralCity && roles.partnersSameAsAbove ? (
                        <span class="note">{messages.roles.sameAsAbove}</span>
                      ) : null}
                    </td>
                    <td class="num" data-label={t.columns.total}>
                      <BudgetAmount cell={projectTotalCell(p.budget)} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </DataTableScroll>
      )}
    </Layout>
  );
}
