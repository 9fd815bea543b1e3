import type { Vision } from '../../domain/vision.js';
import type { YearStatus } from '../../service/results/assemble-year-status.js';
import { GRADES, type StatusGroup, summarizeYearStatus } from '../../service/results/summarize-year-status.js';
import { areaHref } from '../area-paths.js';
import { ACHIEVEMENT_LEVELS, resultsMessages as t } from '../results-messages.js';
import { DataTableScroll } from './data-table-scroll.js';

/**
 * One line of counts for the home page and /matrix: the latest published fiscal year's KPI statuses and project
 * grades, with a link to /status. Nothing is shown before the first publication (the caller passes null).
 */
export function StatusCountsLine(props: { fiscalYear: number; total: StatusGroup; href: string }) {
  const { total } = props;
  const kpis = ACHIEVEMENT_LEVELS.map((level) => `${level} ${total.kpis[level]}件`).join('、');
  const grades = [...GRADES.map((g) => `${g} ${total.grades[g]}`), `${t.noGrade} ${total.grades.none}`].join('、');
  return (
    <p class="status-counts">
      {t.countsLine(props.fiscalYear)}: {kpis}。事業の評価: {grades}（事業数）。
      <a href={props.href}>{t.statusLink}</a>
    </p>
  );
}

/** The counts line of the latest published fiscal year, or nothing before the first publication. */
export function LatestStatusCounts(props: { latest: YearStatus | null | undefined; vision: Vision; base: string }) {
  const { latest } = props;
  if (!latest) return null;
  return (
    <StatusCountsLine
      fiscalYear={latest.fiscalYear}
      total={summarizeYearStatus(latest, props.vision).total}
      href={areaHref(props.base, '/status')}
    />
  );
}

/** Groups of projects as rows, with their KPI status counts and grade counts as columns. */
export function StatusGroupTable(props: { caption: string; groups: readonly StatusGroup[] }) {
  return (
    <DataTableScroll label={props.caption}>
      <table>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.groupHeader}</th>
            <th scope="col" class="num">
              {t.projects}
            </th>
            {ACHIEVEMENT_LEVELS.map((level) => (
              <th scope="col" class="num">
                {level}
              </th>
            ))}
            {GRADES.map((grade) => (
              <th scope="col" class="num">
                評価{grade}
              </th>
            ))}
            <th scope="col" class="num">
              {t.noGrade}
            </th>
          </tr>
        </thead>
        <tbody>
          {props.groups.map((g) => (
            <tr>
              <th scope="row">{g.label}</th>
              <td class="num">{g.projects}</td>
              {ACHIEVEMENT_LEVELS.map((level) => (
                <td class="num">{g.kpis[level]}</td>
              ))}
              {GRADES.map((grade) => (
                <td class="num">{g.grades[grade]}</td>
              ))}
              <td class="num">{g.grades.none}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </DataTableScroll>
  );
}
