import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dropPageFurniture, readPageFurniture } from './drop-page-furniture.js';
import { splitLines } from './split-lines.js';

const keptTexts = (text: string) => dropPageFurniture(splitLines(text)).map((l) => l.text);

const PREAMBLE = ['## ○○圏域連携中枢都市圏ビジョン', '## 第4章 連携協約に基づき推進する具体的取組', ''];
const MATRIX_HEADER = ['連携協約項目\t\t事業名\t連携町村', '役割\t連携施策\t\tA町\tB町'];
const ROW = '\t\t3 中小事業者ビジネスサポート事業\t○\t○';

test('page numbers in every printed form are dropped, with the line numbers of the rest kept', () => {
  const pages = ['12', '- 12 -', '― 12 ―', '12/40', '12 / 40', 'P.12', '１２'];
  const lines = dropPageFurniture(splitLines([...PREAMBLE, ...MATRIX_HEADER, ROW, ...pages, ROW].join('\n')));
  assert.deepEqual(
    lines.map((l) => l.text),
    [...PREAMBLE, ...MATRIX_HEADER, ROW, ROW],
  );
  assert.equal(lines.at(-1)?.no, PREAMBLE.length + MATRIX_HEADER.length + pages.length + 2);
});

test('the chapter title repeated as a running header is dropped; in the preamble it stays', () => {
  const kept = keptTexts(
    [...PREAMBLE, ...MATRIX_HEADER, ROW, '第4章 連携協約に基づき推進する具体的取組', ROW].join('\n'),
  );
  assert.deepEqual(kept, [...PREAMBLE, ...MATRIX_HEADER, ROW, ROW]);
});

test('the start of the document title as a running header is dropped; a short line that starts the same is kept', () => {
  const kept = keptTexts(
    [...PREAMBLE, ...MATRIX_HEADER, ROW, '○○圏域連携中枢都市圏ビジョン', ROW, '○○圏域', ROW].join('\n'),
  );
  assert.deepEqual(kept, [...PREAMBLE, ...MATRIX_HEADER, ROW, ROW, '○○圏域', ROW]);
});

test('a lone line that recurs three times is a running footer; twice it is kept', () => {
  const footer = '青森圏域連携中枢都市圏ビジョン（変更案）';
  const body = (times: number) => [...MATRIX_HEADER, ...Array.from({ length: times }, () => [ROW, footer]).flat()];
  assert.deepEqual(keptTexts(body(3).join('\n')), [...MATRIX_HEADER, ROW, ROW, ROW]);
  assert.deepEqual(keptTexts(body(2).join('\n')), body(2));
});

test('headings, the 新規 label and footnotes are kept however often they recur', () => {
  const repeated = ['(1) 生活機能の強化に係る政策分野', '新規', '※ 年度ごとの実績'];
  const body = [...MATRIX_HEADER, ...repeated, ROW, ...repeated, ROW, ...repeated, ROW];
  assert.deepEqual(keptTexts(body.join('\n')), body);
});

test('a document without a matrix or a sheet is left as it is', () => {
  assert.deepEqual(keptTexts('12\n- 3 -\n本文'), ['12', '- 3 -', '本文']);
});

test('indented lone cells are table continuations, not page layout: kept', () => {
  const body = [...MATRIX_HEADER, '\t\t\t52', '\t\t\t\t除排雪力向上連携ネットワーク形成事業\t○\t○'];
  assert.deepEqual(keptTexts([...PREAMBLE, ...body].join('\n')), [...PREAMBLE, ...body]);
});

test('a body line equal to a preamble line that is no title is kept', () => {
  const preamble = ['## ○○圏域連携中枢都市圏ビジョン', '（累計）', ''];
  const body = [...MATRIX_HEADER, ROW, '（累計）', ROW];
  assert.deepEqual(keptTexts([...preamble, ...body].join('\n')), [...preamble, ...body]);
});

test('sheet labels alone on their rows are kept however often they recur', () => {
  const labels = ['連携効果', '\t効果の本文', '連携市町村の役割分担', '\t役割', '事業費見込額（単位：千円）', '\t408'];
  const body = [...MATRIX_HEADER, ...labels.flatMap((l) => [l, l, l])];
  assert.deepEqual(keptTexts(body.join('\n')), body);
});

test('the 圏域 name or the chapter label alone, recurring, is a running footer, also beside a page number', () => {
  for (const footer of ['○○圏域', '第4章', '○○圏域　#', '# ○○圏域', '○○圏域\t#', 'P.# 第4章']) {
    const body = [...MATRIX_HEADER, ...[7, 8, 9].flatMap((page) => [ROW, footer.replace('#', String(page))])];
    assert.deepEqual(keptTexts([...PREAMBLE, ...body].join('\n')), [...PREAMBLE, ...MATRIX_HEADER, ROW, ROW, ROW]);
  }
});

test('the 圏域 name or the chapter label beside a page number is a footer on a single page too', () => {
  for (const footer of ['12 ○○圏域', '○○圏域 - 12 -', '\t\t第4章\t12']) {
    const body = [...MATRIX_HEADER, ROW, footer, ROW];
    const read = readPageFurniture(splitLines([...PREAMBLE, ...body].join('\n')));
    assert.deepEqual(
      read.lines.map((l) => l.text),
      [...PREAMBLE, ...MATRIX_HEADER, ROW, ROW],
      footer,
    );
    assert.deepEqual(read.findings, []);
  }
});

test('the 圏域 name on fewer than three pages, or indented in a table, is kept, with a finding naming its lines', () => {
  const twice = readPageFurniture(splitLines([...PREAMBLE, ...MATRIX_HEADER, ROW, '○○圏域', ROW, '○○圏域'].join('\n')));
  assert.deepEqual(
    twice.lines.map((l) => l.text),
    [...PREAMBLE, ...MATRIX_HEADER, ROW, '○○圏域', ROW, '○○圏域'],
  );
  assert.deepEqual(
    twice.findings.map((f) => [f.code, f.line, f.excerpt]),
    [['ambiguous_layout', 7, '○○圏域']],
  );
  assert.match(twice.findings[0]?.message ?? '', /7行、9行/);
  const indented = [...MATRIX_HEADER, ...[1, 2, 3].flatMap(() => [ROW, '\t\t\t○○圏域'])];
  const read = readPageFurniture(splitLines([...PREAMBLE, ...indented].join('\n')));
  assert.deepEqual(
    read.lines.map((l) => l.text),
    [...PREAMBLE, ...indented],
  );
  assert.equal(read.findings.length, 1);
});

test('a short flush-left line printed on several pages that is no title part is kept, with a finding', () => {
  const body = [...MATRIX_HEADER, ...[1, 2, 3].flatMap(() => [ROW, '企画調整課'])];
  const read = readPageFurniture(splitLines([...PREAMBLE, ...body].join('\n')));
  assert.deepEqual(
    read.lines.map((l) => l.text),
    [...PREAMBLE, ...body],
  );
  assert.deepEqual(
    read.findings.map((f) => f.excerpt),
    ['企画調整課'],
  );
});

test('the 関係市町村 value below its label is never a footer, even when it is the 圏域 name', () => {
  const sheet = (n: number) => [`事業名\t${n}\t事業${n}\t関係市町村`, '○○圏域', `内容\t○事業${n}を行う。`];
  const body = [1, 2, 3].flatMap(sheet);
  const read = readPageFurniture(splitLines([...PREAMBLE, ...body].join('\n')));
  assert.deepEqual(
    read.lines.map((l) => l.text),
    [...PREAMBLE, ...body],
  );
  assert.deepEqual(read.findings, []);
});
