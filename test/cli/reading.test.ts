/**
 * What `check` reads, and that nothing it cannot read passes in silence: a FIFO never blocks it, a
 * stray byte or NUL does not turn a report into a skipped file, an unreadable folder is an I/O
 * problem, a folder scan stays in its folder, and `.govreportrc.json` is looked up within the project.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findConfigFile } from '../../server/src/node/config-file';
import { readFixture } from '../support/fixtures';
import { tempFolder } from '../support/temp';

const cli = join(__dirname, '..', '..', 'dist', 'cli.js');
const report = readFixture('rules', '2019-tsv-row-total.txt');
const isRoot = process.getuid?.() === 0;
/** An unreadable folder stops only other users than root: as root the CLI runs as nobody for it. */
const NOBODY = 65534;

function run(args: string[], cwd: string, as?: number) {
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 20_000,
    env: { ...process.env, LANG: 'zh_CN.UTF-8', NO_COLOR: '1' },
    ...(as === undefined ? {} : { uid: as, gid: as }),
  });
  return { code: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

function folder(files: Record<string, string | Buffer>, tag = 'read'): string {
  const dir = tempFolder(tag);
  chmodSync(dir, 0o755);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content, { mode: 0o644 });
  }
  return dir;
}

function mkfifo(path: string): void {
  assert.equal(spawnSync('mkfifo', [path]).status, 0, 'mkfifo');
}

const withFifo = { skip: process.platform === 'win32' && 'no FIFOs' };

test('a FIFO named .govreportrc.json, or named as a report, is refused at once as not a regular file: exit 2, never a hang', withFifo, () => {
  const dir = folder({ 'r.txt': report });
  mkfifo(join(dir, '.govreportrc.json'));
  mkfifo(join(dir, 'pipe.txt'));
  const config = run(['check', 'r.txt'], dir);
  assert.equal(config.signal, null, 'the CLI hung on the FIFO');
  assert.equal(config.code, 2);
  assert.equal(config.stderr, 'govreport: .govreportrc.json: cannot read: not a regular file\n');
  const named = run(['check', 'pipe.txt', '--lang', 'en'], join(dir));
  assert.equal(named.signal, null);
  assert.equal(named.code, 2);
  assert.match(named.stderr, /^govreport: cannot read or write pipe\.txt: not a regular file$/m);
  const found = findConfigFile(dir);
  assert.deepEqual(found?.problems, ['cannot read: not a regular file']);
});

test('a .govreportrc.json over 1 MB is not read: exit 2 with the reason', () => {
  const dir = folder({ 'r.txt': report, '.govreportrc.json': `{"rules":{}}${' '.repeat(1024 * 1024)}` });
  const { code, stderr } = run(['check', 'r.txt'], dir);
  assert.equal(code, 2);
  assert.equal(stderr, 'govreport: .govreportrc.json: cannot read: larger than 1 MB\n');
});

test('.govreportrc.json is looked up to the repository root (.git) and no further; in the editor, to the workspace folder', () => {
  const quiet = JSON.stringify({ rules: { 'table.sum-mismatch': 'off', 'part.missing': 'off' } });
  const dir = folder({ '.govreportrc.json': quiet, 'project/reports/r.txt': report });
  const reports = join(dir, 'project', 'reports');
  assert.equal(run(['check', 'r.txt'], reports).code, 0, 'without .git the lookup reaches the shared folder');
  mkdirSync(join(dir, 'project', '.git'));
  assert.equal(run(['check', 'r.txt'], reports).code, 1, 'the config above the repository applied');
  assert.equal(findConfigFile(reports), undefined);
  writeFileSync(join(dir, 'project', '.govreportrc.json'), quiet);
  assert.equal(findConfigFile(reports)?.path, join(dir, 'project', '.govreportrc.json'));
  assert.equal(findConfigFile(reports, reports), undefined, 'the lookup went above stopAt');
  assert.equal(findConfigFile(reports, join(dir, 'project'))?.path, join(dir, 'project', '.govreportrc.json'));
});

