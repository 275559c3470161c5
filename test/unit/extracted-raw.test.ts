import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, checkText } from '../../server/src/rules';
import { splitLines } from '../../server/src/engine/lines';
import { scanLines } from '../../server/src/engine/scan';
import { stackedTables } from '../../server/src/engine/stacked-cells';
import { convertTable, formatTables } from '../../server/src/engine/table-layout';
import type { OutlineNode, Section, Table } from '../../server/src/engine/types';
import { fixtureNames, readFixture } from '../support/fixtures';

// Raw pdftotext output (one cell per line) of corpus reports rendered through Word and PDF, and of
// real published PDFs: see scripts/make-extracted-fixtures.mjs.
const rawFixtures = fixtureNames('extracted').filter((n) => n.endsWith('.raw.txt'));

const rangeOf = (r: { start: { line: number; character: number }; end: { line: number; character: number } }) =>
  `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;

function sections(nodes: readonly OutlineNode[]): Section[] {
  return nodes.flatMap((n) => (n.type === 'section' ? [n, ...sections(n.children)] : []));
}

test('there are raw fixtures of each kind: a wrong total, many blank cells, the 2021 format, a published PDF', () => {
  for (const name of ['平潭综合实验区_2020', '上海市人民政府办公厅_2019', '淮安市洪泽区人民政府_2024', '淮安市人民政府_2024_published'])
    assert.ok(rawFixtures.includes(`${name}.raw.txt`), name);
});

for (const name of rawFixtures) {
  const text = readFixture('extracted', name);

  test(`${name}: the outline is the report's six parts, and no table line is a heading`, () => {
    const { report } = analyze(text).bound;
    const parts = report.outline.filter((n): n is Section => n.type === 'section' && n.kind === 'part');
    assert.deepEqual(
      parts.map((p) => p.number),
      [1, 2, 3, 4, 5, 6],
    );
    for (const section of sections(report.outline)) {
      const inside = report.tables.find((t) => t.range.start.line <= section.range.start.line && section.range.start.line <= t.range.end.line);
      assert.equal(inside, undefined, `${section.name} (line ${section.range.start.line}) is inside a table`);
    }
  });

  test(`${name}: the expected findings, at their ranges — every table checked or said unread`, () => {
    const expected = JSON.parse(readFixture('extracted', name.replace(/\.txt$/, '.expected.json'))) as { code: string; range: string }[];
    assert.deepEqual(
      checkText(text).map((f) => ({ code: f.code, range: rangeOf(f.range) })),
      expected,
    );
  });
}

test('a published PDF read raw: the 第二十条第（一）项 rows, label then numbers, are bound with their own lines', () => {
  const bound = analyze(readFixture('extracted', '淮安市人民政府_2024_published.raw.txt')).bound;
  const table = bound.tables.find((t) => t.definition.id === 'article20-1')!;
  const values = [...table.rows.values()].map((r) => [r.definition.label, ...[...r.cells.values()].map((c) => `${c.cell?.text}@${c.range.start.line}`)]);
  assert.deepEqual(values, [
    ['规章', '1@75', '0@77', '11@79'],
    ['行政规范性文件', '8@83', '26@85', '66@87'],
  ]);
});

test('a single-row table read raw: table 四 binds its fifteen numbers under its header words', () => {
  const bound = analyze(readFixture('extracted', '淮安市洪泽区人民政府_2024.raw.txt')).bound;
  const table = bound.tables.find((t) => t.definition.id === 'review-litigation')!;
  const cells = [...[...table.rows.values()][0].cells.values()];
  assert.deepEqual(
    cells.map((c) => c.cell?.text),
    ['1', '1', '0', '0', '2', '1', '0', '0', '0', '1', '2', '0', '1', '0', '3'],
  );
  assert.ok(
    cells.every(
      (c) =>
        c.range.start.line === c.range.end.line &&
        splitLines(readFixture('extracted', '淮安市洪泽区人民政府_2024.raw.txt'))[c.range.start.line].trim() === c.cell?.text,
    ),
  );
});

