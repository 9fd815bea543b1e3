import type { Finding } from '../domain/vision.js';

/** One of the two texts that disagree, with where it is printed. */
export type FindingText = { label: string; text: string };

/** A finding in the words a planning officer uses: what differs, where (sheet, table, cell), and both texts. */
export type FindingDescription = {
  /** the importer's sentence, with 「表（13行）」 written as 「連携協約項目の表（13行目）」 */
  message: string;
  /** the places involved, e.g. 「連携協約項目の表（65行目）」「事業47の事業シート、事業名（612行目）」 */
  places: string[];
  /** the two texts that differ, when the finding carries them */
  texts: FindingText[];
};

const MATRIX = '連携協約項目の表';
const MATRIX_LINE = /表（(\d+)行）/;

/** 「表（13行）」 reads as "a table of 13 rows": say the line. */
function plainMessage(message: string): string {
  return message.replace(/連携協約項目の表（(\d+)行）|表（(\d+)行）/g, (_, a, b) => `${MATRIX}（${a ?? b}行目）`);
}

function sheetOf(project: number | null, part: string | null, line: number | null): string {
  const sheet = project === null ? '文書' : `事業${project}の事業シート`;
  const where = part === null ? sheet : `${sheet}の${part}`;
  return line === null ? where : `${where}（${line}行目）`;
}

/** 「表: A ／ 事業シート: B」 as two labelled texts. */
function splitExcerpt(excerpt: string | null, project: number | null): FindingText[] {
  const match = excerpt === null ? null : /^表: (.*) ／ 事業シート: (.*)$/s.exec(excerpt);
  if (!match) return excerpt ? [{ label: '該当箇所', text: excerpt }] : [];
  return [
    { label: MATRIX, text: match[1] ?? '' },
    { label: project === null ? '事業シート' : `事業${project}の事業シート`, text: match[2] ?? '' },
  ];
}

/**
 * What a finding means, in words: the places (the matrix line and the project's sheet, the 関係市町村 cell) and
 * the two texts that differ.
 * @example describeFinding({ code: 'name_mismatch', project: 47, line: 612, message: '事業名が表（65行）と事業シートで異なります', excerpt: '表: A ／ 事業シート: B', severity: 'warning' }).places
 * // ['連携協約項目の表（65行目）', '事業47の事業シートの事業名（612行目）']
 */
export function describeFinding(finding: Finding): FindingDescription {
  const { project, line, excerpt } = finding;
  const matrixLine = MATRIX_LINE.exec(finding.message)?.[1];
  const matrix = matrixLine === undefined ? MATRIX : `${MATRIX}（${matrixLine}行目）`;
  const message = plainMessage(finding.message);
  switch (finding.code) {
    case 'name_mismatch':
      return { message, places: [matrix, sheetOf(project, '事業名', line)], texts: splitExcerpt(excerpt, project) };
    case 'heading_mismatch':
      return {
        message,
        places: [matrix, sheetOf(project, '連携施策の見出し', line)],
        texts: splitExcerpt(excerpt, project),
      };
    case 'new_mark_mismatch':
      return { message, places: [matrix, sheetOf(project, '「新規」の表示', line)], texts: [] };
    case 'participants_mismatch': {
      const marks = /表の○（(.*?)）/.exec(finding.message)?.[1];
      const cell = /関係市町村「(.*?)」/.exec(finding.message)?.[1];
      const texts: FindingText[] = [];
      if (marks !== undefined) texts.push({ label: `${MATRIX}の○`, text: marks });
      if (cell !== undefined) texts.push({ label: `事業${project ?? ''}の事業シートの関係市町村の欄`, text: cell });
      return {
        message,
        places: [line === null ? MATRIX : `${MATRIX}（${line}行目）`, sheetOf(project, '関係市町村の欄', null)],
        texts,
      };
    }
    case 'unknown_municipality':
      return {
        message,
        places: [sheetOf(project, '関係市町村の欄', line)],
        texts: excerpt ? [{ label: '関係市町村の欄', text: excerpt }] : [],
      };
    case 'budget_total_mismatch':
      return { message, places: [sheetOf(project, '事業費見込額の表', line)], texts: splitExcerpt(excerpt, project) };
    case 'declared_count_mismatch':
      return { message, places: [line === null ? MATRIX : `${MATRIX}（${line}行目）`], texts: [] };
    case 'missing_sheet':
      return { message, places: [matrix === MATRIX && line !== null ? `${MATRIX}（${line}行目）` : matrix], texts: [] };
    default:
      return { message, places: [sheetOf(project, null, line)], texts: splitExcerpt(excerpt, project) };
  }
}
