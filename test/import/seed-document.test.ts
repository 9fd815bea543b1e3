import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Project } from '../../src/domain/vision.js';
import { parseDocument } from '../../src/import/parse-document.js';
import { readRepoText, SEED_DOCUMENT } from '../helpers/read-fixture.js';

const { vision, findings } = parseDocument(readRepoText(SEED_DOCUMENT));
const project = (n: number): Project => {
  const p = vision.projects.find((x) => x.number === n);
  assert.ok(p, `project ${n}`);
  return p;
};
const amounts = (p: Project) => p.budget.years.map((y) => y.amount ?? y.mark);

test('the seed gives 55 projects, numbered 1..55, and no error', () => {
  assert.deepEqual(
    vision.projects.map((p) => p.number),
    Array.from({ length: 55 }, (_, i) => i + 1),
  );
  assert.equal(findings.filter((f) => f.severity === 'error').length, 0);
});

test('area, municipalities with codes, plan and revision', () => {
  assert.equal(vision.area.name, '青森圏域');
  assert.equal(vision.area.kind, '連携中枢都市圏');
  assert.deepEqual(
    vision.area.municipalities.map((m) => [m.code, m.name, m.isCentralCity]),
    [
      ['022012', '青森市', true],
      ['023019', '平内町', false],
      ['023035', '今別町', false],
      ['023078', '外ヶ浜町', false],
      ['023043', '蓬田村', false],
    ],
  );
  assert.deepEqual(vision.plan.fiscalYears, [2020, 2021, 2022, 2023, 2024]);
  assert.equal(vision.plan.targetFiscalYear, 2024);
  assert.equal(vision.plan.amountUnit, '千円');
  assert.deepEqual(vision.plan.revision, { label: 'R4年3月', yearMonth: '2022-03', fiscalYear: 2021 });
});

test('structure: roles, policy areas and sub-fields with declared counts that match the real counts', () => {
  assert.deepEqual(
    vision.structure.map((r) => [
      r.role,
      r.declaredCount,
      r.policyAreas.map((p) => [p.no, p.declaredCount, p.subFields.length]),
    ]),
    [
      [
        1,
        17,
        [
          [1, 1, 0],
          [2, 6, 0],
          [3, 8, 0],
          [4, 2, 0],
        ],
      ],
      [2, 1, [[1, 1, 0]]],
      [
        3,
        37,
        [
          [1, 28, 7],
          [2, 6, 2],
          [3, 3, 1],
        ],
      ],
    ],
  );
  const role2 = vision.structure[1]?.policyAreas[0];
  assert.equal(role2?.noInMatrix, 2, 'numbered (2) in the matrix, (1) in the sheet');
  assert.equal(vision.structure[2]?.policyAreas[0]?.subFields[5]?.title, '災害対策');
  assert.equal(findings.filter((f) => f.code === 'declared_count_mismatch').length, 0);
});

test('the sheets decide placement: 15 belongs to (3) although its matrix row carries the (4) heading', () => {
  assert.deepEqual([project(15).role, project(15).policyArea], [1, 3]);
  assert.deepEqual([project(16).role, project(16).policyArea], [1, 4]);
  assert.deepEqual([project(18).role, project(18).policyArea, project(18).subField], [2, 1, null]);
  assert.deepEqual([project(22).role, project(22).policyArea, project(22).subField], [3, 1, 2]);
  assert.deepEqual([project(55).role, project(55).policyArea, project(55).subField], [3, 3, 1]);
});

test('names: PDF spaces removed, the matrix spelling kept beside the sheet one', () => {
  assert.equal(project(37).name, 'あおもりフィールドスタディ支援事業');
  assert.equal(project(19).name, '地域医療支援病院の登録医療機関支援事業');
  assert.equal(project(47).name, 'あおり新しい働き方支援事業（Uターン就職支援）');
  assert.equal(project(47).nameInMatrix, 'あおもり新しい働き方支援事業（Uターン就職支援）');
  assert.equal(project(16).nameInMatrix, 'むつ湾広域連携事業（産業・観光）');
  assert.equal(project(36).nameInMatrix, '青森圏域市町村連携第80回国民スポーツ大会PR事業');
});

test('new projects: underline in the matrix or 新規 before the sheet', () => {
  assert.deepEqual(
    vision.projects.filter((p) => p.isNew).map((p) => p.number),
    [36, 46, 55],
  );
});

test('participants from the ○ marks, 関係市町村 as printed', () => {
  for (const p of vision.projects) {
    assert.deepEqual(p.participants, ['平内町', '今別町', '外ヶ浜町', '蓬田村'], `project ${p.number}`);
    assert.equal(p.relatedMunicipalities, '全市町村');
  }
});

