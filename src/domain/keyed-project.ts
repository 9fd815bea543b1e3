import type { Project } from './vision.js';

/** Why and into which project a project was merged (the document writes 「NO.4に統合」 in its KPI targets). */
export type ProjectMerge = { intoKey: number; reason: string };

/**
 * A project of a stored revision with its stable ids: `key` (project_key) stays the same across revisions whatever
 * its number, and `kpiKeys[i]` (kpi_key) is the id of `project.kpis[i]`.
 */
export type KeyedProject = {
  key: number;
  kpiKeys: readonly number[];
  merge: ProjectMerge | null;
  project: Project;
};
