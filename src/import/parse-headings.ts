import { cleanText, stripTags, toHalfWidth } from './normalize-text.js';

/** A heading of the structure as printed: 役割 `1 …`, 連携施策 `(1) …`, sub-field `①…`, with a declared count. */
export type Heading = {
  level: 'role' | 'policyArea' | 'subField';
  no: number;
  title: string;
  declaredCount: number | null;
};

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳㉑㉒㉓㉔㉕㉖㉗㉘㉙㉚';
const DECLARED_COUNT = /\s*[（(]\s*([0-9０-９]+)\s*事業\s*[)）]\s*$/;
// `1圏域…` without a space is a heading too, but not `12月に…`: a counter after the number is a quantity
const ROLE =
  /^([0-9０-９]{1,2})\s*[.．]?\s+(\S.*)$|^([0-9０-９]{1,2})([^\s0-9０-９.．,，、)）月年日回件人名%％円万千百時分歳か箇ヶ/／].*)$/;
const POLICY = /^[（(]\s*([0-9０-９]{1,2})\s*[)）]\s*(.*)$/;
const SUB_FIELD = new RegExp(`^([${CIRCLED}])\\s*(.*)$`);

function splitDeclaredCount(rest: string): { title: string; declaredCount: number | null } {
  const m = DECLARED_COUNT.exec(rest);
  if (!m) return { title: cleanText(rest), declaredCount: null };
  return { title: cleanText(rest.slice(0, m.index)), declaredCount: Number(toHalfWidth(m[1] ?? '')) };
}

const NEW_LABEL = /^[【［[〔<＜]?\s*新\s*規\s*(?:事業)?\s*[】］\]〕>＞]?$/;

/** The 新規 label printed before (or on) a new project's sheet: `新規`, `【新規】`, `<u>新規</u>`, `新規事業`… */
export function isNewLabel(text: string): boolean {
  return NEW_LABEL.test(stripTags(stripHeadingMarks(text)).trim());
}

/** Strips the Markdown `#` an extraction may put before a heading. */
export function stripHeadingMarks(text: string): string {
  return text.replace(/^#{1,6}\s+/, '').trim();
}

/**
 * Reads a policy-area or sub-field heading cell. Role headings are read by {@link parseRoleHeading}
 * because `1 text` is also how a project cell may be printed.
 * @example parseSectionHeading('(2) 高等教育・研究開発の環境整備(1 事業)') // { level: 'policyArea', no: 2, … }
 */
export function parseSectionHeading(cell: string): Heading | undefined {
  const text = stripHeadingMarks(cell);
  const policy = POLICY.exec(text);
  if (policy && (policy[2] ?? '').trim() !== '') {
    return { level: 'policyArea', no: Number(toHalfWidth(policy[1] ?? '')), ...splitDeclaredCount(policy[2] ?? '') };
  }
  const sub = SUB_FIELD.exec(text);
  if (sub && (sub[2] ?? '').trim() !== '') {
    return { level: 'subField', no: CIRCLED.indexOf(sub[1] ?? '') + 1, ...splitDeclaredCount(sub[2] ?? '') };
  }
  return undefined;
}

/** Reads `1 圏域全体の経済成長のけん引（17事業）` as a role heading. */
export function parseRoleHeading(cell: string): Heading | undefined {
  const text = stripHeadingMarks(cell);
  const m = ROLE.exec(text);
  if (!m) return undefined;
  const no = Number(toHalfWidth(m[1] ?? m[3] ?? ''));
  const rest = m[2] ?? m[4] ?? '';
  if (rest.trim() === '') return undefined;
  return { level: 'role', no, ...splitDeclaredCount(rest) };
}

/** True when the cell ends with a declared count such as `（17事業）`. */
export function hasDeclaredCount(cell: string): boolean {
  return DECLARED_COUNT.test(cell);
}
