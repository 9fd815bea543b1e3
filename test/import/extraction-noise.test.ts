/**
 * The seed with one kind of extraction noise at a time must give the same projects: the importer reads through page
 * layout and PDF artifacts. (Line numbers in `source` move with inserted lines and are left out of the comparison.)
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDocument } from '../../src/import/parse-document.js';
import { readRepoText, SEED_DOCUMENT } from '../helpers/read-fixture.js';

const seed = readRepoText(SEED_DOCUMENT);
const seedLines = seed.split('\n');

function projectsOf(text: string) {
  return parseDocument(text).vision.projects.map(({ source: _source, ...rest }) => rest);
}
const expected = projectsOf(seed);

/** The seed with `edit` applied to every line `select` picks (returning an array inserts lines). */
function variant(select: (line: string, index: number) => boolean, edit: (line: string) => string | string[]) {
  let edited = 0;
  const lines = seedLines.flatMap((line, i) => {
    if (!select(line, i)) return [line];
    edited++;
    return edit(line);
  });
  assert.ok(edited > 0, 'the variant changes the seed');
  return lines.join('\n');
}

const isKpiHeader = (line: string) => line.startsWith('成果指標\t');
const isBudgetValues = (_line: string, i: number) => (seedLines[i - 1] ?? '').startsWith('事業費見込額');
const isContent = (line: string) => line.startsWith('内容\t');

test('a blank line inside the KPI table (a page break) keeps every KPI', () => {
  assert.deepEqual(projectsOf(variant(isKpiHeader, (l) => [l, ''])), expected);
  // and between two KPI rows: after the first row of every multi-KPI table
  const afterFirstRow = (_l: string, i: number) => isKpiHeader(seedLines[i - 1] ?? '');
  assert.deepEqual(projectsOf(variant(afterFirstRow, (l) => [l, ''])), expected);
});

for (const page of ['12/40', '― 12 ―', '– 12 –', 'P.12', '- 12/40 -']) {
  test(`a page number printed as ${page} between rows changes nothing`, () => {
    assert.deepEqual(projectsOf(variant(isBudgetValues, (l) => [l, page])), expected);
    assert.deepEqual(projectsOf(variant(isContent, (l) => [l, page])), expected);
    const matrixRow = (l: string) => /^\t\t[0-9]+ /.test(l);
    assert.deepEqual(projectsOf(variant(matrixRow, (l) => [l, page])), expected);
  });
}

test('the chapter title repeated as a running header on every page changes nothing', () => {
  const header = '第4章 連携協約に基づき推進する具体的取組';
  assert.deepEqual(projectsOf(variant(isContent, (l) => [l, header])), expected);
  assert.deepEqual(projectsOf(variant(isKpiHeader, (l) => [header, l])), expected);
  const matrixHeader = (l: string) => l.startsWith('役割\t');
  assert.deepEqual(projectsOf(variant(matrixHeader, (l) => [l, header])), expected);
});

test('cells wrapped whole in <p>…</p> read as the cells', () => {
  const wrap = (l: string) =>
    l
      .split('\t')
      .map((c) => (c === '' ? c : `<p>${c}</p>`))
      .join('\t');
  const budgetOrHeader = (l: string, i: number) => l.startsWith('事業費見込額') || isBudgetValues(l, i);
  assert.deepEqual(projectsOf(variant(budgetOrHeader, wrap)), expected);
  assert.deepEqual(projectsOf(variant(isKpiHeader, wrap)), expected);
  assert.deepEqual(projectsOf(variant((l) => l.startsWith('事業名\t'), wrap)), expected);
});

test('a space inside the 目標値 label keeps the target year', () => {
  assert.deepEqual(projectsOf(variant(isKpiHeader, (l) => l.replace('目標値', '目標 値'))), expected);
});

test('a no-break space the PDF put inside a name is a line-break space like any other', () => {
  const name = (l: string) => l.startsWith('事業名\t1\t');
  assert.deepEqual(projectsOf(variant(name, (l) => l.replace('ビジョン懇談会', 'ビジョン\u00a0懇談会'))), expected);
});

test('the 新規 label underlined, and a note whose ※ is a superscript, read as plain', () => {
  assert.deepEqual(
    projectsOf(
      variant(
        (l) => l.trim() === '新規',
        (l) => l.replace('新規', '<u>新規</u>'),
      ),
    ),
    expected,
  );
  const note = (l: string) => l.startsWith('※') && !seedLines.slice(0, 12).includes(l);
  assert.deepEqual(projectsOf(variant(note, (l) => l.replace('※', '<sup>※</sup>'))), expected);
});

test('a budget table whose years are printed without 度 reads the same amounts', () => {
  const header = (l: string) => l.startsWith('事業費見込額');
  assert.deepEqual(projectsOf(variant(header, (l) => l.replace(/(\d{4})年度/g, '$1年'))), expected);
});

