import type { Area, Finding, Plan, Project, Role } from '../../domain/vision.js';

/**
 * Examples for the OpenAPI document, taken from the seed (samples/aomori-vision-r4-03.txt, 青森圏域, R4年3月):
 * what an installation that imported only the seed answers. test/http/api-v1.test.ts checks them against the
 * real answers, so they cannot drift from the importer.
 */

export const exampleAreaSlug = '青森圏域';

export const exampleArea: Area = {
  name: '青森圏域',
  kind: '連携中枢都市圏',
  municipalities: [
    {
      code: '022012',
      name: '青森市',
      isCentralCity: true,
    },
    {
      code: '023019',
      name: '平内町',
      isCentralCity: false,
    },
    {
      code: '023035',
      name: '今別町',
      isCentralCity: false,
    },
    {
      code: '023078',
      name: '外ヶ浜町',
      isCentralCity: false,
    },
    {
      code: '023043',
      name: '蓬田村',
      isCentralCity: false,
    },
  ],
};

export const examplePlan: Plan = {
  title: '青森圏域連携中枢都市圏ビジョン（変更案）',
  fiscalYears: [2020, 2021, 2022, 2023, 2024],
  targetFiscalYear: 2024,
  amountUnit: '千円',
  revision: {
    label: 'R4年3月',
    yearMonth: '2022-03',
    fiscalYear: 2021,
  },
};

/** Role 1 with only the policy area of project 2 */
export const exampleRole: Role = {
  role: 1,
  title: '圏域全体の経済成長のけん引',
  titleInMatrix: '圏域全体の経済成長のけん引',
  declaredCount: 17,
  policyAreas: [
    {
      no: 2,
      noInMatrix: null,
      title: '産業クラスターの形成、イノベーション実現、新規創業促進、地域の中堅企業等を核とした戦略産業の育成',
      titleInMatrix: '産業クラスターの形成、イノベーション実現、新規創業促進、地域の中堅企業等を核とした戦略産業の育成',
      declaredCount: 6,
      subFields: [],
    },
  ],
};

/** Project 2: blank budget cells and a KPI merged into project 4 */
export const exampleProject: Project = {
  number: 2,
  name: '起業・創業等支援拠点運営事業',
  nameInMatrix: '起業・創業等支援拠点運営事業',
  isNew: false,
  role: 1,
  policyArea: 2,
  subField: null,
  relatedMunicipalities: '全市町村',
  participants: ['平内町', '今別町', '外ヶ浜町', '蓬田村'],
  content: [
    '圏域の起業・創業等を促進するため、青森商工会議所と連携し、AOMORI STARTUP CENTERに設置している「あおもり地域ビジネス交流センター（あおビジ）」を拠点に、起業・創業や新たな事業展開に関する情報提供や相談対応などの支援を行う。',
  ],
  effect: '新規の事業展開及び創業の促進に伴う圏域全体の雇用の創出',
  budget: {
    years: [
      {
        fiscalYear: 2020,
        amount: 21833,
        mark: null,
      },
      {
        fiscalYear: 2021,
        amount: 14662,
        mark: null,
      },
      {
        fiscalYear: 2022,
        amount: null,
        mark: 'blank',
      },
      {
        fiscalYear: 2023,
        amount: null,
        mark: 'blank',
      },
      {
        fiscalYear: 2024,
        amount: null,
        mark: 'blank',
      },
    ],
    total: {
      amount: 36495,
      mark: null,
    },
  },
  roles: {
    centralCity: '事業の企画、事務手続き、関係機関等との調整',
    partners: '事業の広報活動、費用負担等',
  },
  kpis: [
    {
      indicator: '創業件数',
      note: 'あおもり地域ビジネス交流センターの支援による圏域の年間創業件数',
      baseline: {
        text: '21件 (2019年度見込)',
        value: 21,
        unit: '件',
        asOf: '2019年度見込',
      },
      target: {
        text: 'NO.4に統合',
        kind: 'merged_into',
        value: null,
        unit: null,
        per: null,
        mergedInto: 4,
        fiscalYear: 2024,
      },
    },
  ],
  notes: [],
  source: {
    lines: [94, 104],
  },
};

export const exampleFinding: Finding = {
  severity: 'warning',
  code: 'name_mismatch',
  project: 47,
  line: 612,
  excerpt:
    '表: あおもり新しい働き方支援事業（Uターン就職支援） ／ 事業シート: あおり新しい働き方支援事業（Uターン就職支援）',
  message: '事業名が表（65行）と事業シートで異なります',
};

/** the latest revision of the seed as the area list and the area show it (the time is of one import) */
export const exampleLatestRevision = { seq: 1, label: 'R4年3月', createdAt: '2025-04-01T00:00:00.000Z' };

export const exampleSourceDocument = {
  fileName: 'aomori-vision-r4-03.txt',
  sha256: '9f4e7ec0eb55e045370d8d9c1e803688d74c1d107d754fa0776c24562d1e27e1',
  byteSize: 55940,
};

/** the seed's counts */
export const exampleCounts = { municipalityCount: 5, projectCount: 55, findingCount: 5 };
