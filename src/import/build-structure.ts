import type { Finding, Role } from '../domain/vision.js';
import { comparisonKey } from './normalize-text.js';
import type { Heading } from './parse-headings.js';
import type { Placement } from './parse-matrix.js';

/** A heading with the path above it, from the matrix or from the sheets. */
export type PlacedHeading = Heading & { role: number | null; policyArea: number | null; line: number };

/** What the structure needs of a project: where the sheets put it and where the matrix put it. */
export type StructureInput = { number: number; placement: Placement; matrixPlacement: Placement | null };

type NodeKey = string;
const keyOf = (level: Heading['level'], role: number | null, policy: number | null, sub: number | null): NodeKey =>
  level === 'role' ? `r${role}` : level === 'policyArea' ? `r${role}p${policy}` : `r${role}p${policy}s${sub}`;
const headingKey = (h: PlacedHeading) =>
  keyOf(h.level, h.level === 'role' ? h.no : h.role, h.level === 'policyArea' ? h.no : h.policyArea, h.no);
const projectKey = (level: Heading['level'], p: Placement) => keyOf(level, p.role, p.policyArea, p.subField);

/** Maps each matrix heading to the sheet node most of its projects were placed in (the sheets decide). */
function mapMatrixNodes(projects: StructureInput[], level: Heading['level']): Map<NodeKey, NodeKey> {
  const votes = new Map<NodeKey, Map<NodeKey, number>>();
  for (const p of projects) {
    if (!p.matrixPlacement) continue;
    const from = projectKey(level, p.matrixPlacement);
    const to = projectKey(level, p.placement);
    const tally = votes.get(from) ?? new Map<NodeKey, number>();
    tally.set(to, (tally.get(to) ?? 0) + 1);
    votes.set(from, tally);
  }
  const mapping = new Map<NodeKey, NodeKey>();
  for (const [from, tally] of votes) {
    const best = [...tally.entries()].sort((a, b) => b[1] - a[1])[0];
    if (best) mapping.set(from, best[0]);
  }
  return mapping;
}

type NodeInfo = {
  title: string | null;
  line: number | null;
  matrix: PlacedHeading | null;
  count: number;
  firstProject: number | null;
};

function sameTitle(a: string, b: string): boolean {
  return comparisonKey(a) === comparisonKey(b);
}

/**
 * Builds role → policy area → sub-field with titles from the sheets and the matrix, declared counts from the
 * matrix and real counts from the projects; reports headings and counts that disagree.
 */
export function buildStructure(
  projects: StructureInput[],
  sheetHeadings: PlacedHeading[],
  matrixHeadings: PlacedHeading[],
): { structure: Role[]; findings: Finding[] } {
  const nodes = new Map<NodeKey, NodeInfo>();
  const node = (key: NodeKey) => {
    let n = nodes.get(key);
    if (!n) {
      n = { title: null, line: null, matrix: null, count: 0, firstProject: null };
      nodes.set(key, n);
    }
    return n;
  };
  for (const h of sheetHeadings) Object.assign(node(headingKey(h)), { title: h.title, line: h.line });
  const levels = ['role', 'policyArea', 'subField'] as const;
  for (const level of levels) {
    const mapping = mapMatrixNodes(projects, level);
    for (const h of matrixHeadings.filter((m) => m.level === level)) {
      const target = mapping.get(headingKey(h)) ?? headingKey(h);
      const n = node(target);
      if (!n.matrix) n.matrix = h;
    }
  }
  for (const p of projects) {
    for (const level of levels) {
      if (level === 'subField' && p.placement.subField === null) continue;
      if (level !== 'role' && p.placement.policyArea === null) continue;
      const n = node(projectKey(level, p.placement));
      n.count++;
      n.firstProject ??= p.number;
    }
  }
  return assemble(nodes);
}

function assemble(nodes: Map<NodeKey, NodeInfo>): { structure: Role[]; findings: Finding[] } {
  const findings: Finding[] = [];
  const parsed = [...nodes.entries()].map(([key, info]) => {
    const m = /^r(-?\d+|null)(?:p(-?\d+|null))?(?:s(-?\d+|null))?$/.exec(key);
    const num = (s: string | undefined) => (s === undefined || s === 'null' ? null : Number(s));
    return { key, info, role: num(m?.[1]), policy: num(m?.[2]), sub: num(m?.[3]) };
  });
  const check = (label: string, no: number, info: NodeInfo) => {
    const matrix = info.matrix;
    if (matrix && info.title !== null && (!sameTitle(info.title, matrix.title) || matrix.no !== no)) {
      findings.push({
        severity: 'warning',
        code: 'heading_mismatch',
        project: info.firstProject,
        line: info.line,
        excerpt: `表: ${matrix.no} ${matrix.title} ／ 事業シート: ${no} ${info.title}`,
        message: `${label}の見出しが連携協約項目の表（${matrix.line}行）と事業シートで異なります`,
      });
    }
    if (matrix?.declaredCount != null && matrix.declaredCount !== info.count) {
      findings.push({
        severity: 'warning',
        code: 'declared_count_mismatch',
        project: info.firstProject,
        line: matrix.line,
        excerpt: `（${matrix.declaredCount}事業）`,
        message: `${label}の事業数が表では${matrix.declaredCount}事業ですが、実際は${info.count}事業です`,
      });
    }
  };
  const roles: Role[] = parsed
    .filter((n) => n.policy === null && n.sub === null && !/p/.test(n.key))
    .map((r) => {
      check(`役割${r.role}`, r.role ?? 0, r.info);
      return {
        role: r.role ?? 0,
        title: r.info.title ?? r.info.matrix?.title ?? '',
        titleInMatrix: r.info.matrix?.title ?? null,
        declaredCount: r.info.matrix?.declaredCount ?? null,
        policyAreas: parsed
          .filter((p) => p.role === r.role && /p/.test(p.key) && !/s/.test(p.key))
          .map((p) => {
            check(`役割${r.role}の連携施策(${p.policy})`, p.policy ?? 0, p.info);
            return {
              no: p.policy ?? 0,
              noInMatrix: p.info.matrix && p.info.matrix.no !== p.policy ? p.info.matrix.no : null,
              title: p.info.title ?? p.info.matrix?.title ?? '',
              titleInMatrix: p.info.matrix?.title ?? null,
              declaredCount: p.info.matrix?.declaredCount ?? null,
              subFields: parsed
                .filter((s) => s.role === r.role && s.policy === p.policy && /s/.test(s.key))
                .map((s) => {
                  check(`役割${r.role}(${p.policy})の分野${s.sub}`, s.sub ?? 0, s.info);
                  return {
                    no: s.sub ?? 0,
                    title: s.info.title ?? s.info.matrix?.title ?? '',
                    titleInMatrix: s.info.matrix?.title ?? null,
                    declaredCount: s.info.matrix?.declaredCount ?? null,
                  };
                }),
            };
          }),
      };
    });
  return { structure: roles, findings };
}
