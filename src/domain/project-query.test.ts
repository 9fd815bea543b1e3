import assert from 'node:assert/strict';
import { test } from 'node:test';
import { costByFiscalYear, projectCost, queryProjects } from './project-query.js';
import type { Project } from './vision.js';

function project(number: number, fields: Partial<Project> = {}): Project {
  return {
    number,
    name: `事業${number}`,
    nameInMatrix: null,
    isNew: false,
    role: 1,
    policyArea: 1,
    subField: null,
    relatedMunicipalities: '全市町村',
    participants: ['平内町', '外ヶ浜町'],
    content: [],
    effect: null,
    budget: { years: [], total: { amount: null, mark: 'blank' } },
    roles: { centralCity: '', partners: '' },
    kpis: [],
    notes: [],
    source: { lines: [1, 2] },
    ...fields,
  };
}

const budget = (amounts: (number | null)[], total: number | null): Project['budget'] => ({
  years: amounts.map((a, i) =>
    a === null ? { fiscalYear: 2020 + i, amount: null, mark: 'dash' } : { fiscalYear: 2020 + i, amount: a, mark: null },
  ),
  total: total === null ? { amount: null, mark: 'dash' } : { amount: total, mark: null },
});

const projects = [
  project(1, { name: 'ビジョン懇談会の運営', budget: budget([408, 408], 816) }),
  project(2, {
    name: 'ＲＰＡ活用推進事務',
    isNew: true,
    role: 3,
    policyArea: 3,
    subField: 1,
    participants: ['平内町'],
    budget: budget([null, 10], null),
  }),
  project(3, { content: ['外ケ浜町の漁業体験'], role: 1, policyArea: 2, budget: budget([1000, 0], 1000) }),
  project(4, { role: 2, participants: [], budget: budget([null, null], null) }),
];
const numbers = (ps: Project[]) => ps.map((p) => p.number);

test('filters by placement, new flag and municipality; the central city takes part in everything', () => {
  assert.deepEqual(numbers(queryProjects(projects, { role: 1 }, '青森市')), [1, 3]);
  assert.deepEqual(numbers(queryProjects(projects, { role: 1, policyArea: 2 }, '青森市')), [3]);
  assert.deepEqual(numbers(queryProjects(projects, { subField: 1 }, '青森市')), [2]);
  assert.deepEqual(numbers(queryProjects(projects, { newOnly: true }, '青森市')), [2]);
  assert.deepEqual(numbers(queryProjects(projects, { municipality: '外ケ浜町' }, '青森市')), [1, 3]);
  assert.deepEqual(numbers(queryProjects(projects, { municipality: '青森市' }, '青森市')), [1, 2, 3, 4]);
});

test('text search ignores width, case and 外ヶ浜/外ケ浜; every word must match', () => {
  assert.deepEqual(numbers(queryProjects(projects, { text: 'rpa' }, null)), [2]);
  assert.deepEqual(numbers(queryProjects(projects, { text: '外ヶ浜' }, null)), [3]);
  assert.deepEqual(numbers(queryProjects(projects, { text: '懇談会　運営' }, null)), [1]);
  assert.deepEqual(numbers(queryProjects(projects, { text: '懇談会 漁業' }, null)), []);
});

test('sorts by cost (total, else the sum of the years) or number, either way', () => {
  assert.deepEqual(numbers(queryProjects(projects, { sort: 'cost', order: 'desc' }, null)), [3, 1, 2, 4]);
  assert.deepEqual(numbers(queryProjects(projects, { sort: 'number', order: 'desc' }, null)), [4, 3, 2, 1]);
  assert.equal(projectCost(projects[1] as Project), 10);
});

test('a project whose every budget cell is 「—」 or blank has no cost (null, not 0) and sorts last both ways', () => {
  assert.equal(projectCost(projects[3] as Project), null);
  assert.deepEqual(numbers(queryProjects(projects, { sort: 'cost', order: 'asc' }, null)), [2, 1, 3, 4]);
});

test('cost by fiscal year adds the amounts of each year; dash and blank count nothing', () => {
  assert.deepEqual(costByFiscalYear(projects, [2020, 2021, 2022]), [1408, 418, 0]);
});