/** The report with each row of its tab-separated tables written one cell per line, blank cells gone (as pdf.js gives a table). */
function oneCellPerLine(text: string): string {
  return splitLines(text)
    .flatMap((line) => (line.includes('\t') ? ['', ...line.split('\t').filter((c) => c.trim() !== '')] : [line]))
    .join('\n');
}

test('平潭 2020, one cell per line with every cell filled: the same wrong totals as the source, on the numbers’ own lines', () => {
  const source = readFixture('corpus', '平潭综合实验区_2020.txt');
  const stacked = oneCellPerLine(source);
  const lines = splitLines(stacked);
  const sums = (t: string) => checkText(t).filter((f) => f.code === 'table.sum-mismatch');
  const found = sums(stacked);
  assert.deepEqual(
    found.map((f) => f.data.expected),
    sums(source).map((f) => f.data.expected),
  );
  assert.deepEqual(
    found.map((f) => [lines[f.range.start.line], rangeOf(f.range)]),
    [
      ['20', `${found[0].range.start.line}:0-${found[0].range.start.line}:2`],
      ['21', `${found[1].range.start.line}:0-${found[1].range.start.line}:2`],
    ],
  );
  assert.deepEqual(
    checkText(stacked).filter((f) => f.severity === 'error' && f.code !== 'table.sum-mismatch'),
    [],
  );
});

test('a row short of a number (a blank cell dropped) leaves the whole table unbound and said unread, never a false total', () => {
  const stacked = oneCellPerLine(readFixture('corpus', '平潭综合实验区_2020.txt'));
  const lines = splitLines(stacked);
  // The first number of （一）予以公开 gone, as a blank cell is in raw text.
  const at = lines.indexOf('（一）予以公开') + 1;
  const cut = [...lines.slice(0, at), ...lines.slice(at + 1)].join('\n');
  const findings = checkText(cut);
  assert.deepEqual(
    findings.filter((f) => f.code !== 'table.unread'),
    [],
  );
  const applications = analyze(cut).bound.tables.find((t) => t.definition.id === 'applications')!;
  assert.equal(applications.rows.size, 0);
  assert.ok(findings.some((f) => f.code === 'table.unread' && f.range.start.line === applications.table.range.start.line));
  const { report } = analyze(cut).bound;
  assert.deepEqual(
    report.outline.filter((n) => n.type === 'section' && n.kind === 'part').map((n) => (n as Section).number),
    [1, 2, 3, 4, 5, 6],
  );
});

test('stacked tables are found in linear work: a table twice as long costs no more than twice the lines read', () => {
  const rows = (n: number) => Array.from({ length: n }, (_, i) => [`${(i % 8) + 1}.属于国家秘密`, '0', '0', '0', '0', '0', '0', '0']).flat();
  const text = (n: number) => ['三、收到和处理政府信息公开申请情况', '申请人情况', '自然人', ...rows(n)];
  const small = text(2000);
  const large = text(4000);
  let read = 0;
  const counting = (lines: string[]) =>
    new Proxy(lines, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) read++;
        return Reflect.get(target, key, receiver);
      },
    });
  const tables: Table[] = stackedTables(scanLines(small), counting(small));
  const smallReads = read;
  read = 0;
  stackedTables(scanLines(large), counting(large));
  assert.equal(tables.length, 1);
  assert.ok(read <= 2.2 * smallReads, `${read} reads for twice the lines, against ${smallReads}`);
});

test('a table read one cell per line is never rewritten: Format Document and the table conversions leave its lines alone', () => {
  const { bound } = analyze(readFixture('extracted', '淮安市人民政府_2024_published.raw.txt'));
  const raw = bound.report.tables.filter((t) => t.syntax === 'lines');
  assert.ok(raw.length > 0);
  const edits = formatTables(bound);
  assert.deepEqual(
    edits.filter((e) => raw.some((t) => t.range.start.line <= e.range.start.line && e.range.start.line <= t.range.end.line)),
    [],
  );
  assert.deepEqual(
    raw.flatMap((t) => convertTable(bound.report, t, 'pipe')),
    [],
  );
});