test('a content line that goes on and starts a new ○ bullet keeps the bullets apart', () => {
  const contentWithTwo = (l: string) => isContent(l) && /。\s*<\/p>\s*<p>○/.test(l);
  const split = (l: string) => {
    const at = l.indexOf('<p>○', l.indexOf('<p>○') + 1);
    return [l.slice(0, l.lastIndexOf('。', at) - 2), `\t${l.slice(l.lastIndexOf('。', at) - 2)}`];
  };
  assert.deepEqual(projectsOf(variant(contentWithTwo, split)), expected);
});

test('the matrix header naming 外ケ浜町 keeps the official 外ヶ浜町', () => {
  const header = (l: string) => l.startsWith('役割\t');
  const v = parseDocument(variant(header, (l) => l.replace('外ヶ浜町', '外ケ浜町'))).vision;
  assert.deepEqual(
    v.area.municipalities.map((m) => m.name),
    parseDocument(seed).vision.area.municipalities.map((m) => m.name),
  );
});

test('a sheet header whose name or 関係市町村 runs onto the next line', () => {
  const first = (l: string) => l.startsWith('事業名\t1\t');
  const nameGoesOn = (l: string) => {
    const cells = l.split('\t');
    const name = cells[2] ?? '';
    return [[cells[0], cells[1], name.slice(0, 5), ...cells.slice(3)].join('\t'), `\t\t${name.slice(5)}`];
  };
  assert.deepEqual(projectsOf(variant(first, nameGoesOn)), expected);
  const relatedBelow = (l: string) => {
    const at = l.indexOf('関係市町村') + '関係市町村'.length;
    return [l.slice(0, at), `\t${l.slice(at).replace(/^\t/, '')}`];
  };
  assert.deepEqual(projectsOf(variant(first, relatedBelow)), expected);
});

// Lines that look like page layout but are data: they must be kept where they belong.

test('a label alone on its row above its text, on every sheet, is not a running header', () => {
  const effect = (l: string) => l.startsWith('連携効果\t');
  assert.deepEqual(projectsOf(variant(effect, (l) => ['連携効果', `\t${l.slice('連携効果\t'.length)}`])), expected);
});

test('the 関係市町村 value below its label on every sheet is not a running footer', () => {
  const header = (l: string) => l.startsWith('事業名\t') && l.includes('関係市町村\t');
  const below = (l: string) => {
    const at = l.indexOf('関係市町村') + '関係市町村'.length;
    return [l.slice(0, at), `\t${l.slice(at + 1)}`];
  };
  assert.deepEqual(projectsOf(variant(header, below)), expected);
});

test('a matrix name wrapping its last word, and a project number alone on its matrix line, stay in their row', () => {
  const rows = ['\t\t\t20\t', '\t\t\t24\t', '\t\t\t26\t'];
  const wrapped = variant(
    (l) => rows.some((r) => l.startsWith(r)),
    (l) => [l.replace('事業\t○', '\t○'), '\t\t\t\t事業'],
  );
  assert.deepEqual(projectsOf(wrapped), expected);
  const alone = variant(
    (l) => l.startsWith('\t\t\t52\t'),
    (l) => ['\t\t\t52', `\t\t\t${l.slice('\t\t\t52'.length)}`],
  );
  assert.deepEqual(projectsOf(alone), expected);
});

test('an indicator continued by an indented （累計） on three sheets keeps it', () => {
  const firstKpiRow = (_l: string, i: number) => [4, 5, 8].some((n) => i === kpiRowOf(n));
  const v = parseDocument(variant(firstKpiRow, (l) => [l, '\t（累計）'])).vision;
  for (const n of [4, 5, 8])
    assert.match(v.projects.find((p) => p.number === n)?.kpis[0]?.indicator ?? '', /（累計）$/);
});

test('text after the last KPI table (a remark, the next chapter) is not taken into the table', () => {
  const withRemark = `${seed}\n\n（注）合同研修は青森市が主催する。\n\n## 第5章 ビジョンの期間\n\n本ビジョンの期間は5年間とする。\n`;
  assert.deepEqual(projectsOf(withRemark), expected);
});

test('a 新規 cell on the 事業名 line, underlined, still opens the sheet', () => {
  const sheet55 = seedLines.findIndex((l) => l.startsWith('事業名\t55\t'));
  const label = seedLines.lastIndexOf('新規', sheet55);
  const text = variant(
    (_l, i) => i === label || i === sheet55,
    (l) => (l === '新規' ? [] : l.replace('事業名\t55', '事業名\t<u>新規</u>\t55')),
  );
  assert.deepEqual(projectsOf(text), expected);
});

test('a name and a 関係市町村 value both continued on the next line go each to its own field', () => {
  const first = (l: string) => l.startsWith('事業名\t1\t');
  const split = () => ['事業名\t1\t連携中枢都市圏ビジョン\t関係市町村\t\t', '\t\t懇談会の運営\t\t全市町村\t\t'];
  assert.deepEqual(projectsOf(variant(first, split)), expected);
});

