/** govreport export FILE… --to docx: NAME.docx in the official layout, never over an existing file without --force, a report with errors only with --force. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDocx } from '../../server/src/readers/docx';
import { fixturesDir } from '../support/fixtures';
import { tempFolder } from '../support/temp';

const cli = join(__dirname, '..', '..', 'dist', 'cli.js');

function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'zh_CN.UTF-8', NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A temporary folder holding copies of fixtures (paths under test/fixtures). */
function folderWith(...paths: string[]): string {
  const dir = tempFolder('export');
  for (const path of paths) cpSync(join(fixturesDir, path), join(dir, path.slice(path.lastIndexOf('/') + 1)));
  return dir;
}

/** The exported document's first paragraph: the report's title. */
function titleOf(path: string): string {
  const first = readDocx(new Uint8Array(readFileSync(path))).blocks[0];
  return first.kind === 'paragraph' ? first.text : '';
}

test('export -o DIR writes NAME.docx, never over an existing file unless --force', () => {
  const dir = folderWith('corpus/淮安市人民政府_2024.txt', 'published/淮安市人民政府_2024.pdf');
  const first = run(['export', '淮安市人民政府_2024.txt', '--to', 'docx', '-o', 'out'], dir);
  assert.equal(first.code, 0, first.stderr);
  assert.equal(first.stderr, `淮安市人民政府_2024.txt → ${join('out', '淮安市人民政府_2024.docx')}\n`);
  const target = join(dir, 'out', '淮安市人民政府_2024.docx');
  assert.equal(titleOf(target), '淮安市人民政府 2024 年政府信息公开工作年度报告');

  writeFileSync(target, '我的文件');
  const again = run(['export', '淮安市人民政府_2024.txt', '--to', 'docx', '-o', 'out'], dir);
  assert.equal(again.code, 2);
  assert.match(again.stderr, /^govreport: 淮安市人民政府_2024\.txt：.*淮安市人民政府_2024\.docx 已存在，未覆盖（--force 覆盖）$/m);
  assert.equal(readFileSync(target, 'utf8'), '我的文件');
  // The PDF of the same name is read as `convert` reads it; its NAME.docx is the one just written: refused too.
  const pdf = run(['export', '淮安市人民政府_2024.pdf', '--to', 'docx', '-o', 'out'], dir);
  assert.equal(pdf.code, 2);
  assert.equal(readFileSync(target, 'utf8'), '我的文件');

  const forced = run(['export', '淮安市人民政府_2024.pdf', '--to', 'docx', '-o', 'out', '--force'], dir);
  assert.equal(forced.code, 0, forced.stderr);
  assert.equal(titleOf(target), '淮安市人民政府 2024 年政府信息公开工作年度报告');
  assert.deepEqual(readdirSync(join(dir, 'out')), ['淮安市人民政府_2024.docx']);
});

test('export without -o writes NAME.docx beside the report', () => {
  const dir = folderWith('corpus/淮安市人民政府_2024.txt');
  const { code, stderr } = run(['export', '淮安市人民政府_2024.txt', '--to', 'docx'], dir);
  assert.equal(code, 0, stderr);
  assert.ok(existsSync(join(dir, '淮安市人民政府_2024.docx')));
});

test('a report with errors is exported only with --force: without it, exit 1 and its errors listed', () => {
  const dir = folderWith('corpus/平潭综合实验区_2020.txt');
  const refused = run(['export', '平潭综合实验区_2020.txt', '--to', 'docx'], dir);
  assert.equal(refused.code, 1);
  const lines = refused.stderr.split('\n');
  assert.equal(lines[0], 'govreport: 平潭综合实验区_2020.txt：有 2 个错误，未导出（--force 仍然导出）：');
  assert.match(lines[1], /^ {2}第 100 行：「（七）总计」的「自然人」应为 26，实为 20.*（table\.sum-mismatch）$/);
  assert.match(lines[2], /^ {2}第 100 行：「（七）总计」的「总计」应为 27，实为 21.*（table\.sum-mismatch）$/);
  assert.equal(lines.length, 4);
  assert.ok(!existsSync(join(dir, '平潭综合实验区_2020.docx')));

  const forced = run(['export', '平潭综合实验区_2020.txt', '--to', 'docx', '--force'], dir);
  assert.equal(forced.code, 0, forced.stderr);
  assert.ok(existsSync(join(dir, '平潭综合实验区_2020.docx')));
});

test('export needs --to docx and a file', () => {
  const dir = folderWith('corpus/淮安市人民政府_2024.txt');
  const noFormat = run(['export', '淮安市人民政府_2024.txt'], dir);
  assert.equal(noFormat.code, 2);
  assert.match(noFormat.stderr, /^govreport: 请用 --to docx 指定导出格式$/m);
  const pdf = run(['export', '淮安市人民政府_2024.txt', '--to', 'pdf'], dir);
  assert.equal(pdf.code, 2);
  assert.match(pdf.stderr, /^govreport: 不支持的导出格式：pdf$/m);
  const none = run(['export', '--to', 'docx'], dir);
  assert.equal(none.code, 2);
  assert.match(none.stderr, /^govreport: 请指定要导出的报告$/m);
  assert.deepEqual(readdirSync(dir), ['淮安市人民政府_2024.txt']);
});
