/**
 * The cases the extraction-noise rules left open (issue 10, item 4): short running footers, a second KPI table with
 * its own target year, and a content line printed above its 内容 label. Each is closed by a rule where one cannot
 * misread a document of this family; where none exists the importer keeps its reading and says so with an
 * `ambiguous_layout` finding that names the lines.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Finding } from '../../src/domain/vision.js';
import { parseDocument } from '../../src/import/parse-document.js';
import { readRepoText } from '../helpers/read-fixture.js';
import { projectsOf, seedLines, seedText, seedVariant, sheetStartOf } from '../helpers/seed-variant.js';

const expected = projectsOf(seedText);
const ambiguous = (text: string): Finding[] =>
  parseDocument(text).findings.filter((f) => f.code === 'ambiguous_layout');

const isContent = (line: string) => line.startsWith('内容\t');
const isKpiHeader = (line: string) => line.startsWith('成果指標\t');
const isPartnersRole = (line: string) => line.startsWith('\t連携町村\t');
const afterKpiHeader = (_line: string, i: number) => isKpiHeader(seedLines[i - 1] ?? '');

test('the seed and every importer fixture read without an ambiguous_layout finding', () => {
  assert.deepEqual(ambiguous(seedText), []);
  for (const name of ['noisy-revision', 'other-area-seven-partners', 'seed-aomori-r4-03', 'teiju-split-matrix']) {
    assert.deepEqual(ambiguous(readRepoText(`test/fixtures/import/${name}.txt`)), [], name);
  }
});

// (a) short running footers

// `#` stands for the page number, which changes from page to page
for (const footer of [
  '青森圏域',
  '第4章',
  '青森圏域　#',
  '青森圏域 - # -',
  '青森圏域\t#',
  '#\t青森圏域',
  'P.# 第4章',
]) {
  test(`a short running footer ${JSON.stringify(footer)} on every page changes nothing`, () => {
    for (const where of [isContent, afterKpiHeader, isPartnersRole]) {
      const text = seedVariant(where, (l, i) => [l, footer.replace('#', String(i))]);
      assert.deepEqual(projectsOf(text), expected);
      assert.deepEqual(ambiguous(text), []);
    }
  });
}

test('the page number before the 圏域 name is no role heading: 12 青森圏域 on any page changes nothing', () => {
  const twoPages = [sheetStartOf(1) + 1, sheetStartOf(30) + 1];
  const text = seedVariant(
    (_l, i) => twoPages.includes(i),
    (l, i) => [l, `${i} 青森圏域`],
  );
  assert.deepEqual(projectsOf(text), expected);
  assert.deepEqual(ambiguous(text), []);
  assert.deepEqual(projectsOf(seedVariant(isContent, (l, i) => [l, `${i} 青森圏域`])), expected);
  const fullWidth = (n: number) => String(n).replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
  assert.deepEqual(projectsOf(seedVariant(afterKpiHeader, (l, i) => [l, `${fullWidth(i)}　青森圏域`])), expected);
});

test('the 圏域 name printed on fewer than three pages is kept as text, with a finding naming its lines', () => {
  const pages = [sheetStartOf(1) + 1, sheetStartOf(2) + 1];
  const text = seedVariant(
    (_l, i) => pages.includes(i),
    (l) => [l, '青森圏域'],
  );
  const findings = ambiguous(text);
  assert.equal(findings.length, 1);
  const lines = text.split('\n').flatMap((l, i) => (l === '青森圏域' ? [i + 1] : []));
  assert.equal(findings[0]?.line, lines[0]);
  assert.equal(findings[0]?.excerpt, '青森圏域');
  for (const no of lines) assert.match(findings[0]?.message ?? '', new RegExp(`${no}行`));
  assert.match(projectsOf(text)[0]?.content.at(-1) ?? '', /青森圏域$/);
});

test('a short line that is no part of the title, repeated on every page, is kept with a finding', () => {
  const text = seedVariant(isContent, (l) => [l, '企画調整課']);
  const findings = ambiguous(text);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]?.excerpt, '企画調整課');
  assert.equal(findings[0]?.severity, 'warning');
});

test('the 圏域 name alone in a table cell (indented) is no footer: kept, with a finding', () => {
  const text = seedVariant(isContent, (l) => [l, '\t\t\t青森圏域']);
  assert.equal(ambiguous(text).length, 1);
});

// (b) a second KPI table with its own target year

/** The seed's sheet 4 with `lines` inserted after its first KPI row (it has two). */
function sheet4With(lines: string[]): string {
  const firstRow = seedLines.findIndex((l, i) => i > sheetStartOf(4) && isKpiHeader(l)) + 1;
  return seedVariant(
    (_l, i) => i === firstRow,
    (l) => [l, ...lines],
  );
}

function withSecondTarget(year: number | null) {
  return expected.map((p) =>
    p.number !== 4
      ? p
      : { ...p, kpis: p.kpis.map((k, i) => (i === 1 ? { ...k, target: { ...k.target, fiscalYear: year } } : k)) },
  );
}

test('a second KPI table with its own target year gives its rows that year; the first table keeps its own', () => {
  const text = sheet4With(['成果指標\t指標\t\t現状値（調査時点）\t\t目標値（令和8年度）\t']);
  assert.deepEqual(projectsOf(text), withSecondTarget(2026));
  assert.deepEqual(ambiguous(text), []);
  assert.equal(parseDocument(text).vision.plan.targetFiscalYear, 2024);
});

