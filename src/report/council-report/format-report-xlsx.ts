import type ExcelJS from 'exceljs';
import type { CouncilReport } from './build-council-report.js';
import { reportTitle, SECTION_TITLES } from './report-format.js';
import { addPolicyAreaSheet } from './report-policy-area-sheet.js';
import { AMOUNT_FORMAT, addTitle, setUpPrint, styleBodyRow, styleHeader, sumFormula } from './report-sheet-style.js';
import { GRADES, type GroupSummary, LEVELS } from './summarize-report.js';

/**
 * The council's report as a workbook: a summary sheet (by role, by policy area, by municipality, each with a
 * total row of formulas whose values are cached) and one sheet per policy area with its projects and KPIs.
 * Amounts are numbers in 千円 shown with separators; every sheet prints on A4 with its header row repeated.
 */
export async function formatReportXlsx(report: CouncilReport, createdAt: Date): Promise<Uint8Array<ArrayBuffer>> {
  // loaded at first use: serving pages never needs ExcelJS, and loading it slows every start
  const { Workbook } = (await import('exceljs')).default;
  const workbook = new Workbook();
  workbook.creator = report.area.name;
  workbook.title = reportTitle(report);
  workbook.created = createdAt;
  workbook.modified = createdAt;
  addSummarySheet(workbook, report);
  const areas = new Map<string, CouncilReport['projects']>();
  for (const p of report.projects) {
    const key = `${p.role}-${p.policyArea}`;
    areas.set(key, [...(areas.get(key) ?? []), p]);
  }
  for (const summary of report.byPolicyArea) {
    addPolicyAreaSheet(workbook, report, summary.label, areas.get(summary.key) ?? []);
  }
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

const GROUP_HEADER = ['区分', '事業数', ...GRADES.map((g) => `評価${g}`), ...LEVELS, '計画（千円）', '実績（千円）'];
const GROUP_COLUMNS = GROUP_HEADER.length;
/** 計画 and 実績, the last two columns (K and L) */
const AMOUNT_COLUMNS = { [GROUP_COLUMNS - 1]: AMOUNT_FORMAT, [GROUP_COLUMNS]: AMOUNT_FORMAT };

function addSummarySheet(workbook: ExcelJS.Workbook, report: CouncilReport): void {
  const sheet = workbook.addWorksheet('概要', { views: [{ state: 'frozen', ySplit: 3 }] });
  sheet.columns = [{ width: 44 }, ...GROUP_HEADER.slice(1).map((h) => ({ width: h.includes('千円') ? 14 : 9 }))];
  addTitle(sheet, `${reportTitle(report)}${report.published ? '' : '（未公表・案）'}`);
  sheet.addRow([]);
  addGroupTable(sheet, SECTION_TITLES.byRole, report.byRole);
  sheet.addRow([]);
  addGroupTable(sheet, SECTION_TITLES.byPolicyArea, report.byPolicyArea);
  sheet.addRow([]);
  addMunicipalityTable(sheet, report);
  setUpPrint(sheet, { title: reportTitle(report), lastColumn: 'L', headerRow: 3 });
}

function addGroupTable(sheet: ExcelJS.Worksheet, title: string, groups: readonly GroupSummary[]): void {
  styleHeader(sheet.addRow([title, ...GROUP_HEADER.slice(1)]));
  const first = sheet.rowCount + 1;
  for (const g of groups) {
    const row = sheet.addRow([
      g.label,
      g.projects,
      ...GRADES.map((grade) => g.grades[grade]),
      ...LEVELS.map((l) => g.statuses[l]),
      g.plan,
      g.actual,
    ]);
    styleBodyRow(row, GROUP_COLUMNS, AMOUNT_COLUMNS);
  }
  const last = sheet.rowCount;
  const columnLetter = (i: number) => String.fromCharCode(65 + i);
  const total = sheet.addRow([
    '合計',
    ...GROUP_HEADER.slice(1).map((_, i) =>
      sumFormula(
        columnLetter(i + 1),
        first,
        last,
        groups.map((g) => summaryValue(g, i + 1)),
      ),
    ),
  ]);
  styleBodyRow(total, GROUP_COLUMNS, AMOUNT_COLUMNS, { bold: true });
}

/** The value of a group's n-th column (1 = 事業数), as addGroupTable lays them out. */
function summaryValue(g: GroupSummary, column: number): number {
  const values = [
    g.projects,
    ...GRADES.map((grade) => g.grades[grade]),
    ...LEVELS.map((l) => g.statuses[l]),
    g.plan,
    g.actual,
  ];
  return values[column - 1] ?? 0;
}

function addMunicipalityTable(sheet: ExcelJS.Worksheet, report: CouncilReport): void {
  styleHeader(
    sheet.addRow([SECTION_TITLES.byMunicipality, '参加事業数', '負担額 計画（千円）', '負担額 実績（千円）']),
  );
  const first = sheet.rowCount + 1;
  for (const m of report.byMunicipality) {
    styleBodyRow(sheet.addRow([m.name, m.projects, m.plan, m.actual]), 4, { 3: AMOUNT_FORMAT, 4: AMOUNT_FORMAT });
  }
  const last = sheet.rowCount;
  const rows = report.byMunicipality;
  const total = sheet.addRow([
    '合計',
    sumFormula(
      'B',
      first,
      last,
      rows.map((m) => m.projects),
    ),
    sumFormula(
      'C',
      first,
      last,
      rows.map((m) => m.plan),
    ),
    sumFormula(
      'D',
      first,
      last,
      rows.map((m) => m.actual),
    ),
  ]);
  styleBodyRow(total, 4, { 3: AMOUNT_FORMAT, 4: AMOUNT_FORMAT }, { bold: true });
}
