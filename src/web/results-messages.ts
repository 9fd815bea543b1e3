import type { AchievementLevel, ProjectGrade } from '../domain/achievement.js';

// Built once: constructing Intl formatters is far slower than using them.
const valueFormat = new Intl.NumberFormat('ja-JP', { maximumFractionDigits: 2 });
const percentFormat = new Intl.NumberFormat('ja-JP', { style: 'percent', maximumFractionDigits: 1 });

/**
 * A KPI's value with separators and at most two decimals (percentages and rates keep their decimals).
 * @example formatValue(57) // '57'  formatValue(1234.5) // '1,234.5'
 */
export function formatValue(n: number | null): string {
  return n === null ? '－' : valueFormat.format(n);
}

/** A ratio as a percent: 0.9375 → 「93.8%」; null → 「－」. */
export function formatRatio(n: number | null): string {
  return n === null ? '－' : percentFormat.format(n);
}

export const ACHIEVEMENT_LEVELS: readonly AchievementLevel[] = ['達成', '概ね順調', '遅れ', '未評価'];

/** The Japanese text of the yearly results on the public pages (project pages, /status, the home page). */
export const resultsMessages = {
  navLabel: '達成状況',
  statusTitle: '達成状況',
  statusLead: (area: string) =>
    `${area}の事業について、公表された年度ごとに、成果指標の達成状況（達成・概ね順調・遅れ・未評価）と事業の評価（A〜D）を数えています。`,
  rulesNote:
    '達成状況は年度の実績値を目標値と現状値からの直線に照らして判定し、評価は成果指標の達成度の平均で A（86%以上）・B（71%以上）・C（56%以上）・D に分けます。目標値が「—」の指標は数えません。',
  nonePublished: 'まだ公表された実績はありません。実績は年度ごとに中心市が取りまとめて公表します。',
  yearsNav: '公表された年度',
  yearLink: (fy: number) => `${fy}年度`,
  countsCaption: (fy: number) => `${fy}年度の成果指標の達成状況と事業の評価（件数）`,
  countsLine: (fy: number) => `${fy}年度の成果指標の達成状況`,
  statusLink: '達成状況の詳細',
  kpiCountsChart: (fy: number) => `${fy}年度の成果指標の達成状況`,
  gradeCountsChart: (fy: number) => `${fy}年度の事業の評価`,
  kpiHeader: '成果指標の数',
  gradeHeader: '事業の数',
  noGrade: '評価なし',
  noGradeNote: '「評価なし」は、この年度に評価できる成果指標のない事業です。',
  projects: '事業数',
  groupHeader: '区分',
  byRole: '役割ごと',
  byPolicyArea: '連携施策ごと',
  byMunicipality: '市町村ごと（参加する事業）',
  byMunicipalityNote: '中心市はすべての事業に、連携町村は参加する事業に含めて数えています。',
  groupChart: (fy: number, by: string) => `${fy}年度の成果指標の達成状況（${by}）`,
  groupTable: (fy: number, by: string) => `${fy}年度の達成状況と評価（${by}、件数）`,
  unitCount: '件',
  // the project page's 「実績」 section
  section: '実績',
  projectNonePublished: 'この事業の実績はまだ公表されていません。',
  publishedYears: (years: string) => `公表された年度: ${years}。`,
  grade: (fy: number, grade: ProjectGrade | null) =>
    grade === null ? `${fy}年度の評価: なし（評価できる成果指標がありません）` : `${fy}年度の評価: ${grade}`,
  spendingHeading: '事業費の計画と実績',
  spendingChart: (n: number) => `事業${n}の年度別事業費（計画と実績）`,
  planSeries: '計画（事業費見込額）',
  actualSeries: '実績（決算額）',
  notPublished: '未公表',
  planNote: '計画は現在の版の事業費見込額です。実績は公表された年度の決算額です。',
  kpiHeading: '成果指標の実績',
  kpiChart: (indicator: string) => `${indicator}の実績と目標への直線`,
  lineSeries: '現状値から目標値への直線',
  actualPoints: '実績値',
  kpiStatus: (fy: number, status: AchievementLevel | null, attainment: string) =>
    status === null ? `${fy}年度: 目標値がないため判定しません。` : `${fy}年度: ${status}（達成度 ${attainment}）`,
  notCounted: (reason: string) => `未集計（${reason}）`,
  noTargetLine: '現状値か目標値が数値でないため、目標への直線は描けません。実績値を表で示します。',
  commentsHeading: (fy: number) => `${fy}年度の取組状況と評価`,
  progress: '取組状況',
  nextSteps: '課題・今後の方向性',
  selfEvaluation: '自己評価（中心市）',
  noComments: 'この年度のコメントはありません。',
  sharesHeading: (fy: number) => `${fy}年度の市町村ごとの負担額`,
  rule: (description: string) => `負担の決め方: ${description}。`,
  noRule: '負担の決め方は定められていません。',
  roundingNote:
    '負担額は千円単位で、最大剰余法で計算しています（各市町村の端数を切り捨て、残った千円を端数の大きい順に1千円ずつ配り、端数が同じときはビジョンでの記載順が先の市町村に配ります）。こうして計算した負担額の合計は事業費に必ず一致します。市町村が入力した額はそのまま示し、合計との差があれば表の下に示します。',
} as const;