test('a second KPI table with other columns (no 指標 cell) is read by its own header', () => {
  const second = sheet4With(['成果指標\t現状値\t目標値（令和8年度）']);
  const row = seedLines.findIndex((l, i) => i > sheetStartOf(4) && isKpiHeader(l)) + 3;
  const shifted = second
    .split('\n')
    .map((l, i) =>
      i === row
        ? l
            .split('\t')
            .filter((c, k) => k === 0 || c !== '')
            .join('\t')
        : l,
    )
    .join('\n');
  assert.deepEqual(projectsOf(shifted), withSecondTarget(2026));
});

test('the same KPI header repeated after a page break inside the table changes nothing', () => {
  const header = seedLines.find(isKpiHeader) ?? '';
  assert.deepEqual(projectsOf(sheet4With(['', header])), expected);
});

test('a second KPI header without a target year: its rows get none (the plan year applies), with a finding', () => {
  const text = sheet4With(['成果指標\t指標\t\t現状値（調査時点）\t\t目標値\t']);
  assert.deepEqual(projectsOf(text), withSecondTarget(null));
  const findings = ambiguous(text);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]?.project, 4);
  assert.equal(findings[0]?.line, seedLines.findIndex((l, i) => i > sheetStartOf(4) && isKpiHeader(l)) + 3);
});

// (c) a content line printed above its 内容 label

/** Each 内容 line cut in two, the first part printed on the line above the label (`indent` before it). */
function contentAbove(indent: string, parts = 2) {
  return seedVariant(isContent, (l) => {
    const [first = '', ...rest] = l.slice('内容\t'.length).split('\t');
    let size = Math.min(12, Math.floor(first.length / (parts + 1)));
    // a PDF line break before a footnote marker leaves a space the text rules keep: cut elsewhere
    while (/[*＊※]/.test(first.slice(size, (parts - 1) * size + 1))) size--;
    const above = Array.from({ length: parts - 1 }, (_, k) => `${indent}${first.slice(k * size, (k + 1) * size)}`);
    return [...above, ['内容', first.slice((parts - 1) * size), ...rest].join('\t')];
  });
}

test('a content line above its 内容 label, indented or flush left, starts the content', () => {
  assert.deepEqual(projectsOf(contentAbove('\t')), expected);
  assert.deepEqual(projectsOf(contentAbove('')), expected);
  assert.deepEqual(projectsOf(contentAbove('\t', 3)), expected);
  assert.deepEqual(ambiguous(contentAbove('\t', 3)), []);
});

test('short text without a bullet above 内容 stays the name (as before); without the matrix to confirm it, a finding', () => {
  const sheet1 = sheetStartOf(1);
  const text = seedVariant(
    (_l, i) => i === sheet1,
    () => ['事業名\t1\t連携中枢都市圏ビジョン\t関係市町村\t全市町村', '懇談会の運営'],
  );
  assert.deepEqual(projectsOf(text), expected);
  // the matrix prints the same name: the reading is confirmed
  assert.deepEqual(ambiguous(text), []);
  const sheetsOnly = text
    .split('\n')
    .slice(seedLines.findIndex((l) => l.startsWith('## 1 ')))
    .join('\n');
  const findings = ambiguous(sheetsOnly);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]?.project, 1);
  assert.equal(findings[0]?.excerpt, '懇談会の運営');
});

test('a first content line without a bullet above 内容 is read as the name, and the finding says the matrix disagrees', () => {
  const sheet1 = sheetStartOf(1);
  const text = seedVariant(
    (_l, i) => i === sheet1 || i === sheet1 + 1,
    (l) => (l.startsWith('事業名') ? [l, '具体的取組の推進のため、'] : l.replace('○具体的取組の推進のため、', '')),
  );
  assert.match(projectsOf(text)[0]?.name ?? '', /具体的取組の推進のため、$/);
  const findings = ambiguous(text);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]?.line, sheet1 + 2);
  assert.match(findings[0]?.message ?? '', /この行を除いた名前と一致します/);
});

test('an unlabelled line before a sheet whose first label is not 内容 is not dropped silently', () => {
  const content1 = seedLines.findIndex((l, i) => i > sheetStartOf(1) && isContent(l));
  const text = seedVariant(
    (_l, i) => i === content1,
    (l) => `\t${l.slice('内容\t'.length)}`,
  );
  const findings = ambiguous(text);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]?.line, content1 + 1);
});

test('a line above 内容 that is no bullet or sentence (a long list remainder) is not taken for content: a finding', () => {
  const sheet1 = sheetStartOf(1);
  const rest = '今別町、蓬田村、外ヶ浜町、今別町、蓬田村、外ヶ浜町、今別町、蓬田村、外ヶ浜町';
  const text = seedVariant(
    (_l, i) => i === sheet1,
    () => ['事業名\t1\t連携中枢都市圏ビジョン懇談会の運営\t関係市町村\t青森市、平内町、', rest],
  );
  assert.deepEqual(projectsOf(text)[0]?.content, expected[0]?.content);
  const findings = ambiguous(text);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]?.line, sheet1 + 2);
  assert.equal(findings[0]?.excerpt, rest);
});
