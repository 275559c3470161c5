import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatNumber, parseCellValue, sameValue, sum } from '../../server/src/engine/values';

const number = (text: string) => {
  const v = parseCellValue(text);
  return v.kind === 'number' ? [v.value, v.decimals, v.unit, v.start, v.end] : v.kind;
};

test('numbers as real reports write them', () => {
  assert.deepEqual(number('0'), [0, 0, undefined, 0, 1]);
  assert.deepEqual(number('13,612'), [13612, 0, undefined, 0, 6]);
  assert.deepEqual(number('1，234'), [1234, 0, undefined, 0, 5]);
  assert.deepEqual(number('１２３'), [123, 0, undefined, 0, 3]);
  assert.deepEqual(number('2406.2243'), [2406.2243, 4, undefined, 0, 9]);
  assert.deepEqual(number('-18'), [-18, 0, undefined, 0, 3]);
  assert.deepEqual(number('25987（元）'), [25987, 0, '元', 0, 5]);
  assert.deepEqual(number('251000元'), [251000, 0, '元', 0, 6]);
  assert.deepEqual(number('73802895.90元'), [73802895.9, 2, '元', 0, 11]);
  assert.deepEqual(number(' 3500 万元'), [3500, 0, '万元', 1, 5]);
});

test('blanks, not-applicable marks and text', () => {
  assert.equal(number(''), 'blank');
  assert.equal(number(' \u3000'), 'blank');
  for (const na of ['—', '——', '/', '-', '无']) assert.equal(number(na), 'na', na);
  for (const text of ['规章', '1.属于国家秘密', '12件左右', '3.5.1']) assert.equal(number(text), 'text', text);
});

test('decimal sums are exact', () => {
  const total = sum([
    { value: 0.1, decimals: 1 },
    { value: 0.2, decimals: 1 },
    { value: 3, decimals: 0 },
  ]);
  assert.deepEqual(total, { value: 3.3, decimals: 1 });
  assert.ok(sameValue(total, { value: 3.3, decimals: 2 }));
  assert.equal(formatNumber(2406.2243, 4), '2406.2243');
});
