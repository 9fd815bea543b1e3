import type { KeyedProject } from './keyed-project.js';
import type { BudgetCell, Finding, Kpi, Project } from './vision.js';

/** A project as a diff names it: its stable id, number and name (in the revision it is found in). */
export type ProjectRef = { key: number; number: number; name: string };

export type ProjectField =
  | 'name'
  | 'nameInMatrix'
  | 'isNew'
  | 'placement'
  | 'relatedMunicipalities'
  | 'participants'
  | 'content'
  | 'effect'
  | 'roles.centralCity'
  | 'roles.partners'
  | 'notes';

export type KpiField = 'indicator' | 'note' | 'baseline' | 'target';

/** One field that differs, both values as text (lists one item a line). */
export type FieldChange<F extends string> = { field: F; old: string; new: string };

/** One budget cell (a fiscal year, or the total when `fiscalYear` is null): old, new and new − old in 千円. */
export type BudgetChange = {
  fiscalYear: number | null;
  old: BudgetCell | null;
  new: BudgetCell | null;
  /** new − old, an absent, blank or dash cell counting 0; null when neither holds an amount */
  difference: number | null;
};

export type KpiRef = { key: number; indicator: string };
export type KpiChange = KpiRef & { fields: FieldChange<KpiField>[] };

export type ProjectChange = ProjectRef & {
  fields: FieldChange<ProjectField>[];
  budget: BudgetChange[];
  kpis: { added: KpiRef[]; removed: KpiRef[]; changed: KpiChange[] };
};

export type RevisionDiff = {
  added: ProjectRef[];
  removed: ProjectRef[];
  renumbered: Array<ProjectRef & { from: number }>;
  merged: Array<ProjectRef & { into: ProjectRef; reason: string }>;
  /** projects in both revisions whose fields, budget or KPIs differ */
  changed: ProjectChange[];
  /** the total of every project's fiscal-year cells, per year */
  budgetTotals: BudgetTotalChange[];
};

export type BudgetTotalChange = { fiscalYear: number; old: number; new: number; difference: number };

/**
 * What changed from revision `before` to revision `after`, project by project, matched by their stable ids
 * (project_key, kpi_key), so a renumbered project is one project that changed its number.
 * @example diffRevisions([{ key: 1, kpiKeys: [], merge: null, project: p1 }], []).removed // → [{ key: 1, number: 1, name: '…' }]
 */
export function diffRevisions(before: readonly KeyedProject[], after: readonly KeyedProject[]): RevisionDiff {
  const oldByKey = new Map(before.map((p) => [p.key, p]));
  const newByKey = new Map(after.map((p) => [p.key, p]));
  const diff: RevisionDiff = { added: [], removed: [], renumbered: [], merged: [], changed: [], budgetTotals: [] };
  for (const previous of before) if (!newByKey.has(previous.key)) diff.removed.push(refOf(previous));
  for (const current of after) {
    const previous = oldByKey.get(current.key);
    if (!previous) {
      diff.added.push(refOf(current));
      continue;
    }
    if (previous.project.number !== current.project.number) {
      diff.renumbered.push({ ...refOf(current), from: previous.project.number });
    }
    const merge = findNewMerge(previous, current, after);
    if (merge) diff.merged.push({ ...refOf(current), ...merge });
    const change = diffProject(previous, current);
    if (change.fields.length + change.budget.length + kpiChangeCount(change) > 0) diff.changed.push(change);
  }
  diff.budgetTotals = diffBudgetTotals(before, after);
  return diff;
}

function refOf(p: KeyedProject): ProjectRef {
  return { key: p.key, number: p.project.number, name: p.project.name };
}

const kpiChangeCount = (c: ProjectChange) => c.kpis.added.length + c.kpis.removed.length + c.kpis.changed.length;

/** A merge made in `current` and not there before: recorded by a draft, or read from 「NO.n に統合」 targets. */
function findNewMerge(
  previous: KeyedProject,
  current: KeyedProject,
  after: readonly KeyedProject[],
): { into: ProjectRef; reason: string } | undefined {
  if (current.merge && current.merge.intoKey !== previous.merge?.intoKey) {
    const into = after.find((p) => p.key === current.merge?.intoKey);
    if (into) return { into: refOf(into), reason: current.merge.reason };
  }
  if (current.merge) return undefined;
  const mergedInto = commonMergeTarget(current.project.kpis);
  if (mergedInto === undefined || commonMergeTarget(previous.project.kpis) === mergedInto) return undefined;
  const into = after.find((p) => p.project.number === mergedInto && p.key !== current.key);
  const text = current.project.kpis[0]?.target.text ?? '';
  return into ? { into: refOf(into), reason: text } : undefined;
}

/** The project number every KPI of a project is merged into, when they all are into the same one. */
function commonMergeTarget(kpis: readonly Kpi[]): number | undefined {
  const targets = new Set(kpis.map((k) => (k.target.kind === 'merged_into' ? k.target.mergedInto : null)));
  const [only] = [...targets];
  return targets.size === 1 && typeof only === 'number' ? only : undefined;
}

function diffProject(previous: KeyedProject, current: KeyedProject): ProjectChange {
  const fields: FieldChange<ProjectField>[] = [];
  const a = projectFieldTexts(previous.project);
  const b = projectFieldTexts(current.project);
  for (const field of Object.keys(a) as ProjectField[]) {
    if (a[field] !== b[field]) fields.push({ field, old: a[field], new: b[field] });
  }
  return {
    ...refOf(current),
    fields,
    budget: diffBudget(previous.project, current.project),
    kpis: diffKpis(previous, current),
  };
}

