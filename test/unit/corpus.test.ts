import { test } from 'node:test';
import assert from 'node:assert/strict';
import { looksLikeReport } from '../../server/src/engine/detect';
import { parseReport } from '../../server/src/engine/structure';
import { fixtureNames, readFixture } from '../support/fixtures';
import { assertWellFormed } from '../support/invariants';

const partNames = (name: string) =>
  parseReport(readFixture('corpus', name)).outline.flatMap((n) => (n.type === 'section' && n.kind === 'part' ? [n.name.slice(0, 2)] : []));

for (const name of fixtureNames('corpus')) {
  test(`corpus ${name}: detected as a report and read into a well-formed model`, () => {
    const text = readFixture('corpus', name);
    assert.ok(looksLikeReport(text));
    assertWellFormed(parseReport(text), text);
  });
}

test('corpus: the six statutory parts of every 2019- and 2021-format report', () => {
  const six = ['一、', '二、', '三、', '四、', '五、', '六、'];
  for (const name of [
    '平潭综合实验区_2019.txt',
    '平潭综合实验区_2020.txt',
    '平潭综合实验区_2021.txt',
    '宿迁市_2023_据比对报告重建.txt',
    '淮安市人民政府_2024.txt',
    '上海市人民政府办公厅_2019.txt',
    '沭阳县人民政府_2025_OCR抽取文本.txt',
  ]) {
    assert.deepEqual(partNames(name), six, name);
  }
});

test("corpus: the OCR extraction's table row labels written as ### headings are not parts", () => {
  const report = parseReport(readFixture('corpus', '沭阳县人民政府_2025_OCR抽取文本.txt'));
  const part3 = report.outline.find((n) => n.type === 'section' && n.name.startsWith('三、'));
  assert.ok(part3 && part3.type === 'section');
  assert.ok(!part3.children.some((c) => c.type === 'section' && c.level === 1));
});

test('corpus: 2008-era statistics tables under their own part heading', () => {
  const report = parseReport(readFixture('corpus', '平潭综合实验区_2016.txt'));
  const last = report.outline.at(-1);
  assert.equal(last?.type === 'section' && last.name, '七、平潭综合实验区政府信息公开情况统计表');
  assert.equal(last?.type === 'section' && last.children[0].type, 'table');
});
