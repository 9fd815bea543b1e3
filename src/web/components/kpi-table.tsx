import type { Kpi, Project } from '../../domain/vision.js';
import { areaHref } from '../area-paths.js';
import { DataTableScroll } from './data-table-scroll.js';

function TargetCell(props: { kpi: Kpi; projects: readonly Project[]; base: string; label: string }) {
  const { target } = props.kpi;
  if (target.kind === 'merged_into' && target.mergedInto !== null) {
    const into = props.projects.find((p) => p.number === target.mergedInto);
    return (
      <td data-label={props.label}>
        <a href={areaHref(props.base, `/projects/${target.mergedInto}`)}>{target.text}</a>
        {into ? <span class="note">（{into.name}）</span> : null}
      </td>
    );
  }
  return <td data-label={props.label}>{target.kind === 'none' ? '目標値なし（—）' : target.text}</td>;
}

/** 成果指標: indicator, baseline with its survey time, target by kind, and the footnote. Links stay in `base`. */
export function KpiTable(props: {
  project: Project;
  projects: readonly Project[];
  targetYearLabel: string;
  base: string;
}) {
  const { project } = props;
  if (project.kpis.length === 0) return <p>この事業には成果指標の記載がありません。</p>;
  const targetHeader = `目標値（${props.targetYearLabel}）`;
  return (
    <DataTableScroll label="成果指標の表" stacked>
      <table class="stack-table">
        <caption class="visually-hidden">成果指標</caption>
        <thead>
          <tr>
            <th scope="col">指標</th>
            <th scope="col">現状値（調査時点）</th>
            <th scope="col">{targetHeader}</th>
          </tr>
        </thead>
        <tbody>
          {project.kpis.map((kpi) => (
            <tr>
              <th scope="row">
                {kpi.indicator}
                {kpi.note ? <span class="note">※{kpi.note}</span> : null}
              </th>
              <td data-label="現状値（調査時点）">{kpi.baseline.text === '' ? '—' : kpi.baseline.text}</td>
              <TargetCell kpi={kpi} projects={props.projects} base={props.base} label={targetHeader} />
            </tr>
          ))}
        </tbody>
      </table>
    </DataTableScroll>
  );
}
