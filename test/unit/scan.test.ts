import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scanLine } from '../../server/src/engine/scan';

const heading = (text: string) => {
  const l = scanLine(text, 0);
  return l.kind === 'heading' ? [l.level, l.number, l.name, l.nameRange.start.character, l.nameRange.end.character] : l.kind;
};

test('numbering decides the heading level', () => {
  assert.deepEqual(heading('一、总体情况'), [1, 1, '一、总体情况', 0, 6]);
  assert.deepEqual(heading('十二、附则'), [1, 12, '十二、附则', 0, 5]);
  assert.deepEqual(heading('（三）政府信息管理'), [2, 3, '（三）政府信息管理', 0, 9]);
  assert.deepEqual(heading('(二) 加强组织领导'), [2, 2, '(二) 加强组织领导', 0, 10]);
  assert.deepEqual(heading('1.加强用权信息公开'), [3, 1, '1.加强用权信息公开', 0, 10]);
  assert.deepEqual(heading('2、做好巡查工作'), [3, 2, '2、做好巡查工作', 0, 8]);
  assert.deepEqual(heading('（10）推进重大建设项目信息公开'), [4, 10, '（10）推进重大建设项目信息公开', 0, 16]);
});

test('Markdown heading markers are read but do not set the level', () => {
  assert.deepEqual(heading('#### 四、政府信息公开行政复议、行政诉讼情况'), [1, 4, '四、政府信息公开行政复议、行政诉讼情况', 5, 24]);
  assert.deepEqual(heading('### (一) 系统化推进主动公开。'), [2, 1, '(一) 系统化推进主动公开', 4, 17]);
  assert.deepEqual(heading('## 二、主动公开 ##'), [1, 2, '二、主动公开', 3, 9]);
});

test('inline headings are named up to the first 。 or ：', () => {
  assert.deepEqual(heading('（一）加强组织领导，建立健全工作机制。强化组织领导。一是成立领导小组'), [2, 1, '（一）加强组织领导，建立健全工作机制', 0, 18]);
  assert.deepEqual(heading('（二）依申请公开：本机关2021年未收到政府信息公开申请。'), [2, 2, '（二）依申请公开', 0, 8]);
  assert.deepEqual(heading('（八）回应群众、严格规范政务公开工作。'), [2, 8, '（八）回应群众、严格规范政务公开工作', 0, 18]);
  assert.deepEqual(heading('**（一）强化工作部署。**2019 年，柴河镇完善了制度。'), [2, 1, '（一）强化工作部署', 2, 11]);
});

test('long headings are shortened for display but keep their whole range', () => {
  const text = '1、' + '很'.repeat(70);
  const l = scanLine(text, 0);
  assert.equal(l.kind === 'heading' && l.name, '1、' + '很'.repeat(48) + '…');
  assert.equal(l.kind === 'heading' && l.nameRange.end.character, 72);
});

test('enumerations and numbers that are not section numbers are text', () => {
  assert.equal(heading('一是成立领导小组，二是健全机制。'), 'text');
  assert.equal(heading('2017年，我镇政务公开工作取得成效。'), 'text');
  assert.equal(heading('1.5亿元用于民生工程。'), 'text');
  assert.equal(heading('二○一四年一月十日'), 'text');
  assert.equal(heading('主要有：1.信息公开时效性有待加强'), 'text');
});

test('tab-separated rows keep every cell with its column index and range', () => {
  const l = scanLine('三、本年度办理结果\t(一) 予以公开\t0\t\t12', 3);
  assert.equal(l.kind, 'row');
  if (l.kind !== 'row') return;
  assert.equal(l.syntax, 'tsv');
  assert.deepEqual(
    l.cells.map((c) => [c.index, c.text, c.range.start.character, c.range.end.character]),
    [
      [0, '三、本年度办理结果', 0, 9],
      [1, '(一) 予以公开', 10, 18],
      [2, '0', 19, 20],
      [3, '', 21, 21],
      [4, '12', 22, 24],
    ],
  );
  assert.equal(l.cells[4].range.start.line, 3);
});

test('Markdown pipe rows and their separator', () => {
  const l = scanLine('| 规章 | 0 | 1 \\| 2 |', 0);
  assert.equal(l.kind === 'row' && l.syntax, 'pipe');
  assert.deepEqual(l.kind === 'row' && l.cells.map((c) => [c.text, c.range.start.character, c.range.end.character]), [
    ['规章', 2, 4],
    ['0', 7, 8],
    ['1 \\| 2', 11, 17],
  ]);
  const rule = scanLine('|---|:---:|', 1);
  assert.equal(rule.kind === 'row' && rule.rule, true);
});

test('separator debris of converted tables is a rule row', () => {
  const l = scanLine('-------------\t---\t---', 0);
  assert.equal(l.kind === 'row' && l.rule, true);
});

test('captions and appendix markers', () => {
  assert.equal(scanLine('第二十条第（一）项', 0).kind, 'caption');
  assert.equal(scanLine('### 第二十条第（五）项', 0).kind, 'caption');
  assert.equal(scanLine('平潭综合实验区政府信息公开情况统计表', 0).kind, 'caption');
  assert.equal(scanLine('七、平潭综合实验区政府信息公开情况统计表', 0).kind, 'heading');
  const a = scanLine('附件', 0);
  assert.deepEqual(a.kind === 'appendix' && [a.title, a.standalone], ['', true]);
  const b = scanLine('附件：政府信息公开情况统计表', 0);
  assert.deepEqual(b.kind === 'appendix' && [b.title, b.standalone], ['政府信息公开情况统计表', false]);
});

test('blank lines include full-width spaces', () => {
  assert.equal(scanLine(' \u3000 ', 0).kind, 'blank');
  assert.equal(scanLine('', 0).kind, 'blank');
});