test('one stray byte: the report is read as UTF-8 and checked, the byte named; --fix refuses to rewrite the file', () => {
  const lines = report.split('\n');
  const bytes = Buffer.concat([Buffer.from(lines.slice(0, 3).join('\n') + '\n'), Buffer.from([0xff]), Buffer.from(lines.slice(3).join('\n'))]);
  const dir = folder({ 'stray.txt': bytes });
  const checked = run(['check', 'stray.txt'], dir);
  assert.equal(checked.code, 1);
  assert.match(
    checked.stdout,
    /^stray\.txt {2}隆德县联财镇 · 2019 年度 · 2019 格式\n {2}注意 有无法按 utf-8 解码的字节（显示为 �）：4:1；--fix 不会改写本文件\n/m,
  );
  assert.match(checked.stdout, /^ {2}62:32 +错误 +table\.sum-mismatch/m);
  const json = JSON.parse(run(['check', 'stray.txt', '--format', 'json', '--lang', 'en'], dir).stdout);
  assert.deepEqual(json[0].notes, ['bytes that cannot be decoded as utf-8 (shown as �) at 4:1; --fix leaves this file unchanged']);
  const fixed = run(['check', 'stray.txt', '--fix'], dir);
  assert.equal(fixed.code, 2);
  assert.equal(fixed.stderr, 'govreport: 未修正 stray.txt：文件有无法解码的字节，写回会改变它们\n');
  assert.deepEqual(readFileSync(join(dir, 'stray.txt')), bytes);
});

test('a NUL character does not make a report binary: it is checked', () => {
  const dir = folder({ 'nul.txt': report.replace('\t', '\t\u0000') });
  const { code, stdout } = run(['check', 'nul.txt'], dir);
  assert.equal(code, 1);
  assert.match(stdout, /^ {2}62:32 +错误 +table\.sum-mismatch/m);
});

test(
  'an unreadable folder or file in a scan is an I/O problem, named, exit 2; the rest is still checked',
  { skip: process.platform === 'win32' && 'no POSIX modes' },
  () => {
    const dir = folder({ 'tree/ok.txt': report, 'tree/sub/r.txt': report, 'tree/locked.txt': report });
    chmodSync(join(dir, 'tree', 'sub'), 0o000);
    chmodSync(join(dir, 'tree', 'locked.txt'), 0o000);
    const { code, stdout, stderr } = run(['check', 'tree', '--lang', 'en'], dir, isRoot ? NOBODY : undefined);
    chmodSync(join(dir, 'tree', 'sub'), 0o755);
    assert.equal(code, 2);
    assert.equal(
      stderr,
      'govreport: cannot read tree/sub: EACCES: permission denied\ngovreport: cannot read or write tree/locked.txt: EACCES: permission denied\n',
    );
    assert.match(stdout, /^tree\/ok\.txt {2}/m);
  },
);

test('a folder scan or glob follows no symbolic link out of the folder, and --fix writes nothing there; a file named twice is checked once', () => {
  const dir = folder({ 'elsewhere/precious.txt': report, 'project/own.txt': report });
  symlinkSync('../elsewhere', join(dir, 'project', 'shortcut'));
  symlinkSync('../elsewhere/precious.txt', join(dir, 'project', 'linked.txt'));
  for (const target of ['project', 'project/**/*.txt']) {
    const { code, stdout } = run(['check', '--fix', target, '--format', 'json'], dir);
    assert.equal(code, 0, target);
    assert.deepEqual(
      JSON.parse(stdout).map((r: { file: string }) => r.file),
      ['project/own.txt'],
      target,
    );
  }
  assert.equal(readFileSync(join(dir, 'elsewhere', 'precious.txt'), 'utf8'), report);
  const twice = run(['check', 'elsewhere/precious.txt', 'project/linked.txt', '--format', 'json'], dir);
  assert.deepEqual(
    JSON.parse(twice.stdout).map((r: { file: string }) => r.file),
    ['elsewhere/precious.txt'],
  );
});

test('checking many files in worker threads adds no listener per file (no MaxListenersExceededWarning)', () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 60; i++) files[`n${i}.txt`] = `会议纪要 ${i}\n`;
  const { code, stderr } = run(['check', '.', '--jobs', '2'], folder(files));
  assert.equal(code, 0);
  assert.equal(stderr, '');
});
