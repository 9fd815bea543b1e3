import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PageGeometry, Segment, TextRun } from './page-geometry.js';
import { rebuildPageLines } from './rebuild-pdf-lines.js';

const h = (y: number, x1: number, x2: number): Segment => ({ x1, y1: y, x2, y2: y, width: 0.5 });
const v = (x: number, y1: number, y2: number): Segment => ({ x1: x, y1, x2: x, y2, width: 0.5 });
const run = (text: string, x: number, y: number, width = text.length * 9): TextRun => ({ text, x, y, width, size: 9 });

/** A table of two rows and three columns (x 0–300, y 700–660), with a paragraph above it. */
function page(runs: TextRun[], extra: Segment[] = []): PageGeometry {
  const segments = [
    h(700, 0, 300),
    h(680, 0, 300),
    h(660, 0, 300),
    v(0, 660, 700),
    v(100, 660, 700),
    v(200, 660, 700),
    v(300, 660, 700),
    ...extra,
  ];
  return { page: 3, runs, segments, spacesDrawn: true };
}

test('a band between rules that verticals cross is a row; each gap between verticals a cell, empty or not', () => {
  const lines = rebuildPageLines(page([run('事業名', 2, 686), run('懇談会', 202, 686), run('計', 102, 666)]));
  assert.deepEqual(
    lines.map((l) => l.cells),
    [
      ['事業名', '', '懇談会'],
      ['', '計', ''],
    ],
  );
  assert.ok(lines.every((l) => l.page === 3));
});

test('a wrapped cell is one cell: no space at a break next to Japanese text', () => {
  const lines = rebuildPageLines(page([run('圏域全体の', 2, 690), run('けん引', 2, 682), run('○', 102, 686)]));
  assert.deepEqual(lines[0]?.cells, ['圏域全体のけん引', '○', '']);
});

test('a short stroke just under a baseline is an underline, not a rule', () => {
  const lines = rebuildPageLines(page([run('36', 2, 686), run('新事業', 102, 686)], [h(684.9, 102, 129)]));
  assert.deepEqual(lines[0]?.cells, ['36', '<u>新事業</u>', '']);
});

test('paragraph lines: a gap of a line makes a blank line; a line that runs to the margin wraps into the next', () => {
  const lines = rebuildPageLines(
    page([
      run('第4章', 0, 780, 27),
      run('※長い注記は右端まで続いて', 0, 750, 300),
      run('次の行に折り返す', 0, 737, 72),
      run('表の上の段落', 0, 710, 54),
    ]),
  );
  assert.deepEqual(
    lines.map((l) => l.cells.join('|')),
    ['第4章', '', '※長い注記は右端まで続いて次の行に折り返す', '', '表の上の段落', '', '', ''].slice(0, lines.length),
  );
});
