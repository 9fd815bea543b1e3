import type { Finding, Vision } from '../domain/vision.js';
import { buildArea, buildPlan } from './build-plan.js';
import { buildStructure } from './build-structure.js';
import { checkReadable } from './check-readable.js';
import { readPageFurniture } from './drop-page-furniture.js';
import { findCentralCity } from './find-central-city.js';
import { comparisonKey } from './normalize-text.js';
import { parseMatrix } from './parse-matrix.js';
import { isSheetStart } from './parse-project-sheet.js';
import { parseSheets } from './parse-sheets.js';
import { readPreamble } from './read-preamble.js';
import { reconcileProjects } from './reconcile.js';
import { splitLines } from './split-lines.js';
import { splitSections } from './split-sections.js';

export type ParseResult = { vision: Vision; findings: Finding[] };

function emptyVision(findings: Finding[]): Vision {
  return {
    format: 'renkei-vision',
    version: 1,
    area: { name: '', kind: 'other', municipalities: [] },
    plan: { title: '', fiscalYears: [], targetFiscalYear: null, amountUnit: '千円', revision: null },
    structure: [],
    projects: [],
    findings,
  };
}

/**
 * Reads the text of a vision document (chapter 4: the 連携協約項目 matrix and the project sheets).
 * Pure: content problems come back as findings; a document that cannot be read gets an error finding.
 * @example parseDocument(text).vision.projects[0].name // '連携中枢都市圏ビジョン懇談会の運営'
 */
export function parseDocument(text: string): ParseResult {
  const unreadable = checkReadable(text);
  if (unreadable) return { vision: emptyVision([unreadable]), findings: [unreadable] };
  const { lines, findings: layoutFindings } = readPageFurniture(splitLines(text));
  const sections = splitSections(lines);
  const matrix = parseMatrix(sections.matrix);
  if (sections.matrix.length === 0 && !sections.sheets.some(isSheetStart)) {
    const f: Finding = {
      severity: 'error',
      code: 'unreadable_document',
      project: null,
      line: 1,
      excerpt: lines.find((l) => l.text.trim() !== '')?.text.slice(0, 80) ?? null,
      message: '連携協約項目の表（「役割」「連携施策」の見出し）も事業シート（「事業名」の行）も見つかりません',
    };
    return { vision: emptyVision([f]), findings: [f] };
  }
  const preamble = readPreamble(sections.preamble);
  const centralCity = findCentralCity(lines);
  const sheetPart = parseSheets(sections.sheets, centralCity, preamble.chapter);
  const partners = matrix.partners.filter(
    (p) => centralCity === null || comparisonKey(p) !== comparisonKey(centralCity),
  );
  const { projects, findings } = reconcileProjects(matrix.rows, sheetPart.sheets, {
    columns: matrix.partners,
    centralCity,
    hasMatrix: matrix.rows.length > 0,
  });
  const structure = buildStructure(
    projects.map((p) => ({
      number: p.project.number,
      placement: placementOf(p.project),
      matrixPlacement: p.matrixPlacement,
    })),
    sheetPart.headings,
    matrix.headings,
  );
  const all = [...layoutFindings, ...findings, ...structure.findings].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  if (projects.length === 0) {
    all.push({
      severity: 'error',
      code: 'unreadable_document',
      project: null,
      line: sections.matrix[0]?.no ?? sections.sheets[0]?.no ?? 1,
      excerpt: null,
      message: '事業が1件も読めません（表の行も事業シートもありません）',
    });
  }
  const vision: Vision = {
    format: 'renkei-vision',
    version: 1,
    area: buildArea(preamble, centralCity, partners),
    plan: buildPlan(preamble, sheetPart.sheets),
    structure: structure.structure,
    projects: projects.map((p) => p.project),
    findings: all,
  };
  return { vision, findings: all };
}

function placementOf(p: Vision['projects'][number]) {
  return { role: p.role, policyArea: p.policyArea, subField: p.subField };
}
