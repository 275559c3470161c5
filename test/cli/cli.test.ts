import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { carryOverReport } from '../support/reports';
import { fixturesDir, readFixture } from '../support/fixtures';
import { tempFolder } from '../support/temp';

const cli = join(__dirname, '..', '..', 'dist', 'cli.js');

function run(args: string[], cwd: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'zh_CN.UTF-8', NO_COLOR: '1', ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function folder(files: Record<string, string | Buffer>): string {
  const dir = tempFolder('cli');
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

test('text output: per file line:col, severity, code and the Chinese message, then a summary; exit 1 on errors', () => {
  const dir = folder({ 'row-total.txt': readFixture('rules', '2019-tsv-row-total.txt'), 'notes.txt': '会议纪要\n一、会议内容\n' });
  const { code, stdout, stderr } = run(['check', '.'], dir);
  assert.equal(code, 1);
  assert.equal(stderr, '');
  assert.match(stdout, /^row-total\.txt {2}隆德县联财镇 · 2019 年度 · 2019 格式$/m);
  assert.match(stdout, /^ {2}62:32 +错误 +table\.sum-mismatch +「（一）予以公开」的「总计」应为 4，实为 5（自然人 3 \+ 商业企业 1，其余 4 项为 0）。$/m);
  assert.match(stdout, /^跳过 notes\.txt：不是年度报告$/m);
  assert.match(stdout, /^检查的报告 +1$/m);
});

test('JSON output has the public shape: file, era, organ, year, figures, diagnostics with code, severity, message, range, fixes', () => {
  const dir = folder({ 'a.txt': readFixture('rules', '2019-tsv-row-total.txt') });
  const { code, stdout } = run(['check', 'a.txt', '--format', 'json'], dir);
  assert.equal(code, 1);
  const [report] = JSON.parse(stdout);
  assert.deepEqual(Object.keys(report), ['file', 'era', 'organ', 'year', 'figures', 'diagnostics']);
  assert.deepEqual([report.file, report.era, report.organ, report.year], ['a.txt', '2019', '隆德县联财镇', 2019]);
  assert.deepEqual(report.figures, { received: 4, disclosedShare: 5 / 4, partlyShare: 0, review: 0, litigation: 0 }, 'as the (faulty) table gives them');
  const sum = report.diagnostics.find((d: { code: string }) => d.code === 'table.sum-mismatch');
  assert.deepEqual(sum.range, { start: { line: 61, character: 31 }, end: { line: 61, character: 32 } });
  assert.equal(sum.severity, 'error');
  assert.deepEqual(sum.fixes[0].edits, [{ range: sum.range, newText: '4' }]);
});

test('SARIF 2.1.0 output with the rule table and 1-based regions', () => {
  const dir = folder({ 'a.txt': readFixture('rules', '2019-tsv-row-total.txt') });
  const sarif = JSON.parse(run(['check', '.', '--format', 'sarif', '--lang', 'en'], dir).stdout);
  assert.equal(sarif.version, '2.1.0');
  const run0 = sarif.runs[0];
  assert.equal(run0.tool.driver.name, 'govreport');
  assert.ok(run0.tool.driver.rules.some((r: { id: string }) => r.id === 'report.carry-over'));
  const result = run0.results.find((r: { ruleId: string }) => r.ruleId === 'table.sum-mismatch');
  assert.equal(result.level, 'error');
  assert.deepEqual(result.locations[0].physicalLocation.region, { startLine: 62, startColumn: 32, endLine: 62, endColumn: 33 });
  assert.equal(run0.artifacts[0].encoding, 'utf-8');
  assert.match(result.message.text, /should be 4/);
});

test('--fix writes the fixes back, keeping a GBK file GBK and its CRLF line endings', () => {
  const text = readFixture('rules', '2019-tsv-row-total.txt').replace(/\n/g, '\r\n');
  const dir = folder({ 'gbk.txt': iconv.encode(text, 'gbk') });
  const before = run(['check', 'gbk.txt', '--format', 'json'], dir);
  assert.equal(JSON.parse(before.stdout)[0].organ, '隆德县联财镇');
  const fixed = run(['check', 'gbk.txt', '--fix'], dir);
  assert.doesNotMatch(fixed.stdout, /table\.sum-mismatch/);
  // What was written, fix by fix: old → new.
  assert.match(fixed.stdout, /^ {2}已修正 将「（一）予以公开」的「总计」改为 4（5 → 4）$/m);
  assert.match(fixed.stdout, /编码 gb18030/);
  const bytes = readFileSync(join(dir, 'gbk.txt'));
  const after = iconv.decode(bytes, 'gb18030');
  assert.equal(after.split('\r\n')[61], '三、本年度办理结果\t(一) 予以公开\t3\t1\t0\t0\t0\t0\t4\t');
  assert.ok(!/[^\r]\n/.test(after), 'a bare LF after the fix');
  assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes));
});

