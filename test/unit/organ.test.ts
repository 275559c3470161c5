import { test } from 'node:test';
import assert from 'node:assert/strict';
import { organKey, sameOrgan } from '../../server/src/engine/organ';

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
