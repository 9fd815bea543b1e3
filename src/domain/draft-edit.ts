import { AppError } from './errors.js';
import type { KeyedProject } from './keyed-project.js';
import type { Budget, BudgetCell, Kpi, Project } from './vision.js';

/** The fields of a project a draft edits as a whole (the editor's first form). */
export type ProjectFields = Pick<Project, 'name' | 'content' | 'effect' | 'roles' | 'participants'>;

/** One change to a draft, addressed by stable ids; new ids (`key`, `kpiKey` of an added item) come with it. */
export type DraftEdit =
  | { kind: 'fields'; key: number; fields: ProjectFields }
  | { kind: 'budget'; key: number; cells: ReadonlyArray<{ fiscalYear: number; cell: BudgetCell }> }
  | { kind: 'kpi'; key: number; kpiKey: number; kpi: Kpi }
  | { kind: 'add-kpi'; key: number; kpiKey: number; kpi: Kpi }
  | { kind: 'add-project'; key: number; project: Project }
  | { kind: 'remove'; key: number }
  | { kind: 'renumber'; key: number; number: number }
  | { kind: 'merge'; key: number; intoKey: number; reason: string };

/**
 * The draft's projects after one edit, in number order. Refuses (INVALID_INPUT) an edit that would break the
 * draft: an unknown project, a number already taken, a merge into itself or into a merged project, removing a
 * project others were merged into.
 * @example applyDraftEdit(projects, { kind: 'renumber', key: 12, number: 56 }) // project 12 keeps its key, now NO.56
 */
export function applyDraftEdit(projects: readonly KeyedProject[], edit: DraftEdit): KeyedProject[] {
  switch (edit.kind) {
    case 'add-project':
      assertNumberFree(projects, edit.project.number, undefined);
      return sortByNumber([...projects, { key: edit.key, kpiKeys: [], merge: null, project: edit.project }]);
    case 'remove':
      findProject(projects, edit.key);
      if (projects.some((p) => p.merge?.intoKey === edit.key)) {
        throw invalid('ほかの事業が統合されている事業は削除できません。先に統合を見直してください。');
      }
      return projects.filter((p) => p.key !== edit.key);
    case 'renumber':
      return renumber(projects, edit.key, edit.number);
    case 'merge':
      return merge(projects, edit.key, edit.intoKey, edit.reason);
    default:
      findProject(projects, edit.key);
      return projects.map((p) => (p.key === edit.key ? editOne(p, edit) : p));
  }
}

function editOne(
  p: KeyedProject,
  edit: Extract<DraftEdit, { kind: 'fields' | 'budget' | 'kpi' | 'add-kpi' }>,
): KeyedProject {
  switch (edit.kind) {
    case 'fields':
      return { ...p, project: { ...p.project, ...edit.fields } };
    case 'budget':
      return {
        ...p,
        project: {
          ...p.project,
          budget: edit.cells.reduce((budget, c) => reestimate(budget, c.fiscalYear, c.cell), p.project.budget),
        },
      };
    case 'kpi': {
      const index = p.kpiKeys.indexOf(edit.kpiKey);
      if (index < 0) throw invalid('指定の成果指標はこの事業にありません。');
      const kpis = p.project.kpis.map((k, i) => (i === index ? edit.kpi : k));
      return { ...p, project: { ...p.project, kpis } };
    }
    case 'add-kpi':
      return {
        ...p,
        kpiKeys: [...p.kpiKeys, edit.kpiKey],
        project: { ...p.project, kpis: [...p.project.kpis, edit.kpi] },
      };
  }
}

/**
 * A budget with one fiscal year's cell re-estimated and the total summed again (a dash or blank total when no
 * year holds an amount).
 * @example reestimate(budget, 2023, { amount: 450, mark: null }).total // { amount: 2068, mark: null }
 */
export function reestimate(budget: Budget, fiscalYear: number, cell: BudgetCell): Budget {
  const others = budget.years.filter((y) => y.fiscalYear !== fiscalYear);
  const years = [...others, { fiscalYear, ...cell }].sort((a, b) => a.fiscalYear - b.fiscalYear);
  const amounts = years.flatMap((y) => (y.amount === null ? [] : [y.amount]));
  const allDash = years.every((y) => y.mark === 'dash');
  const total: BudgetCell =
    amounts.length > 0
      ? { amount: amounts.reduce((sum, a) => sum + a, 0), mark: null }
      : { amount: null, mark: allDash ? 'dash' : 'blank' };
  return { years, total };
}

function renumber(projects: readonly KeyedProject[], key: number, number: number): KeyedProject[] {
  const project = findProject(projects, key);
  assertNumberFree(projects, number, key);
  const from = project.project.number;
  return sortByNumber(
    projects.map((p) => {
      if (p.key === key) return { ...p, project: { ...p.project, number } };
      if (p.merge?.intoKey !== key) return p;
      // a project merged into this one says 「NO.n に統合」: n follows the new number
      const kpis = p.project.kpis.map((k) =>
        k.target.kind === 'merged_into' && k.target.mergedInto === from ? mergedTarget(k, number) : k,
      );
      return { ...p, project: { ...p.project, kpis } };
    }),
  );
}

function merge(projects: readonly KeyedProject[], key: number, intoKey: number, reason: string): KeyedProject[] {
  const from = findProject(projects, key);
  const into = findProject(projects, intoKey);
  if (key === intoKey) throw invalid('事業をそれ自身に統合することはできません。');
  if (into.merge) throw invalid(`事業${into.project.number}はすでにほかの事業に統合されています。`);
  if (reason.trim() === '') throw invalid('統合の理由を入力してください。');
  const kpis = from.project.kpis.map((k) => mergedTarget(k, into.project.number));
  return projects.map((p) =>
    p.key === key ? { ...p, merge: { intoKey, reason: reason.trim() }, project: { ...p.project, kpis } } : p,
  );
}

/** The KPI with its target 「NO.n に統合」, as the document writes a KPI that follows its project into n. */
function mergedTarget(kpi: Kpi, into: number): Kpi {
  return {
    ...kpi,
    target: {
      text: `NO.${into}に統合`,
      kind: 'merged_into',
      value: null,
      unit: null,
      per: null,
      mergedInto: into,
      fiscalYear: null,
    },
  };
}

function findProject(projects: readonly KeyedProject[], key: number): KeyedProject {
  const found = projects.find((p) => p.key === key);
  if (!found) throw invalid('指定の事業はこの下書きにありません。');
  return found;
}

function assertNumberFree(projects: readonly KeyedProject[], number: number, except: number | undefined): void {
  if (!Number.isInteger(number) || number < 1) throw invalid('事業番号は 1 以上の整数にしてください。');
  if (projects.some((p) => p.project.number === number && p.key !== except)) {
    throw invalid(`事業番号 ${number} はすでに使われています。`);
  }
}

function sortByNumber(projects: KeyedProject[]): KeyedProject[] {
  return projects.sort((a, b) => a.project.number - b.project.number);
}

function invalid(userMessage: string): AppError {
  return new AppError('INVALID_INPUT', `Draft edit refused: ${userMessage}`, { userMessage });
}
