import { test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { isBinary, looksLikeReport, looksMisdecoded } from '../../server/src/engine/detect';
import { fixtureNames, joinLines, readFixture } from '../support/fixtures';

test('every seed is detected as a report', () => {
  for (const seed of fixtureNames('seeds')) assert.ok(looksLikeReport(readFixture('seeds', seed)), seed);
});

test('a report without a title is recognised by its statutory part titles', () => {
  assert.ok(looksLikeReport(joinLines('一、总体情况', '正文', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况')));
});

test('documents that are not reports are left alone', () => {
  assert.ok(!looksLikeReport(joinLines('# README', '', 'Install with npm.', '', '## 一、安装')));
  assert.ok(!looksLikeReport(joinLines('会议纪要', '一、会议内容', '二、下一步工作')));
  assert.ok(!looksLikeReport(''));
  // The title words far down a long document do not count.
  assert.ok(!looksLikeReport('正文。\n'.repeat(2000) + '政府信息公开工作年度报告'));
});

test('binary content is never a report', () => {
  assert.ok(isBinary('PK\u0003\u0004\u0000\u0000'));
  assert.ok(!looksLikeReport('政府信息公开工作年度报告\u0000\u0000'));
});

test('a GB18030 report read as UTF-8 is recognised as misdecoded; every real report, and a few stray U+FFFD, are not', () => {
  const seeds = fixtureNames('seeds').map((name) => readFixture('seeds', name));
  for (const seed of seeds) {
    const asUtf8 = new TextDecoder('utf-8').decode(iconv.encode(seed, 'gb18030'));
    assert.ok(looksMisdecoded(asUtf8), 'a seed saved in GB18030, read as UTF-8');
    assert.ok(!looksLikeReport(asUtf8), 'and nothing of it reads as a report');
  }
  for (const folder of ['seeds', 'corpus'])
    for (const name of fixtureNames(folder)) assert.ok(!looksMisdecoded(readFixture(folder, name)), `${folder}/${name}`);
  assert.ok(!looksMisdecoded(seeds[0].replace('。', '\uFFFD').replace('，', '\uFFFD\uFFFD')));
  assert.ok(!looksMisdecoded(''));
});
