/**
 * Municipalities whose 全国地方公共団体コード we know for sure, so the importer can give codes to names it reads.
 *
 * Source: the five 青森圏域 members come from shared/reference/municipalities.json. The other 35 of
 * 青森県's 40 市町村 take their first five digits from the 国土地理院 municipality table (GSI.MUNI_ARRAY);
 * the sixth is the computed check digit, and the tests check every code.
 * Add a municipality only with a code from an official list: a wrong code is worse than none.
 * Names are as officially written (外ヶ浜町 with a small ヶ); variants go in alsoWritten or are folded by
 * normalizeMunicipalityName.
 */

export type MunicipalityKind = '市' | '町' | '村' | '区';

export type KnownMunicipality = {
  /** 6 digits including the check digit */
  code: string;
  /** as officially written */
  name: string;
  kind: MunicipalityKind;
  /** JIS X 0401 two-digit prefecture code, the first two digits of `code` */
  prefectureCode: string;
  /** other spellings seen in documents that normalisation alone does not match */
  alsoWritten?: readonly string[];
};

export const KNOWN_MUNICIPALITIES: readonly KnownMunicipality[] = [
  // 青森県: 10 市
  { code: '022012', name: '青森市', kind: '市', prefectureCode: '02' },
  { code: '022021', name: '弘前市', kind: '市', prefectureCode: '02' },
  { code: '022039', name: '八戸市', kind: '市', prefectureCode: '02' },
  { code: '022047', name: '黒石市', kind: '市', prefectureCode: '02' },
  { code: '022055', name: '五所川原市', kind: '市', prefectureCode: '02' },
  { code: '022063', name: '十和田市', kind: '市', prefectureCode: '02' },
  { code: '022071', name: '三沢市', kind: '市', prefectureCode: '02' },
  { code: '022080', name: 'むつ市', kind: '市', prefectureCode: '02' },
  { code: '022098', name: 'つがる市', kind: '市', prefectureCode: '02' },
  { code: '022101', name: '平川市', kind: '市', prefectureCode: '02' },
  // 青森県: 22 町, 8 村 (in code order, by 郡)
  { code: '023019', name: '平内町', kind: '町', prefectureCode: '02' },
  { code: '023035', name: '今別町', kind: '町', prefectureCode: '02' },
  { code: '023043', name: '蓬田村', kind: '村', prefectureCode: '02' },
  { code: '023078', name: '外ヶ浜町', kind: '町', prefectureCode: '02', alsoWritten: ['外ケ浜町', '外ヶ浜'] },
  // 鯵 is the everyday form of the official 鰺
  { code: '023213', name: '鰺ヶ沢町', kind: '町', prefectureCode: '02', alsoWritten: ['鯵ヶ沢町'] },
  { code: '023230', name: '深浦町', kind: '町', prefectureCode: '02' },
  { code: '023434', name: '西目屋村', kind: '村', prefectureCode: '02' },
  { code: '023612', name: '藤崎町', kind: '町', prefectureCode: '02' },
  { code: '023621', name: '大鰐町', kind: '町', prefectureCode: '02' },
  { code: '023671', name: '田舎館村', kind: '村', prefectureCode: '02' },
  { code: '023817', name: '板柳町', kind: '町', prefectureCode: '02' },
  { code: '023841', name: '鶴田町', kind: '町', prefectureCode: '02' },
  { code: '023876', name: '中泊町', kind: '町', prefectureCode: '02' },
  { code: '024015', name: '野辺地町', kind: '町', prefectureCode: '02' },
  { code: '024023', name: '七戸町', kind: '町', prefectureCode: '02' },
  { code: '024058', name: '六戸町', kind: '町', prefectureCode: '02' },
  { code: '024066', name: '横浜町', kind: '町', prefectureCode: '02' },
  { code: '024082', name: '東北町', kind: '町', prefectureCode: '02' },
  { code: '024112', name: '六ヶ所村', kind: '村', prefectureCode: '02' },
  { code: '024121', name: 'おいらせ町', kind: '町', prefectureCode: '02' },
  { code: '024236', name: '大間町', kind: '町', prefectureCode: '02' },
  { code: '024244', name: '東通村', kind: '村', prefectureCode: '02' },
  { code: '024252', name: '風間浦村', kind: '村', prefectureCode: '02' },
  { code: '024261', name: '佐井村', kind: '村', prefectureCode: '02' },
  { code: '024414', name: '三戸町', kind: '町', prefectureCode: '02' },
  { code: '024422', name: '五戸町', kind: '町', prefectureCode: '02' },
  { code: '024431', name: '田子町', kind: '町', prefectureCode: '02' },
  { code: '024457', name: '南部町', kind: '町', prefectureCode: '02' },
  { code: '024465', name: '階上町', kind: '町', prefectureCode: '02' },
  { code: '024503', name: '新郷村', kind: '村', prefectureCode: '02' },
];
