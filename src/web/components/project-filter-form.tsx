import type { ProjectQuery } from '../../domain/project-query.js';
import type { TargetKind, Vision } from '../../domain/vision.js';
import { targetKindLabels } from '../labels.js';
import { messages } from '../messages.js';

function Select(props: {
  id: string;
  name: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
}) {
  return (
    <div class="form-field">
      <label for={props.id}>{props.label}</label>
      <select id={props.id} name={props.name}>
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * The /projects filters as a GET form: every choice ends up in the URL, so a result can be shared.
 * `action` is the area's project list (`/projects` or `/areas/{slug}/projects`).
 */
export function ProjectFilterForm(props: { vision: Vision; query: ProjectQuery; action: string }) {
  const { vision, query } = props;
  const all = { value: '', label: 'すべて' };
  const role = vision.structure.find((r) => r.role === query.role);
  const areas = role ? role.policyAreas : vision.structure.flatMap((r) => r.policyAreas);
  const uniqueAreas = [...new Map(areas.map((a) => [a.no, a])).values()];
  const area = role?.policyAreas.find((a) => a.no === query.policyArea);
  const subs = area ? area.subFields : [];
  const active = describeActiveFilters(query);
  const t = messages.filters;
  return (
    <search aria-label={t.label}>
      <form class="filter-form" method="get" action={props.action}>
        <div class="filter-form__keyword">
          <div class="form-field">
            <label for="q">{t.keyword}</label>
            <input id="q" name="q" type="search" value={query.text ?? ''} />
          </div>
          <button type="submit">{t.search}</button>
        </div>
        <details class="filter-form__more">
          <summary class="filter-form__summary">
            {t.more}
            {active.length > 0 ? <span class="filter-form__active">{t.active(active.join('、'))}</span> : null}
          </summary>
          <div class="filter-form__fields">
            <Select
              id="role"
              name="role"
              label="役割"
              value={String(query.role ?? '')}
              options={[
                all,
                ...vision.structure.map((r) => ({ value: String(r.role), label: `${r.role} ${r.title}` })),
              ]}
            />
            <Select
              id="area"
              name="area"
              label="連携施策"
              value={String(query.policyArea ?? '')}
              options={[
                all,
                ...uniqueAreas.map((a) => ({
                  value: String(a.no),
                  label: role ? `(${a.no}) ${a.title}` : `(${a.no})`,
                })),
              ]}
            />
            {subs.length > 0 ? (
              <Select
                id="sub"
                name="sub"
                label="分野"
                value={String(query.subField ?? '')}
                options={[all, ...subs.map((s) => ({ value: String(s.no), label: `${s.no} ${s.title}` }))]}
              />
            ) : null}
            <Select
              id="municipality"
              name="municipality"
              label="参加する市町村"
              value={query.municipality ?? ''}
              options={[all, ...vision.area.municipalities.map((m) => ({ value: m.name, label: m.name }))]}
            />
            <Select
              id="kind"
              name="kind"
              label="目標値の種類"
              value={query.targetKind ?? ''}
              options={[
                all,
                ...(Object.keys(targetKindLabels) as TargetKind[]).map((k) => ({
                  value: k,
                  label: targetKindLabels[k],
                })),
              ]}
            />
            <Select
              id="sort"
              name="sort"
              label="並び順"
              value={query.sort ?? 'number'}
              options={[
                { value: 'number', label: '事業番号' },
                { value: 'cost', label: '事業費見込額の計（記載なしは最後）' },
              ]}
            />
            <Select
              id="order"
              name="order"
              label="向き"
              value={query.order ?? 'asc'}
              options={[
                { value: 'asc', label: '小さい順' },
                { value: 'desc', label: '大きい順' },
              ]}
            />
            <div class="form-field">
              <label class="checkbox" for="new">
                <input id="new" name="new" type="checkbox" value="1" checked={query.newOnly === true} />
                新規事業のみ
              </label>
            </div>
          </div>
          <div class="filter-form__actions">
            <button type="submit">{t.apply}</button>
            <a href={props.action} class="button button--secondary">
              {t.clear}
            </a>
          </div>
        </details>
      </form>
    </search>
  );
}

/** The conditions set besides the keyword, in words, for the folded form's button. */
export function describeActiveFilters(query: ProjectQuery): string[] {
  const words: string[] = [];
  if (query.role !== undefined) words.push(`役割${query.role}`);
  if (query.policyArea !== undefined) words.push(`連携施策(${query.policyArea})`);
  if (query.subField !== undefined) words.push(`分野${query.subField}`);
  if (query.municipality !== undefined) words.push(`${query.municipality}が参加`);
  if (query.targetKind !== undefined) words.push(targetKindLabels[query.targetKind]);
  if (query.newOnly) words.push('新規のみ');
  if (query.sort === 'cost') words.push(`事業費の${query.order === 'desc' ? '大きい' : '小さい'}順`);
  else if (query.order === 'desc') words.push('番号の大きい順');
  return words;
}
