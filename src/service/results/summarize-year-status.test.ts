import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildProject } from '../../../test/helpers/build-project.js';
import { buildVision } from '../../../test/helpers/build-vision.js';
import type { AchievementLevel, ProjectGrade } from '../../domain/achievement.js';
import type { ProjectStatus, YearStatus } from './assemble-year-status.js';
import { summarizeYearStatus } from './summarize-year-status.js';

/** Only what the counts read: each project's grade and its KPIs' statuses. */
function yearOf(projects: { number: number; grade: ProjectGrade | null; kpis: (AchievementLevel | null)[] }[]) {
  return {
    fiscalYear: 2022,
    projects: projects.map(
      (p) => ({ number: p.number, grade: p.grade, kpis: p.kpis.map((status) => ({ status })) }) as ProjectStatus,
    ),
  } as YearStatus;
}

const vision = buildVision({
  projects: [
    buildProject(1),
    buildProject(2, { participants: ['甲町'] }),
    buildProject(3, { participants: [], policyArea: 2 }),
  ],
});
vision.structure[0]?.policyAreas.push({
  no: 2,
  noInMatrix: null,
  title: '観光の振興',
  titleInMatrix: null,
  declaredCount: null,
  subFields: [],
});

const summary = summarizeYearStatus(
  yearOf([
    { number: 1, grade: 'A', kpis: ['達成', '概ね順調'] },
    { number: 2, grade: null, kpis: ['未評価', null] },
    { number: 3, grade: 'D', kpis: ['遅れ'] },
  ]),
  vision,
);

test('the total: KPI statuses (no status left out) and grades, none for a project without one', () => {
  assert.deepEqual(summary.total.kpis, { 達成: 1, 概ね順調: 1, 遅れ: 1, 未評価: 1 });
  assert.deepEqual(summary.total.grades, { A: 1, B: 0, C: 0, D: 1, none: 1 });
  assert.equal(summary.total.projects, 3);
});

test('per role and policy area: the projects placed there', () => {
  assert.deepEqual(
    summary.byRole.map((g) => [g.short, g.projects]),
    [['役割1', 3]],
  );
  assert.deepEqual(
    summary.byPolicyArea.map((g) => [g.short, g.label, g.projects, g.kpis.遅れ]),
    [
      ['1-(1)', '役割1 (1) 産業の振興', 2, 0],
      ['1-(2)', '役割1 (2) 観光の振興', 1, 1],
    ],
  );
});

test('per municipality: the central city counts every project, a partner the ones it takes part in', () => {
  assert.deepEqual(
    summary.byMunicipality.map((g) => [g.label, g.projects, g.grades.none]),
    [
      ['中心市', 3, 1],
      ['甲町', 2, 1],
      ['乙村', 1, 0],
    ],
  );
});
