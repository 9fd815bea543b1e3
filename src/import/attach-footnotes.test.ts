import assert from 'node:assert/strict';
import { test } from 'node:test';
import { attachFootnotes } from './attach-footnotes.js';
import type { ProjectSheet } from './parse-project-sheet.js';

type KpiCells = [indicator: string, baseline: string, target: string];

/** A sheet with only what footnotes depend on: KPI cells, footnotes (key, text) and markers in the texts. */
function buildSheet(
  kpis: KpiCells[],
  footnotes: [key: string, text: string][],
  textMarkers: string[] = [],
): ProjectSheet {
  return {
    number: 1,
    name: '事業',
    relatedMunicipalities: '全市町村',
    content: [],
    effect: null,
    budget: null,
    roles: null,
    kpiHeader: null,
    kpis: kpis.map(([indicator, baseline, target], i) => ({
      indicator,
      baseline,
      target,
      targetYearText: null,
      line: 10 + i,
    })),
    footnotes: footnotes.map(([key, text], i) => ({ key, text, line: 20 + i })),
    textMarkers,
    issues: [],
    nameContinuation: null,
    firstLine: 1,
    lastLine: 30,
  };
}

test('a marked KPI gets the footnote as its note', () => {
  const sheet = buildSheet(
    [['創業件数※', '21件 (2019年度見込)', 'NO.4に統合']],
    [['', 'あおもり地域ビジネス交流センターの支援による圏域の年間創業件数']],
  );
  assert.deepEqual(attachFootnotes(sheet), {
    kpiNotes: ['あおもり地域ビジネス交流センターの支援による圏域の年間創業件数'],
    projectNotes: [],
  });
});

test('a marker in the baseline or a <sup> marker also counts', () => {
  const baseline = buildSheet(
    [['圏域内小学校の 利用割合', '100% <sup>※</sup> (2019年度見込)', '100%']],
    [['', '青森市内小学校利用割合']],
  );
  assert.deepEqual(attachFootnotes(baseline).kpiNotes, ['青森市内小学校利用割合']);
  const sup = buildSheet(
    [['むつ湾かるた <sup>*</sup> を用いた環境学習実施箇所数', '-', '131箇所']],
    [['', '陸奥湾の自然や環境を守ることの大切さを記載した幼児向け環境教育ツール']],
  );
  assert.deepEqual(attachFootnotes(sup).kpiNotes, [
    '陸奥湾の自然や環境を守ることの大切さを記載した幼児向け環境教育ツール',
  ]);
});

test('one footnote goes to both KPIs that carry the marker', () => {
  const sheet = buildSheet(
    [
      ['養成者数※ (点訳奉仕員)', '4人 (2019年度見込)', '7人'],
      ['養成者数※ (手話奉仕員)', '14人 (2019年度見込)', '17人'],
    ],
    [['', '点訳教室、手話教室の修了者数']],
  );
  assert.deepEqual(attachFootnotes(sheet), {
    kpiNotes: ['点訳教室、手話教室の修了者数', '点訳教室、手話教室の修了者数'],
    projectNotes: [],
  });
});

test('a marker in the content only makes the footnote a note of the project', () => {
  const sheet = buildSheet(
    [['修了者数', '35人 (2017年度実績)', '52人']],
    [['', '社会福祉法人等が後見人等になり保護・支援を行うこと']],
    [''],
  );
  assert.deepEqual(attachFootnotes(sheet), {
    kpiNotes: [null],
    projectNotes: ['社会福祉法人等が後見人等になり保護・支援を行うこと'],
  });
});

test('a footnote that nothing marks becomes a note of the project', () => {
  const sheet = buildSheet([['会議開催回数', '－', '1回以上/年度']], [['', '事務局は青森市']]);
  assert.deepEqual(attachFootnotes(sheet), { kpiNotes: [null], projectNotes: ['事務局は青森市'] });
});

test('numbered footnotes go to the KPI with the same number, whatever the order', () => {
  const inOrder = buildSheet(
    [
      ['創業件数※1', '24件', '32件'],
      ['相談件数※2', '750件', '1,100件'],
    ],
    [
      ['1', '年間創業件数'],
      ['2', '年間相談件数'],
    ],
  );
  assert.deepEqual(attachFootnotes(inOrder), { kpiNotes: ['年間創業件数', '年間相談件数'], projectNotes: [] });
  const crossed = buildSheet(
    [
      ['創業件数※2', '24件', '32件'],
      ['相談件数※1', '750件', '1,100件'],
    ],
    [
      ['1', '年間相談件数'],
      ['2', '年間創業件数'],
    ],
  );
  assert.deepEqual(attachFootnotes(crossed).kpiNotes, ['年間創業件数', '年間相談件数']);
});

test('a numbered footnote without its marker becomes a note of the project', () => {
  const sheet = buildSheet(
    [['創業件数※1', '24件', '32件']],
    [
      ['1', '年間創業件数'],
      ['2', '参考値'],
    ],
  );
  assert.deepEqual(attachFootnotes(sheet), { kpiNotes: ['年間創業件数'], projectNotes: ['参考値'] });
});

test('several unnumbered footnotes are given out in order of the markers', () => {
  const sheet = buildSheet(
    [
      ['登録医療機関数※', '138 機関', '143 機関'],
      ['入会者数※', '17人', '15人'],
    ],
    [
      ['', '一つ目'],
      ['', '二つ目'],
    ],
  );
  assert.deepEqual(attachFootnotes(sheet), { kpiNotes: ['一つ目', '二つ目'], projectNotes: [] });
  const oneMarker = buildSheet(
    [['登録医療機関数※', '138 機関', '143 機関']],
    [
      ['', '一つ目'],
      ['', '二つ目'],
    ],
  );
  assert.deepEqual(attachFootnotes(oneMarker), { kpiNotes: ['一つ目'], projectNotes: ['二つ目'] });
});

test('a KPI with markers in two of its cells gets the note once', () => {
  const sheet = buildSheet([['売上額※', '27,444千円※ (2018年度実績)', '50,500千円']], [['', '総売上額']]);
  assert.deepEqual(attachFootnotes(sheet).kpiNotes, ['総売上額']);
});
