import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildFinding } from '../../test/helpers/build-vision.js';
import { describeFinding } from './describe-finding.js';

test('a heading that differs: the matrix line and the sheet in words, both headings, no 「表（13行）」', () => {
  const d = describeFinding(
    buildFinding({
      code: 'heading_mismatch',
      project: 1,
      line: 80,
      message: '役割1の連携施策(1)の見出しが連携協約項目の表（13行）と事業シートで異なります',
      excerpt: '表: 1 推進体制の整備 ／ 事業シート: 1 経済戦略の策定',
    }),
  );
  assert.equal(d.message, '役割1の連携施策(1)の見出しが連携協約項目の表（13行目）と事業シートで異なります');
  assert.deepEqual(d.places, ['連携協約項目の表（13行目）', '事業1の事業シートの連携施策の見出し（80行目）']);
  assert.deepEqual(d.texts, [
    { label: '連携協約項目の表', text: '1 推進体制の整備' },
    { label: '事業1の事業シート', text: '1 経済戦略の策定' },
  ]);
});

test('participants that differ: the ○ of the matrix row against the 関係市町村 cell of the sheet', () => {
  const d = describeFinding(
    buildFinding({
      code: 'participants_mismatch',
      project: 12,
      line: 40,
      excerpt: null,
      message: '表の○（平内町・今別町）と関係市町村「青森市、平内町」が一致しません',
    }),
  );
  assert.deepEqual(d.places, ['連携協約項目の表（40行目）', '事業12の事業シートの関係市町村の欄']);
  assert.deepEqual(d.texts, [
    { label: '連携協約項目の表の○', text: '平内町・今別町' },
    { label: '事業12の事業シートの関係市町村の欄', text: '青森市、平内町' },
  ]);
});

test('an unknown municipality: the 関係市町村 cell as printed; a finding of the whole document: its line', () => {
  const unknown = describeFinding(
    buildFinding({ code: 'unknown_municipality', project: 3, line: 70, excerpt: '青森市、むつ市', message: 'x' }),
  );
  assert.deepEqual(unknown.places, ['事業3の事業シートの関係市町村の欄（70行目）']);
  assert.deepEqual(unknown.texts, [{ label: '関係市町村の欄', text: '青森市、むつ市' }]);
  const whole = describeFinding(
    buildFinding({ code: 'unreadable_cell', project: null, line: 5, excerpt: null, message: '読めません' }),
  );
  assert.deepEqual(whole.places, ['文書（5行目）']);
  assert.deepEqual(whole.texts, []);
});
