import type { KeyedProject } from '../../domain/keyed-project.js';
import { FormAlert } from '../components/form-alert.js';
import { CsrfField, TextField } from '../components/form-fields.js';
import { TableFigure } from '../components/table-figure.js';
import { formatBudgetCell } from '../format.js';
import { messages } from '../messages.js';
import { StaffLayout, type StaffViewer } from '../staff-layout.js';
import { draftHref } from './drafts-page.js';

/** A form that failed: which one, the message, and what was typed (kept, never lost). */
export type FormProblem = { form: string; message: string; field?: string; typed: Record<string, string> };

export type DraftContext = {
  viewer: StaffViewer;
  area: { slug: string; name: string };
  seq: number;
  version: number;
  basedOnSeq: number | null;
  projects: KeyedProject[];
  notice?: string | undefined;
  problem?: FormProblem | undefined;
};

export function DraftProblem(props: { problem: FormProblem | undefined; form: string }) {
  if (props.problem?.form !== props.form) return null;
  return <FormAlert message={props.problem.message} />;
}

export function DraftNotice(props: { notice: string | undefined }) {
  return props.notice ? (
    <p class="notice" role="status">
      {props.notice}
    </p>
  ) : null;
}

/** The hidden fields every edit form of a draft carries: the form token, the action and the version read. */
export function EditFields(props: { csrf: string; action: string; version: number; projectKey?: number }) {
  return (
    <>
      <CsrfField token={props.csrf} />
      <input type="hidden" name="action" value={props.action} />
      <input type="hidden" name="version" value={String(props.version)} />
      {props.projectKey === undefined ? null : <input type="hidden" name="key" value={String(props.projectKey)} />}
    </>
  );
}

/** /staff/drafts/{slug}/{seq}: the draft's projects (each links to its editor), adding a project, review. */
export function DraftEditorPage(props: DraftContext) {
  const { viewer, area, seq, problem } = props;
  const href = draftHref(area.slug, seq);
  const typed = problem?.form === 'add-project' ? problem.typed : {};
  const error = (field: string) =>
    problem?.form === 'add-project' && problem.field === field ? problem.message : undefined;
  const nextNumber = Math.max(0, ...props.projects.map((p) => p.project.number)) + 1;
  return (
    <StaffLayout
      title={`第${seq}版の下書き（${area.name}）`}
      viewer={viewer}
      crumbs={[{ label: messages.staff.menu.drafts, href: `/staff/drafts?area=${encodeURIComponent(area.slug)}` }]}
    >
      <DraftNotice notice={props.notice} />
      <p class="lead">
        第{props.basedOnSeq ?? '—'}版をもとにした下書きです（編集 {props.version} 回目の状態）。事業を選んで編集し、
        最後に変更点を確かめて公開します。
      </p>
      <p>
        <a href={`${href}/review`} class="button-link">
          変更点を確認して公開する
        </a>
      </p>
      <TableFigure
        caption={`下書きの事業（${props.projects.length}件）`}
        columns={['番号', '事業名', '事業費の計（千円）']}
      >
        {props.projects.map(({ key, project, merge }) => (
          <tr>
            <td data-label="番号" class="num">
              {project.number}
            </td>
            <th scope="row">
              <a href={`${href}/projects/${key}`}>
                事業{project.number} {project.name}を編集
              </a>
              {merge ? '（統合済み）' : ''}
            </th>
            <td data-label="事業費の計（千円）" class="num">
              {formatBudgetCell(project.budget.total)}
            </td>
          </tr>
        ))}
      </TableFigure>
      <section aria-labelledby="add-project-heading">
        <h2 id="add-project-heading">事業を追加する</h2>
        <DraftProblem problem={problem} form="add-project" />
        <form method="post" action={`${href}/edit`} class="filter-form">
          <EditFields csrf={viewer.csrf} action="add-project" version={props.version} />
          <TextField
            name="number"
            label="事業番号"
            inputmode="numeric"
            required
            value={typed.number ?? String(nextNumber)}
            error={error('number')}
          />
          <TextField name="name" label="事業名" required value={typed.name ?? ''} error={error('name')} />
          <div class="form-field">
            <label for="add-like">施策の位置（同じ施策の事業）</label>
            <select id="add-like" name="placeLikeKey">
              {props.projects.map(({ key, project }) => (
                <option value={String(key)} selected={typed.placeLikeKey === String(key)}>
                  事業{project.number} {project.name}
                </option>
              ))}
            </select>
          </div>
          <div class="filter-form__actions">
            <button type="submit">事業を追加</button>
          </div>
        </form>
      </section>
    </StaffLayout>
  );
}
