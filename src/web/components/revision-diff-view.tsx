import type { BudgetChange, FieldChange, ProjectChange, RevisionDiff } from '../../domain/revision-diff.js';
import { formatAmount, formatBudgetCell, formatShortFiscalYear } from '../format.js';
import { revisionFieldLabels } from '../labels.js';
import { TableFigure } from './table-figure.js';

const cellText = (cell: BudgetChange['old']) => (cell === null ? '（なし）' : formatBudgetCell(cell));
const signed = (n: number | null) => (n === null ? '—' : n > 0 ? `+${formatAmount(n)}` : formatAmount(n));

/** What a revision takes away from the public data, as a list (the publication's confirmation names it). */
export function DisappearanceList(props: { lines: readonly string[] }) {
  return (
    <ul class="disappearances">
      {props.lines.map((line) => (
        <li>{line}</li>
      ))}
    </ul>
  );
}

function ProjectList(props: { title: string; items: Array<{ key: number; text: string }> }) {
  if (props.items.length === 0) return null;
  return (
    <section aria-label={props.title}>
      <h3>
        {props.title}（{props.items.length}件）
      </h3>
      <ul>
        {props.items.map((item) => (
          <li data-project-key={item.key}>{item.text}</li>
        ))}
      </ul>
    </section>
  );
}

function FieldTable(props: { caption: string; changes: FieldChange<string>[]; labels: Record<string, string> }) {
  return (
    <TableFigure caption={props.caption} columns={['項目', '変更前', '変更後']} class="diff-table">
      {props.changes.map((c) => (
        <tr>
          <th scope="row">{props.labels[c.field] ?? c.field}</th>
          <td data-label="変更前" class="pre-line">
            {c.old || '（なし）'}
          </td>
          <td data-label="変更後" class="pre-line">
            {c.new || '（なし）'}
          </td>
        </tr>
      ))}
    </TableFigure>
  );
}

function BudgetTable(props: { caption: string; changes: BudgetChange[] }) {
  return (
    <TableFigure
      caption={props.caption}
      columns={['年度', '変更前（千円）', '変更後（千円）', '差（千円）']}
      class="diff-table"
    >
      {props.changes.map((c) => (
        <tr>
          <th scope="row">{c.fiscalYear === null ? '計' : formatShortFiscalYear(c.fiscalYear)}</th>
          <td data-label="変更前（千円）" class="num">
            {cellText(c.old)}
          </td>
          <td data-label="変更後（千円）" class="num">
            {cellText(c.new)}
          </td>
          <td data-label="差（千円）" class="num">
            {signed(c.difference)}
          </td>
        </tr>
      ))}
    </TableFigure>
  );
}

function ProjectChangeSection(props: { change: ProjectChange }) {
  const { change } = props;
  const { kpis } = change;
  const heading = `事業${change.number} ${change.name}`;
  return (
    <section class="diff-project" aria-labelledby={`diff-p${change.key}`} data-project-key={change.key}>
      <h3 id={`diff-p${change.key}`}>{heading}</h3>
      {change.fields.length > 0 ? (
        <FieldTable caption={`${heading}の項目の変更`} changes={change.fields} labels={revisionFieldLabels} />
      ) : null}
      {change.budget.length > 0 ? (
        <BudgetTable caption={`${heading}の事業費見込額の変更`} changes={change.budget} />
      ) : null}
      {kpis.added.length + kpis.removed.length + kpis.changed.length > 0 ? (
        <div class="diff-kpis">
          <h4>成果指標</h4>
          <ul>
            {kpis.added.map((k) => (
              <li>追加: {k.indicator}</li>
            ))}
            {kpis.removed.map((k) => (
              <li>削除: {k.indicator}</li>
            ))}
            {kpis.changed.map((k) => (
              <li>
                変更: {k.indicator}（
                {k.fields
                  .map(
                    (f) =>
                      `${revisionFieldLabels[`kpi.${f.field}`] ?? f.field}「${f.old || 'なし'}」→「${f.new || 'なし'}」`,
                  )
                  .join('、')}
                ）
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

/** A diff between two revisions: projects added, removed, renumbered, merged; budget totals; each changed project. */
export function RevisionDiffView(props: { diff: RevisionDiff }) {
  const { diff } = props;
  const nothing =
    diff.added.length + diff.removed.length + diff.renumbered.length + diff.merged.length + diff.changed.length === 0;
  const totalsChanged = diff.budgetTotals.filter((t) => t.difference !== 0);
  return (
    <div class="revision-diff">
      <section aria-labelledby="diff-summary-heading">
        <h2 id="diff-summary-heading">事業の増減</h2>
        {nothing ? <p>二つの版の内容に違いはありません。</p> : null}
        <ProjectList
          title="追加された事業"
          items={diff.added.map((p) => ({ key: p.key, text: `事業${p.number} ${p.name}` }))}
        />
        <ProjectList
          title="削除された事業"
          items={diff.removed.map((p) => ({ key: p.key, text: `事業${p.number} ${p.name}` }))}
        />
        <ProjectList
          title="番号が変わった事業"
          items={diff.renumbered.map((p) => ({ key: p.key, text: `事業${p.from} → 事業${p.number} ${p.name}` }))}
        />
        <ProjectList
          title="統合された事業"
          items={diff.merged.map((p) => ({
            key: p.key,
            text: `事業${p.number} ${p.name} → 事業${p.into.number} ${p.into.name}に統合（理由: ${p.reason || '記載なし'}）`,
          }))}
        />
      </section>
      {totalsChanged.length > 0 ? (
        <section aria-labelledby="diff-totals-heading">
          <h2 id="diff-totals-heading">年度別の事業費見込額の合計</h2>
          <BudgetTable
            caption="全事業の事業費見込額の合計の変更"
            changes={totalsChanged.map((t) => ({
              fiscalYear: t.fiscalYear,
              old: { amount: t.old, mark: null },
              new: { amount: t.new, mark: null },
              difference: t.difference,
            }))}
          />
        </section>
      ) : null}
      {diff.changed.length > 0 ? (
        <section aria-labelledby="diff-projects-heading">
          <h2 id="diff-projects-heading">事業ごとの変更（{diff.changed.length}件）</h2>
          {diff.changed.map((change) => (
            <ProjectChangeSection change={change} />
          ))}
        </section>
      ) : null}
    </div>
  );
}
