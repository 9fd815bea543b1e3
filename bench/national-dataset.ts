/**
 * A synthetic national dataset: about 130 圏域 (連携中枢都市圏 and 定住自立圏), 1,700 municipalities with synthetic
 * names and valid 全国地方公共団体コード, 60–120 projects per area, 10 fiscal years of budgets, 2–3 KPIs per project.
 * Deterministic: the same seed gives the same data, byte for byte. Vision objects are built directly (no text, no
 * importer), so a load measures the store and nothing else.
 *
 * `planNationalDataset(options)` decides the areas and their municipalities (cheap); `generateArea(plan, i)` builds
 * one area's Vision from a generator seeded by (seed, i), so any area can be rebuilt alone.
 */
import { KNOWN_MUNICIPALITIES } from '../src/domain/known-municipalities-data.js';
import { computeCheckDigit } from '../src/domain/municipality-code.js';
import type {
  AreaKind,
  BudgetYear,
  Kpi,
  MunicipalityRef,
  Project,
  Role,
  Target,
  TargetKind,
  Vision,
} from '../src/domain/vision.js';

export type NationalDatasetOptions = {
  seed: number;
  /** default 130 */
  areas?: number;
  /** default 1,700 (at least 2 per area) */
  municipalities?: number;
  /** inclusive range, default [60, 120] */
  projectsPerArea?: readonly [number, number];
  /** default 10 */
  fiscalYears?: number;
};

export type PlannedArea = {
  index: number;
  slug: string;
  name: string;
  kind: Exclude<AreaKind, 'other'>;
  prefectureCode: string;
  municipalities: MunicipalityRef[];
  projectCount: number;
  firstFiscalYear: number;
};

export type NationalPlan = {
  seed: number;
  fiscalYears: number;
  areas: PlannedArea[];
};

export type SyntheticArea = { slug: string; vision: Vision };

// ── a small seeded generator (sfc32 seeded through splitmix32): fast, 32-bit, same on every platform ──

export type Random = {
  /** [0, 1) */
  next(): number;
  /** an integer in [min, max] */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
};

function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export function createRandom(...seeds: number[]): Random {
  const mix = splitmix32(seeds.reduce((h, s) => Math.imul(h ^ (s >>> 0), 0x9e3779b1) >>> 0, 0x811c9dc5));
  let a = mix();
  let b = mix();
  let c = mix();
  let d = mix();
  const next = () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)] as (typeof items)[number],
    chance: (p) => next() < p,
  };
}

// ── words ──

const STEM_HEADS = [
  ...'青赤白黒緑東西南北上下中大小高長本新古若朝夕春秋富福宮金銀石岩松杉桜梅竹柳鶴亀鹿熊鷹花雪月星日豊藤菊桃',
];
const STEM_TAILS = [...'川山森浜原沢野田島岡崎谷林村里津浦江坂台尾丘瀬橋池倉見平堀根宿淵戸郷瀧'];

const KINDS = ['連携中枢都市圏', '定住自立圏'] as const;

type PolicyTemplate = { title: string; subFields?: readonly string[]; themes: readonly string[] };
type RoleTemplate = { title: string; policyAreas: readonly PolicyTemplate[] };

