import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareAmounts, formatAmount, parseCellValue, sameValue, scaleByPowerOfTen, sum, type Amount } from '../../server/src/engine/values';

const number = (text: string) => {
  const v = parseCellValue(text);
  return v.kind === 'number' ? [formatAmount(v), v.decimals, v.unit, v.start, v.end] : v.kind;
};

test('numbers as real reports write them', () => {
  assert.deepEqual(number('0'), ['0', 0, undefined, 0, 1]);
  assert.deepEqual(number('13,612'), ['13612', 0, undefined, 0, 6]);
  assert.deepEqual(number('1，234'), ['1234', 0, undefined, 0, 5]);
  assert.deepEqual(number('１２３'), ['123', 0, undefined, 0, 3]);
  assert.deepEqual(number('2406.2243'), ['2406.2243', 4, undefined, 0, 9]);
  assert.deepEqual(number('-18'), ['-18', 0, undefined, 0, 3]);
  assert.deepEqual(number('25987（元）'), ['25987', 0, '元', 0, 5]);
  assert.deepEqual(number('251000元'), ['251000', 0, '元', 0, 6]);
  assert.deepEqual(number('73802895.90元'), ['73802895.90', 2, '元', 0, 11]);
  assert.deepEqual(number(' 3500 万元'), ['3500', 0, '万元', 1, 5]);
});

test('blanks, not-applicable marks and text', () => {
  assert.equal(number(''), 'blank');
  assert.equal(number(' \u3000'), 'blank');
  for (const na of ['—', '——', '/', '-', '无']) assert.equal(number(na), 'na', na);
  for (const text of ['规章', '1.属于国家秘密', '12件左右', '3.5.1']) assert.equal(number(text), 'text', text);
});

const amount = (text: string): Amount => {
  const v = parseCellValue(text);
  assert.equal(v.kind, 'number', text);
  return v as Amount;
};

test('decimal sums are exact', () => {
  const total = sum([amount('0.1'), amount('0.2'), amount('3')]);
  assert.deepEqual(total, { units: 33n, decimals: 1 });
  assert.ok(sameValue(total, amount('3.30')));
  assert.equal(formatAmount(amount('2406.2243')), '2406.2243');
});

test('sums, comparisons and conversions are exact at any number of digits', () => {
  const huge = '9'.repeat(400);
  assert.equal(formatAmount(sum([amount(huge), amount('1')])), '1' + '0'.repeat(400));
  assert.equal(formatAmount(sum([amount('9007199254740993'), amount('1')])), '9007199254740994');
  assert.equal(formatAmount(sum([amount('0.000001'), amount('12345678901234567.999999')])), '12345678901234568.000000');
  assert.ok(compareAmounts(amount('9007199254740993'), amount('9007199254740992')) > 0);
  assert.ok(!sameValue(amount('9007199254740993'), amount('9007199254740992')));
  // 万元 with up to six decimals, converted from 元 and rounded half away from zero only when asked for fewer digits.
  assert.equal(formatAmount(scaleByPowerOfTen(amount('73802895.90'), -4)), '7380.289590');
  assert.equal(formatAmount(scaleByPowerOfTen(amount('12345'), -4), 2), '1.23');
  assert.equal(formatAmount(scaleByPowerOfTen(amount('12350'), -4), 2), '1.24');
  assert.equal(formatAmount(scaleByPowerOfTen(amount('-12350'), -4), 2), '-1.24');
  assert.equal(formatAmount(scaleByPowerOfTen(amount('0.35'), 4)), '3500.00');
  assert.equal(formatAmount(amount('-0.05')), '-0.05');
});
