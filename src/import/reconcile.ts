import { type Budget, emptyProject, type Finding, type Kpi, type Project } from '../domain/vision.js';
import { attachFootnotes } from './attach-footnotes.js';
import { cleanText, comparisonKey, removeFootnoteMarkers } from './normalize-text.js';
import { parseBaseline, parseTarget } from './parse-kpi-values.js';
import type { MatrixRow, Placement } from './parse-matrix.js';
import type { PlacedSheet } from './parse-sheets.js';
import { readFiscalYearLabel } from './read-fiscal-year-label.js';
import { chooseMarkReading, readRelatedMunicipalities } from './resolve-participants.js';

/** `columns` are the matrix's municipality columns as printed; some documents include the central city there. */
export type ReconcileContext = { columns: string[]; centralCity: string | null; hasMatrix: boolean };

/** The project as reconciled, with where the matrix put it (the structure builder needs both). */
export type ReconciledProject = { project: Project; matrixPlacement: Placement | null };

function warn(
  code: Finding['code'],
  project: number,
  line: number | null,
  message: string,
  excerpt: string | null = null,
): Finding {
  return { severity: 'warning', code, project, line, excerpt, message };
}

function checkBudgetTotal(number: number, budget: Budget, line: number | null): Finding | undefined {
  const amounts = budget.years.flatMap((y) => (y.amount === null ? [] : [y.amount]));
  const sum = amounts.reduce((a, b) => a + b, 0);
  const total = budget.total.amount;
  if (total === null ? amounts.length === 0 : total === sum) return undefined;
  return warn(
    'budget_total_mismatch',
    number,
    line,
    `事業費の各年度の合計 ${sum.toLocaleString('ja-JP')} が計 ${total === null ? '（空欄または－）' : total.toLocaleString('ja-JP')} と一致しません`,
  );
}

/** Each KPI's target year is the one its own table's header names (a sheet may hold two tables). */
function readKpis(sheet: PlacedSheet, kpiNotes: (string | null)[]): Kpi[] {
  return sheet.kpis.map((raw, i) => ({
    indicator: cleanText(removeFootnoteMarkers(raw.indicator)),
    note: kpiNotes[i] ?? null,
    baseline: parseBaseline(raw.baseline),
    target: parseTarget(raw.target, raw.targetYearText ? readFiscalYearLabel(raw.targetYearText) : null),
  }));
}

function fromSheet(sheet: PlacedSheet): Project {
  const p = emptyProject(sheet.number, sheet.name);
  p.relatedMunicipalities = sheet.relatedMunicipalities;
  p.content = sheet.content;
  p.effect = sheet.effect;
  if (sheet.budget) p.budget = { years: sheet.budget.years, total: sheet.budget.total };
  if (sheet.roles) p.roles = { centralCity: sheet.roles.centralCity, partners: sheet.roles.partners };
  const { kpiNotes, projectNotes } = attachFootnotes(sheet);
  p.kpis = readKpis(sheet, kpiNotes);
  p.notes = projectNotes;
  p.source = { lines: [sheet.firstLine, sheet.lastLine] };
  return p;
}

function placeAndMark(
  p: Project,
  sheet: PlacedSheet | undefined,
  row: MatrixRow | undefined,
  ctx: ReconcileContext,
  findings: Finding[],
): void {
  const place = sheet && sheet.placement.role !== null ? sheet.placement : (row?.placement ?? sheet?.placement);
  p.role = place?.role ?? 0;
  p.policyArea = place?.policyArea ?? 0;
  p.subField = place?.subField ?? null;
  const related = readRelatedMunicipalities(p.relatedMunicipalities, ctx.columns, ctx.centralCity);
  for (const name of related.unknown) {
    findings.push(
      warn(
        'unknown_municipality',
        p.number,
        sheet?.firstLine ?? null,
        `関係市町村の「${name}」は圏域の市町村にありません`,
        p.relatedMunicipalities,
      ),
    );
  }
  // participants are the partners: a ○ in the central city's own column (where printed) is not one
  const cityKey = ctx.centralCity === null ? null : comparisonKey(ctx.centralCity);
  const isPartner = (i: number) => ctx.columns[i] !== undefined && comparisonKey(ctx.columns[i]) !== cityKey;
  const readings = row?.markReadings.map((r) => r.filter(isPartner));
  const indexes = readings ? chooseMarkReading(readings, related.indexes) : (related.indexes ?? []);
  p.participants = indexes.filter(isPartner).map((i) => ctx.columns[i] ?? '');
  if (row && related.indexes && related.unknown.length === 0 && related.indexes.join() !== indexes.join()) {
    findings.push(
      warn(
        'participants_mismatch',
        p.number,
        row.line,
        `表の○（${p.participants.join('・') || 'なし'}）と関係市町村「${p.relatedMunicipalities}」が一致しません`,
      ),
    );
  }
}

