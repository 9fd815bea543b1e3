import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildFinding } from '../../test/helpers/build-vision.js';
import { displayWidth } from './display-width.js';
import { formatFindingsTable } from './format-findings-table.js';

test('columns line up in a terminal, counting Japanese characters as two columns', () => {
  const table = formatFindingsTable([
    buildFinding({ severity: 'error', code: 'missing_sheet', line: 7, project: 12, message: 'シートがありません' }),
    buildFinding({ severity: 'warning', code: 'name_mismatch', line: 612, project: null, message: '名前が違います' }),
  ]);
  const lines = table.split('\n').filter((line) => !line.startsWith(' '));
  assert.equal(lines.length, 5);
  const messageColumn = (line: string, message: string) => displayWidth(line.slice(0, line.indexOf(message)));
  assert.equal(messageColumn(lines[0] as string, '内容'), messageColumn(lines[1] as string, 'シート'));
  assert.equal(messageColumn(lines[1] as string, 'シート'), messageColumn(lines[2] as string, '名前'));
  assert.match(lines[2] as string, /^警告\s+name_mismatch\s+612\s+-\s+名前が違います$/);
  assert.equal(lines[3], 'エラー 1 件、警告 1 件、情報 0 件');
});

test('under a finding: the places in words and both texts that differ (the matrix line, the sheet of project N)', () => {
  const table = formatFindingsTable([
    buildFinding({
      severity: 'warning',
      code: 'name_mismatch',
      line: 612,
      project: 47,
      message: '事業名が表（65行）と事業シートで異なります',
      excerpt: '表: あおもり新しい働き方 ／ 事業シート: あおり新しい働き方',
    }),
  ]);
  const lines = table.split('\n');
  assert.match(lines[1] as string, /事業名が連携協約項目の表（65行目）と事業シートで異なります$/);
  assert.equal(
    (lines[2] as string).trim(),
    '場所: 連携協約項目の表（65行目） ／ 事業47の事業シートの事業名（612行目）',
  );
  assert.equal((lines[3] as string).trim(), '連携協約項目の表: あおもり新しい働き方');
  assert.equal((lines[4] as string).trim(), '事業47の事業シート: あおり新しい働き方');
});

test('no findings', () => {
  assert.equal(formatFindingsTable([]), '所見はありません。\n');
});

test("a PDF's findings name their page", () => {
  const table = formatFindingsTable([
    { ...buildFinding({ code: 'name_mismatch', line: 61, project: 36, message: '事業名が違います' }), page: 3 },
    buildFinding({ code: 'unreadable_document', line: null, project: null, message: '読めません' }),
  ]);
  // the finding lines (the indented lines under one say where, in words)
  const [header, first, second] = table.split('\n').filter((line) => !line.startsWith(' '));
  assert.match(header as string, /^種別\s+コード\s+行\s+ページ\s+事業\s+内容$/);
  assert.match(first as string, /name_mismatch\s+61\s+3\s+36\s+事業名が違います$/);
  assert.match(second as string, /unreadable_document\s+-\s+-\s+-\s+読めません$/);
});
