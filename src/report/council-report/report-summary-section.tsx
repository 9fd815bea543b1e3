import type { CouncilReport } from './build-council-report.js';
import { AmountHeaders, PlanActualTable } from './plan-actual-table.js';
import { BarChart } from './report-charts.js';
import { formatThousandYen, SECTION_TITLES } from './report-format.js';
import { GRADES, type GroupSummary, LEVELS, summarize } from './summarize-report.js';

/** A summary by role or by policy area: KPI statuses and plan vs actual as charts, then their table. */
export function GroupSummarySection(props: { id: 'byRole' | 'byPolicyArea'; report: CouncilReport }) {
  const groups = props.report[props.id];
  const title = SECTION_TITLES[props.id];
  const total = { key: 'total', label: '合計', ...summarize(props.report.projects) };
  return (
    <section class="part" id={props.id}>
      <h1>{title}</h1>
      <BarChart
        id={`${props.id}-statuses`}
        title={`${title}: 成果指標の達成状況`}
        description="グループごとの成果指標の件数（達成・概ね順調・遅れ・未評価）。数値は下の表にあります。"
        series={LEVELS}
        rows={groups.map((g) => ({ label: g.label, values: LEVELS.map((l) => g.statuses[l]) }))}
      />
      <BarChart
        id={`${props.id}-spending`}
        title={`${title}: 事業費の計画と実績（千円）`}
        description="グループごとの事業費の計画額と決算額。数値は下の表にあります。"
        series={['計画', '実績']}
        rows={groups.map((g) => ({ label: g.label, values: [g.plan, g.actual] }))}
      />
      <figure>
        <figcaption>{title}（事業数、評価、成果指標の達成状況、事業費 千円）</figcaption>
        <table>
          <thead>
            <tr>
              <th scope="col">区分</th>
              <th scope="col" class="n">
                事業数
              </th>
              {GRADES.map((g) => (
                <th scope="col" class="n">
                  評価{g}
                </th>
              ))}
              {LEVELS.map((l) => (
                <th scope="col" class="n">
                  {l}
                </th>
              ))}
              <AmountHeaders />
            </tr>
          </thead>
          <tbody>
            {[...groups, total].map((g) => (
              <SummaryRow group={g} />
            ))}
          </tbody>
        </table>
      </figure>
    </section>
  );
}

function SummaryRow(props: { group: GroupSummary }) {
  const g = props.group;
  return (
    <tr>
      <th scope="row">{g.label}</th>
      <td class="n">{g.projects}</td>
      {GRADES.map((grade) => (
        <td class="n">{g.grades[grade]}</td>
      ))}
      {LEVELS.map((l) => (
        <td class="n">{g.statuses[l]}</td>
      ))}
      <td class="n">{formatThousandYen(g.plan)}</td>
      <td class="n">{formatThousandYen(g.actual)}</td>
    </tr>
  );
}

/** Each municipality's shares: chart, then table. */
export function MunicipalitySection(props: { report: CouncilReport }) {
  const rows = props.report.byMunicipality;
  return (
    <section class="part" id="byMunicipality">
      <h1>{SECTION_TITLES.byMunicipality}</h1>
      <BarChart
        id="byMunicipality-chart"
        title="市町村別の負担額（計画と実績、千円）"
        description="市町村ごとの、参加する事業の負担額の合計。数値は下の表にあります。"
        series={['計画', '実績']}
        rows={rows.map((m) => ({ label: m.name, values: [m.plan, m.actual] }))}
      />
      <figure>
        <figcaption>市町村別の負担額（千円）</figcaption>
        <PlanActualTable
          header="市町村"
          countHeader="参加事業数"
          rows={rows.map((m) => ({ label: m.name, plan: m.plan, actual: m.actual, count: m.projects }))}
        />
      </figure>
    </section>
  );
}
