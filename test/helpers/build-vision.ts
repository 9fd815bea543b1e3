import type { Finding, Project, Vision } from '../../src/domain/vision.js';
import { buildProject } from './build-project.js';

/**
 * A small vision of a made-up area (one central city, two partners, fiscal years 2020–2023) with
 * `projectCount` projects; pass `projects` to say exactly which.
 */
export function buildVision(overrides: { projectCount?: number; projects?: Project[] } & Partial<Vision> = {}): Vision {
  const { projectCount = 3, projects, ...rest } = overrides;
  const builtProjects = projects ?? Array.from({ length: projectCount }, (_, i) => buildProject(i + 1));
  return {
    format: 'renkei-vision',
    version: 1,
    area: {
      name: 'テスト圏域',
      kind: '連携中枢都市圏',
      municipalities: [
        { code: '022012', name: '中心市', isCentralCity: true },
        { code: null, name: '甲町', isCentralCity: false },
        { code: null, name: '乙村', isCentralCity: false },
      ],
    },
    plan: {
      title: 'テスト圏域連携中枢都市圏ビジョン',
      fiscalYears: [2020, 2021, 2022, 2023],
      targetFiscalYear: 2023,
      amountUnit: '千円',
      revision: { label: 'R4年3月', yearMonth: '2022-03', fiscalYear: 2021 },
    },
    structure: [
      {
        role: 1,
        title: '圏域全体の経済成長のけん引',
        titleInMatrix: '圏域全体の経済成長のけん引',
        declaredCount: builtProjects.length,
        policyAreas: [
          {
            no: 1,
            noInMatrix: null,
            title: '産業の振興',
            titleInMatrix: '産業の振興',
            declaredCount: builtProjects.length,
            subFields: [{ no: 1, title: '①地域医療', titleInMatrix: null, declaredCount: null }],
          },
        ],
      },
    ],
    projects: builtProjects,
    findings: [buildFinding()],
    ...rest,
  };
}

export function buildFinding(overrides: Partial<Finding> = {}): Finding {
  return {
    severity: 'warning',
    code: 'name_mismatch',
    project: 1,
    line: 120,
    excerpt: '連携事業 1',
    message: '事業名が一覧表と事業シートで異なります。',
    ...overrides,
  };
}
