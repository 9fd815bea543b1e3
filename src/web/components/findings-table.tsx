import type { Finding } from '../../domain/vision.js';
import { findingCodeLabels, severityLabels } from '../labels.js';
import { DataTableScroll } from './data-table-scroll.js';

/**
 * The findings of a document with their line numbers: on the findings page (projects linked) and on the page of
 * a refused import (no project exists yet: `projectHref` left out).
 */
export function FindingsTable(props: {
  findings: readonly Finding[];
  caption: string;
  /** the name of the table's scroll region */
  label: string;
  projectHref?: (project: number) => string;
}) {
  const { findings, projectHref } = props;
  return (
    <DataTableScroll label={props.label}>
      <table>
        <caption>
          {props.caption}（{findings.length}件）
        </caption>
        <thead>
          <tr>
            <th scope="col">種別</th>
            <th scope="col">内容</th>
            <th scope="col">事業</th>
            <th scope="col" class="num">
              行
            </th>
            <th scope="col">詳細</th>
          </tr>
        </thead>
        <tbody>
          {findings.map((f) => (
            <tr>
              <td>{severityLabels[f.severity]}</td>
              <th scope="row">{findingCodeLabels[f.code]}</th>
              <td>
                {f.project === null ? (
                  '—'
                ) : projectHref ? (
                  <a href={projectHref(f.project)}>事業{f.project}</a>
                ) : (
                  `事業${f.project}`
                )}
              </td>
              <td class="num">{f.line ?? '—'}</td>
              <td>
                {f.message}
                {f.excerpt ? <span class="note">{f.excerpt}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </DataTableScroll>
  );
}