function projectFieldTexts(p: Project): Record<ProjectField, string> {
  return {
    name: p.name,
    nameInMatrix: p.nameInMatrix ?? '',
    isNew: p.isNew ? '新規' : '',
    placement: [p.role, p.policyArea, p.subField].filter((n) => n !== null).join('-'),
    relatedMunicipalities: p.relatedMunicipalities ?? '',
    participants: p.participants.join('\n'),
    content: p.content.join('\n'),
    effect: p.effect ?? '',
    'roles.centralCity': p.roles.centralCity,
    'roles.partners': p.roles.partners,
    notes: p.notes.join('\n'),
  };
}

const amountOf = (cell: BudgetCell | null | undefined) => cell?.amount ?? 0;
const sameCell = (x: BudgetCell | null, y: BudgetCell | null) =>
  x === y || (x !== null && y !== null && x.amount === y.amount && x.mark === y.mark);

function budgetChange(fiscalYear: number | null, old: BudgetCell | null, next: BudgetCell | null): BudgetChange {
  const hasAmount = old?.amount != null || next?.amount != null;
  return { fiscalYear, old, new: next, difference: hasAmount ? amountOf(next) - amountOf(old) : null };
}

function diffBudget(previous: Project, current: Project): BudgetChange[] {
  const cellOf = (p: Project, fy: number): BudgetCell | null => {
    const found = p.budget.years.find((y) => y.fiscalYear === fy);
    return found
      ? found.amount === null
        ? { amount: null, mark: found.mark }
        : { amount: found.amount, mark: null }
      : null;
  };
  const years = [...new Set([...previous.budget.years, ...current.budget.years].map((y) => y.fiscalYear))].sort();
  const changes = years
    .map((fy) => budgetChange(fy, cellOf(previous, fy), cellOf(current, fy)))
    .filter((c) => !sameCell(c.old, c.new));
  if (!sameCell(previous.budget.total, current.budget.total)) {
    changes.push(budgetChange(null, previous.budget.total, current.budget.total));
  }
  return changes;
}

function diffKpis(previous: KeyedProject, current: KeyedProject): ProjectChange['kpis'] {
  const keyed = (p: KeyedProject) => p.project.kpis.map((kpi, i) => ({ key: p.kpiKeys[i] as number, kpi }));
  const before = keyed(previous);
  const after = keyed(current);
  const oldByKey = new Map(before.map((k) => [k.key, k.kpi]));
  const newKeys = new Set(after.map((k) => k.key));
  const result: ProjectChange['kpis'] = { added: [], removed: [], changed: [] };
  for (const { key, kpi } of before) {
    if (!newKeys.has(key)) result.removed.push({ key, indicator: kpi.indicator });
  }
  for (const { key, kpi } of after) {
    const old = oldByKey.get(key);
    if (!old) {
      result.added.push({ key, indicator: kpi.indicator });
      continue;
    }
    const a = kpiFieldTexts(old);
    const b = kpiFieldTexts(kpi);
    const fields = (Object.keys(a) as KpiField[])
      .filter((f) => a[f] !== b[f])
      .map((field) => ({ field, old: a[field], new: b[field] }));
    if (fields.length > 0) result.changed.push({ key, indicator: kpi.indicator, fields });
  }
  return result;
}

function kpiFieldTexts(k: Kpi): Record<KpiField, string> {
  return { indicator: k.indicator, note: k.note ?? '', baseline: k.baseline.text, target: k.target.text };
}

function diffBudgetTotals(before: readonly KeyedProject[], after: readonly KeyedProject[]): BudgetTotalChange[] {
  const sum = (projects: readonly KeyedProject[]) => {
    const totals = new Map<number, number>();
    for (const { project } of projects) {
      for (const y of project.budget.years) totals.set(y.fiscalYear, (totals.get(y.fiscalYear) ?? 0) + (y.amount ?? 0));
    }
    return totals;
  };
  const a = sum(before);
  const b = sum(after);
  const years = [...new Set([...a.keys(), ...b.keys()])].sort();
  return years.map((fiscalYear) => {
    const old = a.get(fiscalYear) ?? 0;
    const next = b.get(fiscalYear) ?? 0;
    return { fiscalYear, old, new: next, difference: next - old };
  });
}

/** What a revision would take away from the public data: published only with an explicit confirmation. */
export type Disappearances = {
  projects: ProjectRef[];
  /** fiscal-year budget cells the earlier revision had and this one has not (a row cut short or gone) */
  budgetCells: Array<ProjectRef & { fiscalYear: number }>;
  /** projects listed in the matrix without their sheet (`missing_sheet` findings) */
  missingSheets: Finding[];
};

/**
 * What disappears when `diff`'s newer revision replaces the older: removed projects, budget cells that are gone,
 * and missing sheets. Merged projects stay (they are kept with their KPIs 「NO.n に統合」).
 */
export function listDisappearances(diff: RevisionDiff, findings: readonly Finding[]): Disappearances {
  const budgetCells = diff.changed.flatMap((change) =>
    change.budget
      .filter((c) => c.fiscalYear !== null && c.old !== null && c.new === null)
      .map((c) => ({ key: change.key, number: change.number, name: change.name, fiscalYear: c.fiscalYear as number })),
  );
  return {
    projects: diff.removed,
    budgetCells,
    missingSheets: findings.filter((f) => f.code === 'missing_sheet'),
  };
}

export function hasDisappearances(d: Disappearances): boolean {
  return d.projects.length + d.budgetCells.length + d.missingSheets.length > 0;
}
