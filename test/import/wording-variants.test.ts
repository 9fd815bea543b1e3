import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Vision } from '../../src/domain/vision.js';
import { parseDocument } from '../../src/import/parse-document.js';
import { readRepoText, SEED_DOCUMENT } from '../helpers/read-fixture.js';

// Any 圏域's wording: the seed rewritten with each label, year and unit variant other visions print must give the
// same data, field by field. Each variant rewrites only what it names.
const seed = readRepoText(SEED_DOCUMENT);
const expected = parseDocument(seed).vision;

/** Rewrites the cell `from` (a whole tab-separated cell, on lines whose first filled cell matches `where`). */
function relabel(text: string, from: string, to: string, where: RegExp = /.*/): string {
  return text
    .split('\n')
    .map((line) => {
      if (!where.test(line)) return line;
      return line
        .split('\t')
        .map((c) => (c.replace(/\s+/g, '') === from ? to : c))
        .join('\t');
    })
    .join('\n');
}

/** Fiscal years in the budget header and the KPI target year, written the 和暦 way. */
function reiwaYears(text: string, style: (reiwa: number) => string): string {
  return text
    .split('\n')
    .map((line) => {
      if (/^事業費/.test(line)) return line.replace(/(20\d\d)年度/g, (_, y) => style(Number(y) - 2018));
      return line.replace(/目標値（\s*(20\d\d)\s*年度）/g, (_, y) => `目標値（${style(Number(y) - 2018)}）`);
    })
    .join('\n');
}

/** Every budget amount in 円 (×1000) and the unit label saying so. */
function inYen(text: string): string {
  const lines = text.split('\n');
  return lines
    .map((line, i) => {
      if (/^事業費見込額/.test(line)) return line.replace('単位：千円', '単位：円');
      if (!/^事業費見込額/.test(lines[i - 1] ?? '')) return line;
      return line.replace(/(?<=^|\t)(\d{1,3}(?:,\d{3})*)(?=\t|$)/g, (n) =>
        (Number(n.replace(/,/g, '')) * 1000).toLocaleString('en-US'),
      );
    })
    .join('\n');
}

/** The partners' row of each role table as one row per partner town, each with the partners' text. */
function rowPerTown(text: string, towns: readonly string[]): string {
  return text
    .split('\n')
    .flatMap((line) => {
      const m = /^\t連携町村\t(.*)$/.exec(line);
      return m ? towns.map((town) => `\t${town}\t${m[1]}`) : [line];
    })
    .join('\n');
}

const towns = expected.area.municipalities.filter((m) => !m.isCentralCity).map((m) => m.name);
const SHEET_HEADER = /^事業名\t/;

const VARIANTS: Record<string, (text: string) => string> = {
  '関係市町村 → 連携市町村': (t) => relabel(t, '関係市町村', '連携市町村', SHEET_HEADER),
  '関係市町村 → 対象市町村': (t) => relabel(t, '関係市町村', '対象市町村', SHEET_HEADER),
  '連携市町村の役割分担 → 役割分担': (t) => relabel(t, '連携市町村の役割分担', '役割分担'),
  'partners row 連携町村 → 連携市町村': (t) => relabel(t, '連携町村', '連携市町村', /^\t連携町村\t/),
  'partners row 連携町村 → 構成市町村': (t) => relabel(t, '連携町村', '構成市町村', /^\t連携町村\t/),
  'partners row 連携町村 → 各町村': (t) => relabel(t, '連携町村', '各町村', /^\t連携町村\t/),
  'partners row → one row per town by name': (t) => rowPerTown(t, towns),
  '事業費見込額 → 事業費': (t) => t.replace(/^事業費見込額/gm, '事業費'),
  '事業費見込額 → 概算事業費': (t) => t.replace(/^事業費見込額/gm, '概算事業費'),
  '成果指標 → 重要業績評価指標（KPI）': (t) => relabel(t, '成果指標', '重要業績評価指標（KPI）'),
  '現状値 → 基準値': (t) => t.replace(/現状値/g, '基準値'),
  '目標値 → 目標': (t) => t.replace(/目標値（/g, '目標（'),
  'fiscal years as R2': (t) => reiwaYears(t, (r) => `R${r}`),
  'fiscal years as 令和2年度': (t) => reiwaYears(t, (r) => `令和${r}年度`),
};

/** The fields that must not change, with the positions (lines) left out: a variant may change line lengths only. */
function data(vision: Vision): unknown {
  return JSON.parse(JSON.stringify(vision, (key, value) => (key === 'source' || key === 'line' ? undefined : value)));
}

function assertSameData(actual: Vision, label: string): void {
  const a = data(actual) as Vision;
  const e = data(expected) as Vision;
  for (const key of ['area', 'plan', 'structure', 'findings'] as const) {
    assert.deepEqual(a[key], e[key], `${label}: ${key}`);
  }
  assert.equal(a.projects.length, e.projects.length, `${label}: number of projects`);
  e.projects.forEach((project, i) => {
    for (const field of Object.keys(project) as (keyof typeof project)[]) {
      assert.deepEqual(a.projects[i]?.[field], project[field], `${label}: project ${project.number} ${field}`);
    }
  });
}

for (const [label, rewrite] of Object.entries(VARIANTS)) {
  test(`wording variant: ${label}`, () => {
    const text = rewrite(seed);
    assert.notEqual(text, seed, 'the variant changes the document');
    assertSameData(parseDocument(text).vision, label);
  });
}

test('wording variant: amounts in 円 are converted to 千円, with an info finding that says so', () => {
  const { vision, findings } = parseDocument(inYen(seed));
  const notes = findings.filter((f) => f.code === 'source_converted');
  assert.ok(notes.length > 0, 'an info finding');
  assert.ok(notes.every((f) => f.severity === 'info' && /円/.test(f.message)));
  const rest = { ...vision, findings: vision.findings.filter((f) => f.code !== 'source_converted') };
  assertSameData(rest, '円');
});