/**
 * Short text printed just above the 内容 label was read as the rest of the name (as the header rules read it), but
 * it may be the content's first line (a label cell stands in the middle of its cell's height). The matrix settles it
 * when its name is the sheet's: no finding. Otherwise no rule is sure and the reading is reported.
 */
function checkNameContinuation(p: Project, sheet: PlacedSheet, row: MatrixRow | undefined, findings: Finding[]) {
  const part = sheet.nameContinuation;
  if (!part || (row && comparisonKey(row.name) === comparisonKey(sheet.name))) return;
  const matrixSays =
    row && comparisonKey(row.name) === comparisonKey(part.nameWithout)
      ? `表（${row.line}行）の事業名は「${row.name}」で、この行を除いた名前と一致します。`
      : '';
  findings.push({
    severity: 'warning',
    code: 'ambiguous_layout',
    project: p.number,
    line: part.line,
    excerpt: part.text,
    message: `「内容」の見出しのすぐ上の行「${part.text}」を事業名の続きとして読みました。内容の1行目かもしれません。${matrixSays}確認してください`,
  });
}

function compareWithMatrix(p: Project, sheet: PlacedSheet, row: MatrixRow, findings: Finding[]): void {
  if (comparisonKey(row.name) !== comparisonKey(sheet.name)) {
    findings.push(
      warn(
        'name_mismatch',
        p.number,
        sheet.firstLine,
        `事業名が表（${row.line}行）と事業シートで異なります`,
        `表: ${row.name} ／ 事業シート: ${sheet.name}`,
      ),
    );
  }
  const label = sheet.newLabelLine !== null;
  if (row.underlined !== label) {
    const message = label
      ? `事業シートに「新規」とありますが、表（${row.line}行）の事業名に下線がありません`
      : `表の事業名に下線（新規）がありますが、事業シートに「新規」の表示がありません`;
    findings.push(warn('new_mark_mismatch', p.number, sheet.newLabelLine ?? row.line, message));
  }
}

/**
 * Joins the matrix rows and the sheets into projects: the sheet gives every field and decides placement,
 * the matrix gives the name as printed there, the underline and the ○ marks. Reports what disagrees.
 */
export function reconcileProjects(
  rows: MatrixRow[],
  sheets: PlacedSheet[],
  ctx: ReconcileContext,
): { projects: ReconciledProject[]; findings: Finding[] } {
  const findings: Finding[] = [];
  const bySheet = new Map<number, PlacedSheet>();
  for (const sheet of sheets) {
    if (bySheet.has(sheet.number)) {
      findings.push(
        warn(
          'duplicate_project',
          sheet.number,
          sheet.firstLine,
          `事業番号${sheet.number}の事業シートが2回あります（後のものは読みません）`,
        ),
      );
    } else bySheet.set(sheet.number, sheet);
  }
  const byRow = new Map<number, MatrixRow>();
  for (const row of rows) if (!byRow.has(row.number)) byRow.set(row.number, row);
  const numbers = [...new Set([...bySheet.keys(), ...byRow.keys()])].sort((a, b) => a - b);
  const projects = numbers.map((number): ReconciledProject => {
    const sheet = bySheet.get(number);
    const row = byRow.get(number);
    const p = sheet ? fromSheet(sheet) : emptyProject(number, row?.name ?? '');
    p.nameInMatrix = row?.name ?? null;
    p.isNew = (row?.underlined ?? false) || (sheet?.newLabelLine ?? null) !== null;
    placeAndMark(p, sheet, row, ctx, findings);
    if (sheet && row) compareWithMatrix(p, sheet, row, findings);
    if (sheet) checkNameContinuation(p, sheet, row, findings);
    if (!sheet && row) {
      findings.push(
        warn('missing_sheet', number, row.line, `表にある事業${number}「${row.name}」の事業シートがありません`),
      );
      p.source = { lines: [row.line, row.line] };
    }
    if (sheet && !row && ctx.hasMatrix) {
      findings.push(
        warn(
          'missing_matrix_row',
          number,
          sheet.firstLine,
          `事業${number}「${sheet.name}」が連携協約項目の表にありません`,
        ),
      );
    }
    if (sheet) {
      sheet.kpis.forEach((raw, i) => {
        const target = p.kpis[i]?.target;
        if (target?.kind === 'absolute' && target.value === null) {
          findings.push({
            severity: 'info',
            code: 'unreadable_cell',
            project: number,
            line: raw.line,
            excerpt: target.text,
            message: `目標値「${target.text}」を数値として読めません（文のまま保存します）`,
          });
        }
      });
      for (const issue of sheet.issues) {
        const finding = warn(issue.code, number, issue.line, issue.message, issue.excerpt);
        findings.push(issue.code === 'source_converted' ? { ...finding, severity: 'info' } : finding);
      }
      const totalCheck = sheet.budget ? checkBudgetTotal(number, p.budget, sheet.budget.line) : undefined;
      if (totalCheck) findings.push(totalCheck);
    }
    return { project: p, matrixPlacement: row?.placement ?? null };
  });
  return { projects, findings };
}
