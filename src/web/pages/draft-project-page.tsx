import type { KeyedProject } from '../../domain/keyed-project.js';
import { describedBy, TextField } from '../components/form-fields.js';
import { messages } from '../messages.js';
import { StaffLayout } from '../staff-layout.js';
import { type DraftContext, DraftNotice, DraftProblem, EditFields, type FormProblem } from './draft-editor-page.js';
import { draftHref } from './drafts-page.js';

type ProjectPageProps = DraftContext & {
  item: KeyedProject;
  fiscalYears: number[];
  /** the partner municipalities of the area, in the document's order */
  partners: string[];
};

const typedOr = (problem: FormProblem | undefined, form: string, field: string, value: string) =>
  problem?.form === form ? (problem.typed[field] ?? value) : value;

function TextArea(props: { id: string; name: string; label: string; value: string; rows?: number; hint?: string }) {
  return (
    <div class="form-field">
      <label for={props.id}>{props.label}</label>
      {props.hint ? (
        <p class="form-hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      <textarea
        id={props.id}
        name={props.name}
        rows={props.rows ?? 3}
        {...describedBy(props.id, undefined, props.hint !== undefined)}
      >
        {props.value}
      </textarea>
    </div>
  );
}

function FieldsForm(props: ProjectPageProps & { action: string }) {
  const { item, problem } = props;
  const p = item.project;
  const v = (field: string, value: string) => typedOr(problem, 'fields', field, value);
  return (
    <section aria-labelledby="fields-heading">
      <h2 id="fields-heading">事業の内容</h2>
      <DraftProblem problem={problem} form="fields" />
      <form method="post" action={props.action} class="filter-form">
        <EditFields csrf={props.viewer.csrf} action="fields" version={props.version} projectKey={item.key} />
        <TextField name="name" label="事業名" required value={v('name', p.name)} />
        <TextArea
          id="content"
          name="content"
          label="内容"
          hint="1 行に 1 項目"
          value={v('content', p.content.join('\n'))}
          rows={5}
        />
        <TextArea id="effect" name="effect" label="連携効果" value={v('effect', p.effect ?? '')} />
        <TextArea
          id="rolesCentral"
          name="rolesCentral"
          label="役割分担（中心市）"
          value={v('rolesCentral', p.roles.centralCity)}
        />
        <TextArea
          id="rolesPartners"
          name="rolesPartners"
          label="役割分担（連携町村）"
          value={v('rolesPartners', p.roles.partners)}
        />
        <fieldset class="form-field">
          <legend>連携町村（参加する町村）</legend>
          {props.partners.map((name, i) => (
            <div>
              <input
                id={`participant-${i}`}
                type="checkbox"
                name="participants"
                value={name}
                checked={p.participants.includes(name)}
              />
              <label for={`participant-${i}`}>{name}</label>
            </div>
          ))}
        </fieldset>
        <div class="filter-form__actions">
          <button type="submit">内容を保存</button>
        </div>
      </form>
    </section>
  );
}

function BudgetForm(props: ProjectPageProps & { action: string }) {
  const { item, problem } = props;
  const cellValue = (fy: number) => {
    const cell = item.project.budget.years.find((y) => y.fiscalYear === fy);
    if (!cell) return '';
    return cell.amount !== null ? String(cell.amount) : cell.mark === 'dash' ? '-' : '';
  };
  const error = problem?.form === 'budget' ? problem.message : undefined;
  return (
    <section aria-labelledby="budget-heading">
      <h2 id="budget-heading">事業費見込額の見直し（千円）</h2>
      <DraftProblem problem={problem} form="budget" />
      <form method="post" action={props.action} class="filter-form">
        <EditFields csrf={props.viewer.csrf} action="budget" version={props.version} projectKey={item.key} />
        <p class="form-hint" id="budget-hint">
          千円単位の整数。「-」は事業費なし（—）、空欄は記載なし。計は年度の合計で計算し直します。
        </p>
        {props.fiscalYears.map((fy) => (
          <div class="form-field">
            <label for={`fy-${fy}`}>{fy}年度の事業費（千円）</label>
            <input
              id={`fy-${fy}`}
              name={`fy${fy}`}
              type="text"
              inputmode="numeric"
              value={typedOr(problem, 'budget', `fy${fy}`, cellValue(fy))}
              {...describedBy(`fy-${fy}`, undefined, true)}
              aria-invalid={error && problem?.field === `fy${fy}` ? 'true' : undefined}
            />
          </div>
        ))}
        <div class="filter-form__actions">
          <button type="submit">事業費を見直す</button>
        </div>
      </form>
    </section>
  );
}

function KpiForms(props: ProjectPageProps & { action: string }) {
  const { item, problem } = props;
  const kpiForm = (index: number | null) => {
    const kpi = index === null ? undefined : item.project.kpis[index];
    const kpiKey = index === null ? undefined : item.kpiKeys[index];
    const id = index === null ? 'new-kpi' : `kpi-${kpiKey}`;
    const form = index === null ? 'add-kpi' : `kpi-${kpiKey}`;
    const v = (field: string, value: string) => typedOr(problem, form, field, value);
    return (
      <form method="post" action={props.action} class="filter-form">
        <EditFields
          csrf={props.viewer.csrf}
          action={index === null ? 'add-kpi' : 'kpi'}
          version={props.version}
          projectKey={item.key}
        />
        {kpiKey === undefined ? null : <input type="hidden" name="kpiKey" value={String(kpiKey)} />}
        <DraftProblem problem={problem} form={form} />
        <div class="form-field">
          <label for={`${id}-indicator`}>指標</label>
          <input
            id={`${id}-indicator`}
            name="indicator"
            type="text"
            required
            value={v('indicator', kpi?.indicator ?? '')}
          />
        </div>
        <div class="form-field">
          <label for={`${id}-baseline`}>現状値</label>
          <input id={`${id}-baseline`} name="baseline" type="text" value={v('baseline', kpi?.baseline.text ?? '')} />
        </div>
        <div class="form-field">
          <label for={`${id}-target`}>目標値</label>
          <input id={`${id}-target`} name="target" type="text" value={v('target', kpi?.target.text ?? '')} />
        </div>
        <div class="filter-form__actions">
          <button type="submit">{index === null ? '成果指標を追加' : `成果指標${index + 1}を保存`}</button>
        </div>
      </form>
    );
  };
  return (
    <section aria-labelledby="kpi-heading">
      <h2 id="kpi-heading">成果指標</h2>
      <p class="form-hint">目標値は文書と同じ書き方で（例: 52事業、1回以上/年度、100%、NO.4に統合）。</p>
      {item.project.kpis.map((_, index) => (
        <fieldset class="form-field">
          <legend>成果指標{index + 1}</legend>
          {kpiForm(index)}
        </fieldset>
      ))}
      <fieldset class="form-field">
        <legend>成果指標を追加する</legend>
        {kpiForm(null)}
      </fieldset>
    </section>
  );
}

function StructureForms(props: ProjectPageProps & { action: string }) {
  const { item, problem, viewer, version } = props;
  const others = props.projects.filter((p) => p.key !== item.key && p.merge === null);
  const renumberError = problem?.form === 'renumber' ? problem.message : undefined;
  return (
    <section aria-labelledby="structure-heading">
      <h2 id="structure-heading">番号の変更・統合・削除</h2>
      <DraftProblem problem={problem} form="renumber" />
      <form method="post" action={props.action} class="filter-form">
        <EditFields csrf={viewer.csrf} action="renumber" version={version} projectKey={item.key} />
        <TextField
          name="number"
          label="新しい事業番号"
          inputmode="numeric"
          required
          value={typedOr(problem, 'renumber', 'number', String(item.project.number))}
          error={renumberError}
        />
        <div class="filter-form__actions">
          <button type="submit">番号を変える</button>
        </div>
      </form>
      <DraftProblem problem={problem} form="merge" />
      <form method="post" action={props.action} class="filter-form">
        <EditFields csrf={viewer.csrf} action="merge" version={version} projectKey={item.key} />
        <div class="form-field">
          <label for="merge-into">統合先の事業</label>
          <select id="merge-into" name="intoKey">
            {others.map(({ key, project }) => (
              <option value={String(key)} selected={typedOr(problem, 'merge', 'intoKey', '') === String(key)}>
                事業{project.number} {project.name}
              </option>
            ))}
          </select>
        </div>
        <TextArea
          id="merge-reason"
          name="reason"
          label="統合の理由（必須）"
          value={typedOr(problem, 'merge', 'reason', '')}
          rows={2}
          hint="成果指標は統合先に引き継ぎます（目標値は「NO.n に統合」になります）。"
        />
        <div class="filter-form__actions">
          <button type="submit">この事業を統合する</button>
        </div>
      </form>
      <DraftProblem problem={problem} form="remove" />
      <form method="post" action={props.action} class="filter-form">
        <EditFields csrf={viewer.csrf} action="remove" version={version} projectKey={item.key} />
        <div class="filter-form__actions">
          <button type="submit" class="button-secondary">
            この事業を下書きから削除
          </button>
        </div>
      </form>
    </section>
  );
}

/** /staff/drafts/{slug}/{seq}/projects/{key}: every edit of one project of a draft, one form each. */
export function DraftProjectPage(props: ProjectPageProps) {
  const { area, seq, item } = props;
  const action = `${draftHref(area.slug, seq)}/edit`;
  return (
    <StaffLayout
      title={`事業${item.project.number} ${item.project.name}（第${seq}版の下書き）`}
      viewer={props.viewer}
      crumbs={[
        { label: messages.staff.menu.drafts, href: `/staff/drafts?area=${encodeURIComponent(area.slug)}` },
        { label: `第${seq}版の下書き`, href: draftHref(area.slug, seq) },
      ]}
    >
      <DraftNotice notice={props.notice} />
      {item.merge ? <p class="warning">この事業は統合済みです（理由: {item.merge.reason}）。</p> : null}
      <FieldsForm {...props} action={action} />
      <BudgetForm {...props} action={action} />
      <KpiForms {...props} action={action} />
      <StructureForms {...props} action={action} />
    </StaffLayout>
  );
}
