import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildBudget, buildProject } from '../../test/helpers/build-project.js';
import { formatProjectBudgetCsv } from './format-project-budget-csv.js';

test('one row per project and fiscal year, BOM and CRLF, marks kept apart from amounts', () => {
  const csv = formatProjectBudgetCsv([
    buildProject(3, { name: '事業, "引用"つき', subField: 2, budget: buildBudget(2022, [41888, 'blank', 'dash']) }),
  ]);
  assert.equal(
    csv,
    '\uFEFFproject_number,project_name,role,policy_area,sub_field,fiscal_year,fiscal_year_wareki,amount_thousand_yen,mark\r\n' +
      '3,"事業, ""引用""つき",1,1,2,2022,,41888,\r\n' +
      '3,"事業, ""引用""つき",1,1,2,2023,,,blank\r\n' +
      '3,"事業, ""引用""つき",1,1,2,2024,,,dash\r\n',
  );
});

test('no projects: the header alone', () => {
  assert.match(formatProjectBudgetCsv([]), /^\uFEFFproject_number,.*,mark\r\n$/);
});
