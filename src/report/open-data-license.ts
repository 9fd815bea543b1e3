/** The terms every download is published under: the government's standard terms for public data. */
export const openDataLicense = {
  title: '公共データ利用規約（第1.0版）',
  shortTitle: 'PDL1.0',
  url: 'https://www.digital.go.jp/resources/open_data/public_data_license_v1.0',
  note: '公共データ利用規約（第1.0版）はクリエイティブ・コモンズ 表示 4.0 国際（CC BY 4.0）と互換性があり、CC BY 4.0 の条件で利用することもできます。',
  compatibleWith: { title: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
} as const;

/** How the downloads are refreshed: a new revision after each year's budget re-estimates the costs. */
export const updateFrequency = {
  label: '年1回（各年度の予算編成後に事業費見込額を見直したとき）、およびビジョンの変更時',
  /** EU frequency vocabulary, as DCAT-AP asks */
  uri: 'http://publications.europa.eu/resource/authority/frequency/ANNUAL',
} as const;

/** The encoding every CSV file states, in words for people and in the catalogue. */
export const csvEncodingLabel = 'UTF-8（BOM付き）、改行 CRLF';