test('an unlabelled first content line is not taken for the rest of the name', () => {
  const content53 = seedLines.findIndex((l, i) => isContent(l) && seedLines[i - 1]?.startsWith('事業名\t53\t'));
  const text = variant(
    (_l, i) => i === content53,
    () => ['\t・圏域職員の資質向上', '内容\t・人事交流の促進'],
  );
  assert.equal(parseDocument(text).vision.projects.find((p) => p.number === 53)?.name, '職員人事交流');
});

/** The index of the first KPI row of sheet `n` (the line after its 成果指標 header). */
function kpiRowOf(n: number): number {
  const sheet = seedLines.findIndex((l) => l.startsWith(`事業名\t${n}\t`));
  return seedLines.findIndex((l, i) => i > sheet && isKpiHeader(l)) + 1;
}

test('the title as a running footer, indented or with the page number beside it, changes nothing', () => {
  const effect = (l: string) => l.startsWith('連携効果\t');
  const title = '青森圏域連携中枢都市圏ビジョン';
  assert.deepEqual(projectsOf(variant(effect, (l) => [l, `\t\t\t${title}`])), expected);
  assert.deepEqual(projectsOf(variant(effect, (l) => [l, `${title}\u300012`])), expected);
  assert.deepEqual(projectsOf(variant(isKpiHeader, (l) => [`12\t${title}`, l])), expected);
});

test('a line printed flush left at a page break inside a KPI table does not cut off the rows after it', () => {
  const afterFirstRow = (_l: string, i: number) => isKpiHeader(seedLines[i - 1] ?? '');
  const v = parseDocument(variant(afterFirstRow, (l) => [l, '', '（続き）', ''])).vision;
  assert.deepEqual(
    v.projects.map((p) => p.kpis.length),
    expected.map((p) => p.kpis.length),
  );
});

test('the next chapter printed right after the last KPI row ends the sheet', () => {
  assert.deepEqual(projectsOf(`${seed}\n## 第5章 ビジョンの期間\n本ビジョンの期間は5年間とする。\n`), expected);
});

test('a header continued flush left: the name above a labelled line, a 関係市町村 list after its 、', () => {
  const first = (l: string) => l.startsWith('事業名\t1\t');
  const nameGoesOn = () => ['事業名\t1\t連携中枢都市圏ビジョン\t関係市町村\t全市町村', '懇談会の運営'];
  assert.deepEqual(projectsOf(variant(first, nameGoesOn)), expected);
  const listGoesOn = () => [
    '事業名\t1\t連携中枢都市圏ビジョン懇談会の運営\t関係市町村\t青森市、平内町、今別町、',
    '蓬田村、外ヶ浜町',
  ];
  const v = parseDocument(variant(first, listGoesOn)).vision;
  assert.equal(v.projects[0]?.relatedMunicipalities, '青森市、平内町、今別町、蓬田村、外ヶ浜町');
  assert.equal(v.projects[0]?.name, expected[0]?.name);
});

test('a 関係市町村 value printed flush left below its label on every sheet is read on every sheet', () => {
  const header = (l: string) => l.startsWith('事業名\t') && l.includes('関係市町村\t全市町村');
  const list = '青森市、平内町、今別町、蓬田村、外ヶ浜町';
  const v = parseDocument(variant(header, (l) => [l.slice(0, l.indexOf('関係市町村') + 5), list])).vision;
  assert.ok(v.projects.length > 3);
  for (const p of v.projects.filter(
    (p) => expected.find((e) => e.number === p.number)?.relatedMunicipalities === '全市町村',
  )) {
    assert.equal(p.relatedMunicipalities, list, `project ${p.number}`);
  }
});

test('without a matrix, the 新規 cell on the 事業名 line marks the project new', () => {
  const sheetsOnly = seedLines.slice(seedLines.findIndex((l) => l.startsWith('## 1 '))).join('\n');
  const newOnes = parseDocument(sheetsOnly)
    .vision.projects.filter((p) => p.isNew)
    .map((p) => p.number);
  assert.ok(newOnes.includes(55));
  const sheet55 = seedLines.findIndex((l) => l.startsWith('事業名\t55\t'));
  const label = seedLines.lastIndexOf('新規', sheet55);
  const onNameLine = variant(
    (_l, i) => i >= seedLines.findIndex((l) => l.startsWith('## 1 ')) && (i === label || i === sheet55),
    (l) => (l === '新規' ? [] : l.replace('事業名\t55', '事業名\t新規\t55')),
  );
  const sheetsOnlyVariant = onNameLine
    .split('\n')
    .slice(seedLines.findIndex((l) => l.startsWith('## 1 ')))
    .join('\n');
  assert.equal(parseDocument(sheetsOnlyVariant).vision.projects.find((p) => p.number === 55)?.isNew, true);
});

test('an indented page number inside a sheet is dropped', () => {
  assert.deepEqual(projectsOf(variant(isContent, (l) => [l, '\t\t12'])), expected);
});