test('UTF-8 with a BOM and UTF-16 files are read, and keep their encoding after --fix', () => {
  const text = readFixture('rules', '2019-tsv-row-total.txt');
  const dir = folder({
    'bom.txt': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
    'utf16.txt': iconv.encode(text, 'utf-16le', { addBOM: true }),
  });
  const { code, stdout } = run(['check', '.', '--fix', '--format', 'json'], dir);
  assert.equal(code, 0); // fixed: only warnings and hints are left
  for (const report of JSON.parse(stdout))
    assert.deepEqual(report.fixed, [
      { code: 'table.sum-mismatch', title: '将「（一）予以公开」的「总计」改为 4', changes: [{ before: '5', after: '4' }] },
      { code: 'part.missing', title: '插入「六、其他需要报告的事项」', changes: [{ before: '', after: '\n\n六、其他需要报告的事项' }] },
    ]);
  assert.deepEqual([...readFileSync(join(dir, 'bom.txt')).subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  assert.deepEqual([...readFileSync(join(dir, 'utf16.txt')).subarray(0, 2)], [0xff, 0xfe]);
  assert.match(iconv.decode(readFileSync(join(dir, 'utf16.txt')), 'utf-16'), /\(一\) 予以公开\t3\t1\t0\t0\t0\t0\t4/);
});

test('exit 0 when only warnings and hints; binary files are skipped with a note', () => {
  const dir = folder({ 'seed.txt': readFixture('seeds', '003_721881aa274abb1a.txt'), 'image.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]) });
  const { code, stdout } = run(['check', '.'], dir);
  assert.equal(code, 0);
  assert.match(stdout, /^跳过 image\.txt：二进制文件$/m);
});

test('usage and I/O problems exit 2 with a clear message and no stack trace', () => {
  const dir = folder({});
  for (const args of [['check'], ['lint', '.'], ['check', '.', '--format', 'xml'], ['check', 'missing.txt'], ['check', '.', '--bogus']]) {
    const { code, stderr } = run(args, dir);
    assert.equal(code, 2, args.join(' '));
    assert.match(stderr, /^govreport: /);
    assert.doesNotMatch(stderr, /\n\s+at /);
  }
  assert.match(run(['--help'], dir).stdout, /用法：govreport check/);
  assert.match(run(['--help'], dir, { LANG: 'en_US.UTF-8' }).stdout, /^Usage: govreport check/);
});

test('report.carry-over: 二、上年结转 of 2022 against 四、结转下年度继续办理 of 2021, same organ', () => {
  const dir = folder({ '2021.txt': carryOverReport(2021, 0, 3), '2022.txt': carryOverReport(2022, 2, 0) });
  const [, later] = JSON.parse(run(['check', '.', '--format', 'json'], dir).stdout);
  assert.equal(later.file, '2022.txt');
  const carry = later.diagnostics.filter((d: { code: string }) => d.code === 'report.carry-over');
  assert.deepEqual(
    carry.map((d: { message: string }) => d.message),
    [
      '「二、上年结转政府信息公开申请数量」的「自然人」为 2，而 2021 年度报告的「四、结转下年度继续办理」为 3。',
      '「二、上年结转政府信息公开申请数量」的「总计」为 2，而 2021 年度报告的「四、结转下年度继续办理」为 3。',
    ],
  );
});

test('many files are checked in worker threads with the same results', () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 24; i++) files[`r${String(i).padStart(2, '0')}.txt`] = readFixture('rules', '2019-tsv-row-total.txt');
  const dir = folder(files);
  const parallel = run(['check', '.', '--format', 'json', '--jobs', '3'], dir);
  const serial = run(['check', '.', '--format', 'json', '--jobs', '1'], dir);
  assert.equal(parallel.stdout, serial.stdout);
  assert.equal(JSON.parse(parallel.stdout).length, 24);
});

test('the regression corpus reads without a crash', () => {
  const dir = folder({});
  const { code, stderr } = run(['check', join(fixturesDir, 'corpus'), join(fixturesDir, 'seeds')], dir);
  assert.equal(code, 1);
  assert.equal(stderr, '');
});

test('.govreportrc.json: rule levels apply from the nearest file up the folders; a broken file exits 2', () => {
  const dir = folder({ 'row-total.txt': readFixture('rules', '2019-tsv-row-total.txt') });
  writeFileSync(
    join(dir, '.govreportrc.json'),
    JSON.stringify({ rules: { 'table.sum-mismatch': 'warning', 'part.missing': 'off', 'report.prose-vs-table': 'hint' } }),
  );
  const { code, stdout } = run(['check', '.', '--format', 'json'], dir);
  assert.equal(code, 0);
  const codes = JSON.parse(stdout)[0].diagnostics.map((d: { code: string; severity: string }) => `${d.code}:${d.severity}`);
  assert.ok(codes.includes('table.sum-mismatch:warning'));
  assert.ok(!codes.some((c: string) => c.startsWith('part.missing')));
  writeFileSync(join(dir, '.govreportrc.json'), '{ "rules": ');
  const broken = run(['check', '.'], dir);
  assert.equal(broken.code, 2);
  assert.match(broken.stderr, /^govreport: \.govreportrc\.json: not valid JSON/m);
});
