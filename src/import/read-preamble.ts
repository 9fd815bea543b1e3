import { fiscalYearOfMonth, parseWareki } from '../domain/fiscal-year.js';
import type { AreaKind, RevisionInfo } from '../domain/vision.js';
import { cleanText, toHalfWidth } from './normalize-text.js';
import { stripHeadingMarks } from './parse-headings.js';
import type { TextLine } from './split-lines.js';

export type Preamble = {
  title: string;
  areaName: string;
  areaKind: AreaKind;
  revision: RevisionInfo | null;
  /** the chapter the projects are in (`第4章` → 4), when the preamble names it */
  chapter: number | null;
};

const AREA = /^(.+?)(連携中枢都市圏|定住自立圏)/;
const REVISION = /(?:変更|改定|改訂|策定)時?\s*[（(]\s*([^）)]+?)\s*[)）]/;

function readRevision(lines: TextLine[]): RevisionInfo | null {
  for (const line of lines) {
    const m = REVISION.exec(line.text);
    if (!m) continue;
    const label = (m[1] ?? '').trim();
    const when = parseWareki(label);
    if (when.kind === 'month' || when.kind === 'date') {
      return {
        label,
        yearMonth: `${when.year}-${String(when.month).padStart(2, '0')}`,
        fiscalYear: fiscalYearOfMonth(when.year, when.month),
      };
    }
  }
  return null;
}

const CHAPTER = /^第\s*([0-9０-９]{1,2})\s*章/;

/** The number of a chapter heading such as `## 第4章 連携協約に基づき推進する具体的取組`, else null. */
export function readChapterNumber(text: string): number | null {
  const m = CHAPTER.exec(stripHeadingMarks(text.trim()));
  return m ? Number(toHalfWidth(m[1] ?? '')) : null;
}

/** Reads the title, the 圏域 and its kind, and the revision date from the lines before the matrix. */
export function readPreamble(lines: TextLine[]): Preamble {
  const titleLine = lines.find((l) => /ビジョン/.test(l.text)) ?? lines.find((l) => l.text.trim() !== '');
  const title = cleanText(stripHeadingMarks(titleLine?.text ?? ''));
  const area = AREA.exec(title.replace(/\s+/g, ''));
  const areaName = area ? cleanText(area[1] ?? '') : title.replace(/(?:共生)?ビジョン.*$/, '');
  const areaKind: AreaKind =
    area?.[2] === '連携中枢都市圏' ? '連携中枢都市圏' : area?.[2] === '定住自立圏' ? '定住自立圏' : 'other';
  const chapter = lines.map((l) => readChapterNumber(l.text)).find((n) => n !== null) ?? null;
  return { title, areaName, areaKind, revision: readRevision(lines), chapter };
}
