import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isWhitespace } from '../../server/src/engine/chars';
import { bigrams, bigramSimilarity, labelKey, labelSegments, normalizeText } from '../../server/src/engine/labels';

const similarity = (a: string, b: string) => bigramSimilarity(bigrams(a), bigrams(b));

test('segments drop numbering, spaces, quotes and punctuation', () => {
  assert.deepEqual(labelSegments(['三、本年度办理结果', '(三) 不予公开', '1. 属于国家秘密']), ['本年度办理结果', '不予公开', '属于国家秘密']);
  assert.deepEqual(labelSegments(['（三）不予公开 3.危及"三安全一稳定"']), ['不予公开', '危及三安全一稳定']);
  assert.deepEqual(labelSegments(['(二) 部分公开 (区分处理的, 只计这一情形, 不计其他情形)']), ['部分公开（区分处理的只计这一情形不计其他情形）']);
  assert.deepEqual(labelSegments(['其中：涉及国家秘密']), ['涉及国家秘密']);
  assert.deepEqual(labelSegments(['三、']), []);
  assert.deepEqual(labelSegments(['本年 度办']), ['本年度办']);
});

test('keys of statutory labels', () => {
  assert.equal(labelKey('1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'), '申请人无正当理由逾期不补正行政机关不再处理其政府信息公开申请');
  assert.equal(labelKey('（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）'), '主动公开政府信息数（不同渠道和方式公开相同信息计1条）');
});

test('similarity tolerates typos and missing words, not different labels', () => {
  assert.ok(similarity('无正当理由由大量反复申请', '无正当理由大量反复申请') > 0.9);
  assert.ok(similarity('本机关不掌握相关信息', '本机关不掌握相关政府信息') >= 0.8);
  assert.ok(similarity('其他法律行政止公开', '其他法律行政法规禁止公开') > 0.7);
  assert.ok(similarity('重复申请', '信访举报投诉类申请') < 0.3);
  assert.equal(similarity('规章', '规章'), 1);
});

test('isWhitespace is exactly the \\s of regular expressions, for every UTF-16 code unit', () => {
  const differing: string[] = [];
  for (let code = 0; code < 0x10000; code++) if (isWhitespace(code) !== /\s/.test(String.fromCharCode(code))) differing.push(code.toString(16));
  assert.deepEqual(differing, []);
});

test('normalizeText drops spaces and punctuation and makes brackets full-width and digits half-width', () => {
  assert.equal(normalizeText(' 第二十条第(一)项： '), '第二十条第（一）项');
  assert.equal(normalizeText('本年新收\u3000政府信息公开申请数量'), '本年新收政府信息公开申请数量');
  assert.equal(normalizeText('计１２．５条，“其中”'), '计12.5条其中');
  assert.equal(normalizeText('规章'), '规章');
  // Against the definition by regular expressions, on text mixing every character class it handles.
  const alphabet = [...'本年新收（）()０９09．.，,、。；;：:“”"\'‘’`*#_ \t\u3000\u00a0\ufeff一三、其中'];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 30 }), (chars) => {
      const text = chars.join('');
      const expected = text
        .replace(/[\s，,、。；;：:“”"'‘’`*#_]+/g, '')
        .replace(/\(/g, '（')
        .replace(/\)/g, '）')
        .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
        .replace(/．/g, '.');
      assert.equal(normalizeText(text), expected);
    }),
    { numRuns: 2000 },
  );
});
