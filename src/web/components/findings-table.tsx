import type { Finding } from '../../domain/vision.js';
import { describeFinding } from '../../report/describe-finding.js';
import { findingCodeLabels, severityLabels } from '../labels.js';
import { messages } from '../messages.js';
import { DataTableScroll } from './data-table-scroll.js';

/**
 * The findings of a document: on the findings page (projects linked) and on the page of a refused import (no
 * project exists yet: `projectHref` left out). Each says what differs, where (the matrix line, the project's
 * sheet and cell) and both texts; below 48em each finding is a card.
 */
export function FindingsTable(props: {
  findings: readonly Finding[];
  caption: string;
  /** the name of the table's scroll region */
  label: string;
  projectHref?: (project: number) => string;
}) {
  const { findings, projectHref } = props;
  const t = messages.findings.columns;
  return (
    <DataTableScroll label={props.label} stacked>
      <table class="stack-table findings-table">
        <caption>{messages.findings.caption(props.caption, findings.length)}</caption>
        <thead>
          <tr>
            <th scope="col">{t.kind}</th>
            <th scope="col">{t.project}</th>
            <th scope="col">{t.where}</th>
            <th scope="col">{t.detail}</th>
          </tr>
        </thead>
        <tbody>
          {findings.map((f) => {
            const d = describeFinding(f);
            return (
              <tr>
                <th scope="row">
                  {findingCodeLabels[f.code]}
                  <span class="note">{severityLabels[f.severity]}</span>
                </th>
                <td data-label={t.project}>
                  {f.project === null ? (
                    messages.findings.wholeDocument
                  ) : projectHref ? (
                    <a href={projectHref(f.project)}>事業{f.project}</a>
                  ) : (
                    `事業${f.project}`
                  )}
                </td>
                <td data-label={t.where}>
                  <ul class="plain-list">
                    {d.places.map((place) => (
                      <li>{place}</li>
                    ))}
                  </ul>
                </td>
                <td data-label={t.detail}>
                  {d.message}
                  {d.texts.length > 0 ? (
                    <dl class="finding-texts">
                      {d.texts.map((text) => (
                        <>
                          <dt>{text.label}</dt>
                          <dd>{text.text}</dd>
                        </>
                      ))}
                    </dl>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </DataTableScroll>
  );
}