const RENKEI_ROLES: readonly RoleTemplate[] = [
  {
    title: '圏域全体の経済成長のけん引',
    policyAreas: [
      { title: '産業クラスターの形成、イノベーション実現、新規創業促進', themes: ['創業支援', '企業誘致', '産学連携'] },
      {
        title: '地域資源を活用した地域経済の裾野拡大',
        themes: ['地域産品販路拡大', '農林水産物ブランド化', '六次産業化'],
      },
      { title: '戦略的な観光施策', themes: ['広域観光プロモーション', 'インバウンド誘客', '周遊観光ルート整備'] },
    ],
  },
  {
    title: '高次の都市機能の集積・強化',
    policyAreas: [
      { title: '高度な医療サービスの提供', themes: ['救急医療体制', '周産期医療', '医師確保'] },
      { title: '高等教育・研究開発の環境整備', themes: ['大学連携', '研究開発支援', '人材育成講座'] },
      { title: '広域的公共交通網の構築', themes: ['広域バス路線', '交通系ICカード', '地域鉄道活性化'] },
    ],
  },
  {
    title: '圏域全体の生活関連機能サービスの向上',
    policyAreas: [
      {
        title: '生活機能の強化に係る政策分野',
        subFields: ['地域医療', '介護', '福祉', '教育・文化・スポーツ', '地域振興', '災害対策', '環境'],
        themes: ['在宅医療連携', '介護人材確保', '子育て支援', '図書館相互利用', '防災訓練', 'ごみ処理広域化'],
      },
      { title: '結びつきやネットワークの強化に係る政策分野', themes: ['移住定住促進', '地域公共交通', 'ICT活用'] },
      {
        title: '圏域マネジメント能力の強化に係る政策分野',
        themes: ['職員合同研修', '外部人材確保', '行政事務の共同化'],
      },
    ],
  },
];

const TEIJU_ROLES: readonly RoleTemplate[] = [
  {
    title: '生活機能の強化に係る政策分野',
    policyAreas: [
      { title: '医療', themes: ['地域医療連携', '休日夜間診療', '救急搬送'] },
      { title: '福祉', themes: ['高齢者見守り', '障害者就労支援', '子育て支援'] },
      { title: '教育', themes: ['図書館相互利用', '学校教育支援', '生涯学習'] },
      { title: '産業振興', themes: ['創業支援', '農業振興', '観光振興'] },
    ],
  },
  {
    title: '結びつきやネットワークの強化に係る政策分野',
    policyAreas: [
      { title: '地域公共交通', themes: ['コミュニティバス', 'デマンド交通', '公共交通利用促進'] },
      { title: '地域内外の住民との交流・移住', themes: ['移住相談', '交流イベント', '関係人口創出'] },
    ],
  },
  {
    title: '圏域マネジメント能力の強化に係る政策分野',
    policyAreas: [{ title: '人材の育成', themes: ['職員合同研修', '専門人材確保'] }],
  },
];

const PREFIXES = ['', '圏域', '広域', '地域', '連携'] as const;
const ACTIONS = ['推進', '支援', '強化', '整備', '促進', '活性化'] as const;
const CONTENT_TEMPLATES = [
  (t: string) => `${t}に関する相談窓口を圏域で共同設置する。`,
  (t: string) => `${t}のためのセミナーを年2回開催する。`,
  (t: string) => `${t}の取組を構成市町村の広報で周知する。`,
  (t: string) => `${t}に必要な情報を共有する連絡会議を開催する。`,
  (t: string) => `${t}の効果を検証し、翌年度の計画に反映する。`,
];
const INDICATORS = [
  { text: '参加者数', unit: '人', min: 50, max: 5000 },
  { text: '相談件数', unit: '件', min: 10, max: 800 },
  { text: '実施回数', unit: '回', min: 1, max: 40 },
  { text: '利用者数', unit: '人', min: 100, max: 50000 },
  { text: '登録事業者数', unit: '事業者', min: 5, max: 300 },
  { text: '満足度', unit: '%', min: 40, max: 90 },
] as const;

// ── the plan: areas, their municipalities and codes ──

const DEFAULTS = { areas: 130, municipalities: 1700, projectsPerArea: [60, 120] as const, fiscalYears: 10 };