test('content bullets, effect and role sharing', () => {
  assert.equal(project(6).content.length, 2);
  assert.match(project(6).content[1] ?? '', /^既立地企業の圏域への定着/);
  assert.equal(project(13).content.length, 2, '<p> tags around each bullet');
  assert.equal(project(1).effect, '圏域の有識者の意見を踏まえた連携中枢都市圏ビジョンの推進');
  assert.deepEqual(project(1).roles, {
    centralCity: 'ビジョン懇談会を開催、各種連携事業の推進',
    partners: '懇談会の委員推薦、懇談会への参画',
  });
  assert.equal(project(40).roles.partners, '同上');
});

test('budgets keep blank and dash apart and every total adds up', () => {
  assert.deepEqual(amounts(project(1)), [408, 408, 401, 401, 401]);
  assert.deepEqual(project(1).budget.total, { amount: 2019, mark: null });
  assert.deepEqual(amounts(project(2)), [21833, 14662, 'blank', 'blank', 'blank']);
  assert.deepEqual(amounts(project(9)), ['dash', 629, 517, 517, 517]);
  assert.deepEqual(amounts(project(36)), ['blank', 'blank', 'blank', 'dash', 'dash']);
  assert.deepEqual(project(36).budget.total, { amount: null, mark: 'dash' });
  assert.deepEqual(amounts(project(42)), ['blank', 'dash', 'dash', 'dash', 'dash']);
  assert.deepEqual(amounts(project(51)), ['dash', 207, 'dash', 207, 'dash']);
  assert.equal(project(35).budget.total.amount, 631307);
  assert.equal(findings.filter((f) => f.code === 'budget_total_mismatch').length, 0);
  const grand = vision.projects.reduce((sum, p) => sum + (p.budget.total.amount ?? 0), 0);
  const byYears = vision.projects.reduce((sum, p) => sum + p.budget.years.reduce((s, y) => s + (y.amount ?? 0), 0), 0);
  assert.equal(grand, byYears);
});

test('KPIs: indicator without marker, footnote as note, typed baseline and target', () => {
  assert.equal(
    vision.projects.reduce((n, p) => n + p.kpis.length, 0),
    57,
  );
  const k2 = project(2).kpis[0];
  assert.equal(k2?.indicator, '創業件数');
  assert.equal(k2?.note, 'あおもり地域ビジネス交流センターの支援による圏域の年間創業件数');
  assert.deepEqual(k2?.baseline, { text: '21件 (2019年度見込)', value: 21, unit: '件', asOf: '2019年度見込' });
  assert.equal(k2?.target.kind, 'merged_into');
  assert.equal(k2?.target.mergedInto, 4);
  assert.equal(project(3).kpis[0]?.note, '外部専門家による年間相談件数', 'the * marker');
  assert.deepEqual(
    project(4).kpis.map((k) => [k.indicator, k.target.value, k.target.unit]),
    [
      ['創業件数', 32, '件'],
      ['相談窓口での年間相談件数', 1100, '件'],
    ],
  );
  const k9 = project(9).kpis[0]?.target;
  assert.deepEqual([k9?.kind, k9?.value, k9?.unit, k9?.per], ['per_year_at_least', 1, '件', '年度']);
  const k45 = project(45).kpis[0]?.target;
  assert.deepEqual([k45?.kind, k45?.per], ['per_year_at_least', '年']);
  assert.deepEqual([project(14).kpis[0]?.target.kind, project(14).kpis[0]?.target.value], ['percentage', 61.3]);
  assert.equal(project(36).kpis[0]?.target.kind, 'none');
  assert.equal(project(16).kpis[0]?.baseline.asOf, '2018年実績');
  assert.equal(project(39).kpis[0]?.baseline.asOf, '2020年度実績');
  assert.equal(project(31).kpis[0]?.note, '青森市内小学校利用割合', 'marker in the baseline');
  assert.equal(project(44).kpis[0]?.indicator, 'むつ湾かるたを用いた環境学習実施箇所数');
  assert.deepEqual(
    project(28).kpis.map((k) => k.note),
    ['点訳教室、手話教室の修了者数', '点訳教室、手話教室の修了者数'],
  );
  assert.deepEqual(project(46).kpis[0]?.note, null);
  assert.deepEqual(project(46).notes, ['し尿及び浄化槽汚泥・農業集落排水汚泥'], 'the marker is in the content');
  assert.equal(project(55).kpis[0]?.indicator, 'RPA 活用推進担当者連絡会開催数');
});

test('findings: the typo of 47, the 新規 label of 46, and the headings that differ', () => {
  const brief = findings.map((f) => [f.code, f.project, f.line]);
  assert.deepEqual(brief, [
    ['heading_mismatch', 1, 80],
    ['heading_mismatch', 16, 245],
    ['heading_mismatch', 18, 269],
    ['new_mark_mismatch', 46, 594],
    ['name_mismatch', 47, 612],
  ]);
});

test('every project knows its source lines', () => {
  for (const p of vision.projects) {
    assert.ok(p.source.lines[0] > 70 && p.source.lines[1] >= p.source.lines[0], `project ${p.number}`);
  }
  assert.deepEqual(project(1).source.lines, [82, 90]);
});
