import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { hasErrors } from '../../src/domain/vision.js';
import { parseDocument } from '../../src/import/parse-document.js';
import { readRepoText, SEED_DOCUMENT } from '../helpers/read-fixture.js';

const seed = readRepoText(SEED_DOCUMENT);
const seedLines = seed.split('\n');

function errorOf(text: string) {
  const { findings } = parseDocument(text);
  const error = findings.find((f) => f.severity === 'error');
  assert.ok(error, 'an error finding');
  return error;
}

test('an empty or blank file is an error on line 1', () => {
  for (const text of ['', '   \n\n', '\uFEFF']) {
    const error = errorOf(text);
    assert.equal(error.code, 'unreadable_document');
    assert.equal(error.line, 1);
  }
});

test('a binary file is an error with the line of the first control character', () => {
  const error = errorOf('PK\u0003\u0004\n\u0000\u0001binary');
  assert.match(error.message, /バイナリ/);
  assert.equal(error.line, 1);
});

test('Shift_JIS bytes decoded as UTF-8 are an error that names the encoding', () => {
  // 「事業名」 in Shift_JIS, decoded as UTF-8 the way a careless reader would
  const sjis = Buffer.from([0x8e, 0x96, 0x8b, 0xc6, 0x96, 0xbc]);
  const text = `ok line\n${new TextDecoder('utf-8').decode(sjis)}\n`;
  const error = errorOf(text);
  assert.match(error.message, /Shift_JIS/);
  assert.equal(error.line, 2);
});

test('text without a matrix or a sheet is an error', () => {
  const error = errorOf('吾輩は猫である。\n名前はまだ無い。\n');
  assert.equal(error.code, 'unreadable_document');
});

test('a document cut in the middle of a sheet keeps what it has and reports what is missing', () => {
  const cut = seedLines.findIndex((l) => l.startsWith('事業名\t21\t'));
  const { vision, findings } = parseDocument(seedLines.slice(0, cut + 2).join('\n'));
  assert.equal(hasErrors(findings), false);
  const p21 = vision.projects.find((p) => p.number === 21);
  assert.equal(p21?.name, '在宅医療推進のための共同セミナー開催事業');
  const codes = findings.filter((f) => f.project === 21).map((f) => f.code);
  assert.ok(codes.includes('missing_budget_row'));
  assert.ok(codes.includes('missing_kpi_rows'));
  const missing = findings.filter((f) => f.code === 'missing_sheet').map((f) => f.project);
  assert.deepEqual(
    missing,
    Array.from({ length: 34 }, (_, i) => i + 22),
  );
});

test('a sheet without its budget value row is reported with the header line', () => {
  const sheet2 = seedLines.findIndex((l) => l.startsWith('事業名\t2\t'));
  const header = seedLines.findIndex((l, i) => i > sheet2 && l.startsWith('事業費見込額'));
  const lines = [...seedLines];
  lines.splice(header + 1, 1);
  const { findings } = parseDocument(lines.join('\n'));
  const f = findings.find((x) => x.code === 'missing_budget_row');
  assert.equal(f?.line, header + 1);
  assert.equal(f?.project, 2);
});

test('a budget total that does not add up is reported', () => {
  const text = seed.replace('\t408\t408\t401\t401\t401\t2,019', '\t408\t408\t401\t401\t401\t2,020');
  const f = parseDocument(text).findings.find((x) => x.code === 'budget_total_mismatch');
  assert.equal(f?.project, 1);
  assert.equal(f?.line, 86, 'the value row');
});

test('random truncation never throws and always gives projects or an error', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: seed.length }), (cut) => {
      const { vision, findings } = parseDocument(seed.slice(0, cut));
      assert.ok(vision.projects.length > 0 || hasErrors(findings));
    }),
    { numRuns: 150 },
  );
});

test('random corruption of lines never throws nor hangs', () => {
  const junk = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.constantFrom(
      '\t',
      '○',
      '—',
      '事業名\t',
      '成果指標',
      '(1)',
      '①',
      '新規',
      '※',
      '<u>',
      '１２３',
      '事業費見込額 (単位：千円)\t2020年度\t計',
    ),
  );
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.nat(seedLines.length - 1), junk), { maxLength: 25 }), (edits) => {
      const lines = [...seedLines];
      for (const [at, text] of edits) lines[at] = `${text}${lines[at]?.slice(text.length % 7) ?? ''}`;
      const started = performance.now();
      const { vision, findings } = parseDocument(lines.join('\n'));
      assert.ok(performance.now() - started < 2000, 'no pathological slowness');
      assert.ok(vision.projects.length > 0 || hasErrors(findings));
      for (const f of findings) assert.ok(f.message.length > 0);
    }),
    { numRuns: 120 },
  );
});