/** Areas, municipalities (unique synthetic names, unique valid codes), project counts and fiscal years. */
export function planNationalDataset(options: NationalDatasetOptions): NationalPlan {
  const areaCount = options.areas ?? DEFAULTS.areas;
  const municipalityCount = options.municipalities ?? DEFAULTS.municipalities;
  const [minProjects, maxProjects] = options.projectsPerArea ?? DEFAULTS.projectsPerArea;
  if (municipalityCount < areaCount * 2) throw new RangeError('at least two municipalities per area');
  const random = createRandom(options.seed, 0x504c414e);

  const kinds = Array.from({ length: areaCount }, (_, i) => KINDS[i % 10 < 3 ? 0 : 1]);
  const sizes = allocateSizes(random, kinds, municipalityCount);
  const stems = shuffledStems(random, municipalityCount);
  const codes = createCodeAllocator();

  let next = 0;
  const areas = kinds.map((kind, index): PlannedArea => {
    const prefectureCode = String(1 + Math.floor((index * 47) / areaCount)).padStart(2, '0');
    const size = sizes[index] as number;
    const municipalities = Array.from({ length: size }, (_, position): MunicipalityRef => {
      const stem = stems[next++] as string;
      const suffix = position === 0 ? '市' : random.pick(['市', '町', '町', '町', '村'] as const);
      return {
        code: codes(prefectureCode, suffix === '市'),
        name: `${stem}${suffix}`,
        isCentralCity: position === 0,
      };
    });
    const central = (municipalities[0] as MunicipalityRef).name.slice(0, -1);
    return {
      index,
      slug: `national-${String(index + 1).padStart(3, '0')}`,
      name: kind === '連携中枢都市圏' ? `${central}圏域` : `${central}定住自立圏`,
      kind,
      prefectureCode,
      municipalities,
      projectCount: random.int(minProjects, maxProjects),
      firstFiscalYear: random.int(2018, 2022),
    };
  });
  return { seed: options.seed, fiscalYears: options.fiscalYears ?? DEFAULTS.fiscalYears, areas };
}

/** Sizes per area summing to `total`: 連携中枢都市圏 larger (4–30), 定住自立圏 smaller (2–16), like the real ones. */
function allocateSizes(random: Random, kinds: readonly string[], total: number): number[] {
  const bounds = kinds.map((k) => (k === '連携中枢都市圏' ? ([4, 30] as const) : ([2, 16] as const)));
  const sizes = bounds.map(([min, max]) => random.int(min, Math.floor((min + max) / 2) + 4));
  let sum = sizes.reduce((a, b) => a + b, 0);
  while (sum !== total) {
    const i = random.int(0, sizes.length - 1);
    const [min, max] = bounds[i] as readonly [number, number];
    const size = sizes[i] as number;
    if (sum < total && size < max) {
      sizes[i] = size + 1;
      sum++;
    } else if (sum > total && size > min) {
      sizes[i] = size - 1;
      sum--;
    } else if (sizes.every((s, k) => (sum < total ? s >= (bounds[k]?.[1] ?? 0) : s <= (bounds[k]?.[0] ?? 0)))) {
      throw new RangeError(`cannot place ${total} municipalities in ${kinds.length} areas`);
    }
  }
  return sizes;
}

function shuffledStems(random: Random, count: number): string[] {
  const stems = STEM_HEADS.flatMap((h) => STEM_TAILS.map((t) => `${h}${t}`));
  if (stems.length < count) throw new RangeError(`only ${stems.length} synthetic names`);
  for (let i = stems.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [stems[i], stems[j]] = [stems[j] as string, stems[i] as string];
  }
  return stems.slice(0, count);
}

/**
 * Unique codes per prefecture: cities from 201, towns and villages from 301, each with its check digit; codes of
 * real municipalities the application knows (and so could show a real population for) are skipped.
 */
