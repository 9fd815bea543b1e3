import type { Project, Vision } from '../domain/vision.js';

/** 「1-(2)-③」: the placement by numbers, for narrow table cells (the full label goes in a title). */
export function shortPlacementLabel(project: Project): string {
  return `${project.role}-(${project.policyArea})${project.subField === null ? '' : `-${project.subField}`}`;
}

/** 「役割1 圏域全体の… ＞ (2) 産業クラスター… ＞ ①地域医療」 for a project, from the structure. */
export function placementLabel(vision: Vision, project: Project): string {
  const role = vision.structure.find((r) => r.role === project.role);
  const area = role?.policyAreas.find((p) => p.no === project.policyArea);
  const sub = area?.subFields.find((s) => s.no === project.subField);
  const circled = (n: number) => (n >= 1 && n <= 20 ? String.fromCodePoint(0x2460 + n - 1) : `(${n})`);
  return [
    role ? `役割${role.role} ${role.title}` : `役割${project.role}`,
    area ? `(${area.no}) ${area.title}` : null,
    sub ? `${circled(sub.no)}${sub.title}` : null,
  ]
    .filter((x) => x !== null)
    .join(' ＞ ');
}

/**
 * Where a project sits, in words short enough for a list: 「役割1 ＞ (2) 産業クラスター… ＞ ①地域医療」 without
 * the role's long title (the filter and the project page give it).
 */
export function placementWords(vision: Vision, project: Project): string {
  const role = vision.structure.find((r) => r.role === project.role);
  const area = role?.policyAreas.find((p) => p.no === project.policyArea);
  const sub = area?.subFields.find((s) => s.no === project.subField);
  return [
    `役割${project.role}`,
    area ? `(${area.no}) ${area.title}` : `連携施策(${project.policyArea})`,
    sub ? `${circledNumber(sub.no)}${sub.title}` : null,
  ]
    .filter((x) => x !== null)
    .join(' ＞ ');
}

function circledNumber(n: number): string {
  return n >= 1 && n <= 20 ? String.fromCodePoint(0x2460 + n - 1) : `(${n})`;
}
