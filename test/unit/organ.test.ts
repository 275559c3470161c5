import { test } from 'node:test';
import assert from 'node:assert/strict';
import { groupByOrgan, organKey, organKind, sameOrgan } from '../../server/src/engine/organ';

const same = (a: string, b: string) => sameOrgan(organKey(a), organKey(b));

test('the same organ under the names its titles give it', () => {
  assert.ok(same('洪泽区人民政府', '淮安市洪泽区人民政府'));
  assert.ok(same('某某镇人民政府', '某某镇'));
  assert.ok(same('某某镇政府', '某某镇人民政府'));
  assert.ok(same('某某乡人民政府', '某某镇人民政府'));
  assert.ok(same('某某街道办事处', '某某街道'));
  assert.ok(same('平潭综合实验区管委会', '平潭综合实验区管理委员会'));
  assert.ok(same('上海市人民政府办公厅', '上海市政府办公厅'));
  assert.ok(same('淮安市 人民政府', '淮安市人民政府'));
});

test('different organs stay apart', () => {
  assert.ok(!same('洪泽区人民政府', '淮阴区人民政府'));
  assert.ok(!same('上海市人民政府办公厅', '上海市人民政府'));
  assert.ok(!same('上海市科学技术委员会', '上海市人民政府办公厅'));
  assert.ok(!same('淮安市洪泽区人民政府', '淮安市人民政府'));
  assert.ok(!same('某某县教育局', '某某县'));
  assert.ok(!same('东区人民政府', '某市东区教育局'));
});

test('the kind of organ a name says, as the deadlines tell them apart', () => {
  assert.deepEqual(
    [
      '某某镇人民政府',
      '某某乡政府',
      '某某街道办事处',
      '上海市人民政府办公厅',
      '沭阳县发展和改革局',
      '平潭综合实验区管委会',
      '沭阳县人民政府',
      '宿迁市',
      '测试',
    ].map(organKind),
    ['grassroots', 'grassroots', 'grassroots', 'department', 'department', 'department', 'government', 'government', undefined],
  );
});

test('reports grouped by organ in their first order, a report without an organ alone', () => {
  const reports = ['洪泽区人民政府', undefined, '淮安市洪泽区人民政府', '某某镇', '某某镇人民政府', undefined];
  assert.deepEqual(
    groupByOrgan(
      reports.map((organ, i) => ({ organ, i })),
      (r) => r.organ,
    ).map((g) => g.map((r) => r.i)),
    [[0, 2], [1], [3, 4], [5]],
  );
});