function createCodeAllocator(): (prefectureCode: string, isCity: boolean) => string {
  const taken = new Set(KNOWN_MUNICIPALITIES.map((m) => m.code.slice(0, 5)));
  const counters = new Map<string, number>();
  return (prefectureCode, isCity) => {
    const key = `${prefectureCode}${isCity ? 'c' : 't'}`;
    let body = counters.get(key) ?? (isCity ? 201 : 301);
    while (taken.has(`${prefectureCode}${body}`)) body++;
    if (body > (isCity ? 299 : 799)) throw new RangeError(`prefecture ${prefectureCode} ran out of codes`);
    counters.set(key, body + 1);
    const firstFive = `${prefectureCode}${body}`;
    taken.add(firstFive);
    return `${firstFive}${computeCheckDigit(firstFive)}`;
  };
}

// ── one area's vision ──

/** The Vision of area `index` of the plan; depends only on (seed, index). */
export function generateArea(plan: NationalPlan, index: number): SyntheticArea {
  const area = plan.areas[index];
  if (!area) throw new RangeError(`no area ${index}`);
  const random = createRandom(plan.seed, 0x41524541, index);
  const years = Array.from({ length: plan.fiscalYears }, (_, i) => area.firstFiscalYear + i);
  const templates = area.kind === '連携中枢都市圏' ? RENKEI_ROLES : TEIJU_ROLES;
  const places = placeProjects(random, templates, area.projectCount);
  const structure: Role[] = templates.map((role, r) => ({
    role: r + 1,
    title: role.title,
    titleInMatrix: null,
    declaredCount: places.filter((p) => p.role === r + 1).length,
    policyAreas: role.policyAreas.map((policy, a) => ({
      no: a + 1,
      noInMatrix: null,
      title: policy.title,
      titleInMatrix: null,
      declaredCount: places.filter((p) => p.role === r + 1 && p.policyArea === a + 1).length,
      subFields: (policy.subFields ?? []).map((title, s) => ({
        no: s + 1,
        title,
        titleInMatrix: null,
        declaredCount: places.filter((p) => p.role === r + 1 && p.policyArea === a + 1 && p.subField === s + 1).length,
      })),
    })),
  }));
  const partners = area.municipalities.filter((m) => !m.isCentralCity).map((m) => m.name);
  const central = (area.municipalities[0] as MunicipalityRef).name;
  const projects = places.map((place, i) =>
    buildProject(random, {
      number: i + 1,
      place,
      theme: random.pick(templates[place.role - 1]?.policyAreas[place.policyArea - 1]?.themes ?? ['地域連携']),
      years,
      partners,
      central,
      projectCount: places.length,
    }),
  );
  const lastYear = years[years.length - 1] as number;
  const revisionYear = area.firstFiscalYear + 2;
  const vision: Vision = {
    format: 'renkei-vision',
    version: 1,
    area: { name: area.name, kind: area.kind, municipalities: area.municipalities.map((m) => ({ ...m })) },
    plan: {
      title: area.kind === '連携中枢都市圏' ? `${area.name}連携中枢都市圏ビジョン` : `${area.name}共生ビジョン`,
      fiscalYears: years,
      targetFiscalYear: lastYear,
      amountUnit: '千円',
      revision: {
        label: `R${revisionYear + 1 - 2018}年3月`,
        yearMonth: `${revisionYear + 1}-03`,
        fiscalYear: revisionYear,
      },
    },
    structure,
    projects,
    findings: [],
  };
  return { slug: area.slug, vision };
}

type Place = { role: number; policyArea: number; subField: number | null };

/** Document order: every policy area gets at least one project, the rest at random, sorted by placement. */
function placeProjects(random: Random, templates: readonly RoleTemplate[], count: number): Place[] {
  const all: Place[] = templates.flatMap((role, r) =>
    role.policyAreas.flatMap((policy, a): Place[] =>
      policy.subFields
        ? policy.subFields.map((_, s) => ({ role: r + 1, policyArea: a + 1, subField: s + 1 }))
        : [{ role: r + 1, policyArea: a + 1, subField: null }],
    ),
  );
  const places = [...all];
  while (places.length < count) places.push(random.pick(all));
  const order = (p: Place) => p.role * 10000 + p.policyArea * 100 + (p.subField ?? 0);
  return places.slice(0, count).sort((a, b) => order(a) - order(b));
}

