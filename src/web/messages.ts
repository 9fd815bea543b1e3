/** The Japanese text of the portal's shared parts. Pages reuse these so one wording is used everywhere. */
export const messages = {
  siteName: '連携中枢都市圏ビジョン ポータル',
  /** the end of every <title>: `{page}｜{area} 連携中枢都市圏ビジョン` */
  titleSuffix: '連携中枢都市圏ビジョン',
  titleSeparator: '｜',
  defaultDescription: (areaName: string) =>
    `${areaName}の連携中枢都市圏ビジョンに載る事業、事業費、成果指標を誰でも閲覧できるページです。`,
  skipLink: '本文へスキップ',
  nav: {
    label: 'サイト内',
    /** `area` items are paths inside the area shown (web/area-paths.ts); `site` items are the same everywhere */
    items: [
      { href: '/', label: 'ホーム', scope: 'area' },
      { href: '/matrix', label: '連携協約項目の一覧表', scope: 'area' },
      { href: '/projects', label: '事業一覧', scope: 'area' },
      { href: '/findings', label: '文書の不整合', scope: 'area' },
      { href: '/downloads', label: 'オープンデータ', scope: 'downloads' },
      { href: '/accessibility', label: 'アクセシビリティ方針', scope: 'site' },
    ],
    /** shown first when the installation holds several areas, or on a page under /areas */
    areas: { href: '/areas', label: '圏域一覧', scope: 'site' },
  },
  breadcrumbs: { label: 'パンくずリスト', home: 'ホーム', areas: '圏域一覧' },
  footer: {
    source: '出典: 各圏域の連携中枢都市圏ビジョン。金額の単位は千円',
    data: 'オープンデータ（Vision JSON・API）',
    dataHref: '/api/v1/vision',
    accessibility: 'アクセシビリティ方針',
    accessibilityHref: '/accessibility',
  },
  newBadge: '新規',
  required: '※必須',
  amountUnit: '千円',
  unitLabel: (unit: string) => `単位：${unit}`,
  prevNext: { label: '前後の事業', prev: '前の事業', next: '次の事業' },
  pagination: { label: 'ページ送り', prev: '前のページ', next: '次のページ' },
  chart: {
    /** head of the column naming each series in a chart's data table */
    seriesHeader: '区分',
    tableLabel: (caption: string) => `${caption}（表）`,
    tableCaption: (caption: string, unit: string) => `${caption}（単位：${unit}）`,
  },
} as const;
