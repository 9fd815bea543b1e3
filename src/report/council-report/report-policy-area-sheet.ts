import type ExcelJS from 'exceljs';
import type { CouncilReport, ReportProject } from './build-council-report.js';
import { reportTitle } from './report-format.js';
import {
  AMOUNT_FORMAT,
  addTitle,
  RATIO_FORMAT,
  setUpPrint,
  sheetName,
  styleBodyRow,
  styleHeader,
  sumFormula,
} from './report-sheet-style.js';

const HEADER = [
  '事業番号',
  '事業名',
  '評価',
  '計画（千円）',
  '実績（千円）',
  '成果指標',
  '現状値',
  '目標値',
  '実績値',
  '達成率',
  '状況',
  '所見',
  '対応方針',
];
const WIDTHS = [8, 30, 6, 12, 12, 30, 18, 18, 10, 8, 10, 36, 36];
const FORMATS = { 4: AMOUNT_FORMAT, 5: AMOUNT_FORMAT, 10: RATIO_FORMAT };

/**
 * One policy area's projects: a row per project (its amounts, opinion and response with its first KPI), a row per
 * further KPI, and a total of the amounts as formulas with their values.
 */
export function addPolicyAreaSheet(
  workbook: ExcelJS.Workbook,
  report: CouncilReport,
  label: string,
  projects: readonly ReportProject[],
): void {
  const sheet = workbook.addWorksheet(uniqueName(workbook, sheetName(label)), {
    views: [{ state: 'frozen', ySplit: 3, xSplit: 2 }],
  });
  sheet.columns = WIDTHS.map((width) => ({ width }));
  addTitle(sheet, `${label}（${report.fiscalYear}年度）`);
  sheet.addRow([]);
  styleHeader(sheet.addRow(HEADER));
  const first = sheet.rowCount + 1;
  for (const project of projects) addProjectRows(sheet, project);
  const last = sheet.rowCount;
  const total = sheet.addRow([
    '合計',
    `${projects.length} 事業`,
    null,
    sumFormula(
      'D',
      first,
      last,
      projects.map((p) => p.spending.plan),
    ),
    sumFormula(
      'E',
      first,
      last,
      projects.map((p) => p.spending.actual),
    ),
  ]);
  styleBodyRow(total, HEADER.length, FORMATS, { bold: true });
  setUpPrint(sheet, { title: reportTitle(report), lastColumn: 'M', headerRow: 3 });
}

function addProjectRows(sheet: ExcelJS.Worksheet, project: ReportProject): void {
  const kpis = project.kpis.length > 0 ? project.kpis : [null];
  kpis.forEach((kpi, i) => {
    const head =
      i === 0
        ? [project.number, project.name, project.grade ?? '未評価', project.spending.plan, project.spending.actual]
        : [null, null, null, null, null];
    const kpiCells = kpi
      ? [
          kpi.indicator,
          kpi.baseline,
          kpi.target,
          kpi.notCountedReason ? `未集計（${kpi.notCountedReason}）` : kpi.actual,
          kpi.attainment,
          kpi.status,
        ]
      : [null, null, null, null, null, null];
    const tail = i === 0 ? [project.opinion || null, project.response || null] : [null, null];
    styleBodyRow(sheet.addRow([...head, ...kpiCells, ...tail]), HEADER.length, FORMATS);
  });
}

/** Two policy areas whose names agree in their first 31 characters get a number. */
function uniqueName(workbook: ExcelJS.Workbook, name: string): string {
  let candidate = name;
  for (let n = 2; workbook.getWorksheet(candidate); n += 1) candidate = `${name.slice(0, 28)}(${n})`;
  return candidate;
}