type ProjectInput = {
  number: number;
  place: Place;
  theme: string;
  years: readonly number[];
  partners: readonly string[];
  central: string;
  projectCount: number;
};

function buildProject(random: Random, input: ProjectInput): Project {
  const { number, place, theme, years, partners } = input;
  const name = `${random.pick(PREFIXES)}${theme}${random.pick(ACTIONS)}事業`;
  const all = partners.length === 0 || random.chance(0.4);
  const participants = all ? [...partners] : partners.filter(() => random.chance(0.5));
  if (participants.length === 0 && partners.length > 0) participants.push(random.pick(partners));
  const isNew = random.chance(0.08);
  const scale = 10 ** random.int(2, 5);
  const budgetYears: BudgetYear[] = years.map((fiscalYear) => {
    const roll = random.next();
    if (roll < 0.04) return { fiscalYear, amount: null, mark: 'dash' };
    if (roll < 0.07) return { fiscalYear, amount: null, mark: 'blank' };
    return { fiscalYear, amount: random.int(1, 9) * scale + random.int(0, scale - 1), mark: null };
  });
  const amounts = budgetYears.flatMap((y) => (y.amount === null ? [] : [y.amount]));
  const contentCount = random.int(1, 3);
  const first = CONTENT_TEMPLATES.length - contentCount;
  const start = random.int(0, first);
  return {
    number,
    name,
    nameInMatrix: null,
    isNew,
    role: place.role,
    policyArea: place.policyArea,
    subField: place.subField,
    relatedMunicipalities: all ? '全市町村' : [input.central, ...participants].join('、'),
    participants,
    content: CONTENT_TEMPLATES.slice(start, start + contentCount).map((t) => t(theme)),
    effect: `圏域における${theme}の充実`,
    budget: {
      years: budgetYears,
      total: amounts.length === 0 ? { amount: null, mark: 'dash' } : { amount: sum(amounts), mark: null },
    },
    roles: { centralCity: `${theme}の企画、実施`, partners: '事業の周知、費用負担' },
    kpis: Array.from({ length: random.int(2, 3) }, (_, k) => buildKpi(random, { ...input, k })),
    notes: [],
    source: { lines: [number * 20, number * 20 + 15] },
  };
}

const TARGET_KINDS: readonly TargetKind[] = [
  ...Array<TargetKind>(12).fill('absolute'),
  ...Array<TargetKind>(3).fill('per_year_at_least'),
  ...Array<TargetKind>(3).fill('percentage'),
  'none',
  'merged_into',
];

function buildKpi(random: Random, input: ProjectInput & { k: number }): Kpi {
  const indicator = random.pick(INDICATORS);
  const baseYear = (input.years[0] as number) - 1;
  const baseValue = random.int(indicator.min, indicator.max);
  const targetYear = input.years[input.years.length - 1] as number;
  const kind = indicator.unit === '%' ? 'percentage' : random.pick(TARGET_KINDS);
  const other = input.number === 1 ? 2 : input.number - 1;
  const mergedInto = kind === 'merged_into' && input.projectCount > 1 ? other : null;
  const finalKind: TargetKind = kind === 'merged_into' && mergedInto === null ? 'none' : kind;
  const targetValue = Math.round(baseValue * (1.1 + random.next() * 0.5));
  const target = describeTarget(finalKind, targetValue, indicator.unit, mergedInto);
  return {
    indicator: `${input.theme}の${indicator.text}${input.k > 0 ? `（指標${input.k + 1}）` : ''}`,
    note: null,
    baseline: {
      text: `${baseValue}${indicator.unit} (${baseYear}年度実績)`,
      value: baseValue,
      unit: indicator.unit,
      asOf: `${baseYear}年度実績`,
    },
    target: { ...target, fiscalYear: finalKind === 'none' || finalKind === 'merged_into' ? null : targetYear },
  };
}

