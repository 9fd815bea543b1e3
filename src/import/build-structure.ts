import type { Finding, Role } from '../domain/vision.js';
import { comparisonKey } from './normalize-text.js';
import type { Heading } from './parse-headings.js';
import type { Placement } from './parse-matrix.js';

/** A heading with the path above it, from the matrix or from the sheets. */
export type PlacedHeading = Heading & { role: number | null; policyArea: number | null; line: number };

/** What the structure needs of a project: where the sheets put it and where the matrix put it. */
export type StructureInput = { number: number; placement: Placement; matrixPlacement: Placement | null };

type Level = Heading['level'];
type Coordinates = { role: number | null; policy: number | null; sub: number | null };
type NodeKey = string;
const keyOf = (level: Level, c: Coordinates): NodeKey =>
  level === 'role'
    ? `r${c.role}`
    : level === 'policyArea'
      ? `r${c.role}p${c.policy}`
      : `r${c.role}p${c.policy}s${c.sub}`;
const headingCoordinates = (h: PlacedHeading): Coordinates => ({
  role: h.level === 'role' ? h.no : h.role,
  policy: h.level === 'policyArea' ? h.no : h.policyArea,
  sub: h.level === 'subField' ? h.no : null,
});
const placementCoordinates = (p: Placement): Coordinates => ({ role: p.role, policy: p.policyArea, sub: p.subField });
const projectKey = (level: Level, p: Placement) => keyOf(level, placementCoordinates(p));

/** Maps each matrix heading to the sheet node most of its projects were placed in (the sheets decide). */
function mapMatrixNodes(projects: StructureInput[], level: Level): Map<NodeKey, Coordinates> {
  const votes = new Map<NodeKey, Map<NodeKey, { at: Coordinates; count: number }>>();
  for (const p of projects) {
    if (!p.matrixPlacement) continue;
    const from = projectKey(level, p.matrixPlacement);
    const to = projectKey(level, p.placement);
    const tally = votes.get(from) ?? new Map<NodeKey, { at: Coordinates; count: number }>();
    const vote = tally.get(to) ?? { at: placementCoordinates(p.placement), count: 0 };
    vote.count++;
    tally.set(to, vote);
    votes.set(from, tally);
  }
  const mapping = new Map<NodeKey, Coordinates>();
  for (const [from, tally] of votes) {
    const best = [...tally.values()].sort((a, b) => b.count - a.count)[0];
    if (best) mapping.set(from, best.at);
  }
  return mapping;
}

type NodeInfo = Coordinates & {
  level: Level;
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
  const node = (level: Level, at: Coordinates) => {
    const key = keyOf(level, at);
    let n = nodes.get(key);
    if (!n) {
      n = { level, ...at, title: null, line: null, matrix: null, count: 0, firstProject: null };
      nodes.set(key, n);
    }
    return n;
  };
  for (const h of sheetHeadings) Object.assign(node(h.level, headingCoordinates(h)), { title: h.title, line: h.line });
  const levels = ['role', 'policyArea', 'subField'] as const;
  for (const level of levels) {
    const mapping = mapMatrixNodes(projects, level);
    for (const h of matrixHeadings.filter((m) => m.level === level)) {
      const own = headingCoordinates(h);
      const n = node(level, mapping.get(keyOf(level, own)) ?? own);
      if (!n.matrix) n.matrix = h;
    }
  }
  for (const p of projects) {
    for (const level of levels) {
      if (level === 'subField' && p.placement.subField === null) continue;
      if (level !== 'role' && p.placement.policyArea === null) continue;
      const n = node(level, placementCoordinates(p.placement));
      n.count++;
      n.firstProject ??= p.number;
    }
  }
  return assemble(nodes);
}

function assemble(nodes: Map<NodeKey, NodeInfo>): { structure: Role[]; findings: Finding[] } {
  const findings: Finding[] = [];
  const all = [...nodes.values()];
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
  const described = (n: NodeInfo) => ({
    title: n.title ?? n.matrix?.title ?? '',
    titleInMatrix: n.matrix?.title ?? null,
    declaredCount: n.matrix?.declaredCount ?? null,
  });
  const roles: Role[] = all
    .filter((r) => r.level === 'role')
    .map((r) => {
      check(`役割${r.role}`, r.role ?? 0, r);
      return {
        role: r.role ?? 0,
        ...described(r),
        policyAreas: all
          .filter((p) => p.level === 'policyArea' && p.role === r.role)
          .map((p) => {
            check(`役割${r.role}の連携施策(${p.policy})`, p.policy ?? 0, p);
            const { title, titleInMatrix, declaredCount } = described(p);
            return {
              no: p.policy ?? 0,
              noInMatrix: p.matrix && p.matrix.no !== p.policy ? p.matrix.no : null,
              title,
              titleInMatrix,
              declaredCount,
              subFields: all
                .filter((s) => s.level === 'subField' && s.role === r.role && s.policy === p.policy)
                .map((s) => {
                  check(`役割${r.role}(${p.policy})の分野${s.sub}`, s.sub ?? 0, s);
                  return { no: s.sub ?? 0, ...described(s) };
                }),
            };
          }),
      };
    });
  return { structure: roles, findings };
}
