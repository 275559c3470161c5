import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readFixture } from '../support/fixtures';
import { tempFolder } from '../support/temp';

const cli = join(__dirname, '..', '..', 'dist', 'cli.js');

/** A report, a text that is no report, a binary .txt and an empty .pdf: one checked, two skipped, one unreadable. */
function mixedFolder(): string {
  const dir = tempFolder('skipped');
  writeFileSync(join(dir, 'a.txt'), readFixture('rules', '2019-tsv-row-total.txt'));
  writeFileSync(join(dir, 'notes.txt'), '会议纪要\n一、会议内容\n');
  writeFileSync(join(dir, 'blob.txt'), Buffer.from([0, 1, 2, 0x62, 0, 0xff, 0]));
  writeFileSync(join(dir, 'empty.pdf'), '');
  return dir;
}

function check(format: string) {
  const result = spawnSync(process.execPath, [cli, 'check', '.', '--format', format], {
    cwd: mixedFolder(),
    encoding: 'utf8',
    env: { ...process.env, LANG: 'zh_CN.UTF-8', NO_COLOR: '1' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('JSON lists each file not checked after the reports, with why and no diagnostics', () => {
  const { code, stdout, stderr } = check('json');
  assert.equal(code, 2, 'an unreadable file fails the check');
  assert.equal(stderr, 'govreport: 无法读写 empty.pdf：文件是空的\n');
  const entries = JSON.parse(stdout) as { file: string }[];
  assert.deepEqual(
    entries.map((e) => e.file),
    ['a.txt', 'blob.txt', 'notes.txt', 'empty.pdf'],
  );
  assert.deepEqual(entries.slice(1), [
    { file: 'blob.txt', skipped: '二进制文件', diagnostics: [] },
    { file: 'notes.txt', skipped: '不是年度报告', diagnostics: [] },
    { file: 'empty.pdf', skipped: '文件是空的', failed: true, diagnostics: [] },
  ]);
});

test('SARIF tells of each file not checked as a tool execution notification on the file', () => {
  const { stdout } = check('sarif');
  const [run] = JSON.parse(stdout).runs;
  const location = (uri: string) => [{ physicalLocation: { artifactLocation: { uri, uriBaseId: 'SRCROOT' } } }];
  assert.deepEqual(run.invocations, [
    {
      executionSuccessful: true,
      toolExecutionNotifications: [
        { level: 'note', descriptor: { id: 'skipped' }, message: { text: '二进制文件' }, locations: location('blob.txt') },
        { level: 'note', descriptor: { id: 'skipped' }, message: { text: '不是年度报告' }, locations: location('notes.txt') },
        { level: 'error', descriptor: { id: 'unreadable' }, message: { text: '文件是空的' }, locations: location('empty.pdf') },
      ],
    },
  ]);
  assert.deepEqual(
    run.artifacts.map((a: { location: { uri: string } }) => a.location.uri),
    ['a.txt'],
  );
});