function describeTarget(
  kind: TargetKind,
  value: number,
  unit: string,
  mergedInto: number | null,
): Omit<Target, 'fiscalYear'> {
  switch (kind) {
    case 'absolute':
      return { text: `${value}${unit}`, kind, value, unit, per: null, mergedInto: null };
    case 'per_year_at_least':
      return { text: `${value}${unit}以上/年度`, kind, value, unit, per: '年度', mergedInto: null };
    case 'percentage': {
      const percent = Math.min(100, value);
      return { text: `${percent}%`, kind, value: percent, unit: '%', per: null, mergedInto: null };
    }
    case 'merged_into':
      return { text: `NO.${mergedInto}に統合`, kind, value: null, unit: null, per: null, mergedInto };
    case 'none':
      return { text: '—', kind, value: null, unit: null, per: null, mergedInto: null };
  }
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/**
 * A second revision of area `index`: budgets from the third year on re-estimated (×0.8–1.2), two new projects at
 * the end, the revision dated a year later. Stable keys should carry every first-revision project over.
 */
export function generateRevision(plan: NationalPlan, index: number): SyntheticArea {
  const { slug, vision } = generateArea(plan, index);
  const random = createRandom(plan.seed, 0x52455632, index);
  const projects = vision.projects.map((project): Project => {
    const years = project.budget.years.map(
      (y, i): BudgetYear =>
        y.amount === null || i < 2 ? y : { ...y, amount: Math.round(y.amount * (0.8 + random.next() * 0.4)) },
    );
    const amounts = years.flatMap((y) => (y.amount === null ? [] : [y.amount]));
    return {
      ...project,
      isNew: false,
      budget: {
        years,
        total: amounts.length === 0 ? { amount: null, mark: 'dash' } : { amount: sum(amounts), mark: null },
      },
    };
  });
  const partners = vision.area.municipalities.filter((m) => !m.isCentralCity).map((m) => m.name);
  const central = vision.area.municipalities[0]?.name ?? '';
  const last = projects[projects.length - 1] as Project;
  for (const theme of ['脱炭素推進', 'デジタル行政']) {
    projects.push({
      ...buildProject(random, {
        number: projects.length + 1,
        place: { role: last.role, policyArea: last.policyArea, subField: last.subField },
        theme,
        years: vision.plan.fiscalYears,
        partners,
        central,
        projectCount: projects.length + 1,
      }),
      isNew: true,
    });
  }
  const revision = vision.plan.revision;
  const [year = 2000, month = 3] = (revision?.yearMonth ?? '2000-03').split('-').map(Number);
  return {
    slug,
    vision: {
      ...vision,
      plan: {
        ...vision.plan,
        revision: {
          label: `R${year + 1 - 2018}年${Number(month)}月`,
          yearMonth: `${year + 1}-${String(month).padStart(2, '0')}`,
          fiscalYear: (revision?.fiscalYear ?? year - 1) + 1,
        },
      },
      structure: vision.structure.map((role) => ({
        ...role,
        declaredCount: projects.filter((p) => p.role === role.role).length,
        policyAreas: role.policyAreas.map((area) => ({
          ...area,
          declaredCount: projects.filter((p) => p.role === role.role && p.policyArea === area.no).length,
          subFields: area.subFields.map((sub) => ({
            ...sub,
            declaredCount: projects.filter(
              (p) => p.role === role.role && p.policyArea === area.no && p.subField === sub.no,
            ).length,
          })),
        })),
      })),
      projects,
    },
  };
}

/** Every area of the dataset, one at a time (memory stays one area's worth). */
export function* generateNationalDataset(options: NationalDatasetOptions): Generator<SyntheticArea> {
  const plan = planNationalDataset(options);
  for (const area of plan.areas) yield generateArea(plan, area.index);
}
