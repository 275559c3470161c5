/**
 * What `check --fix` and `convert -o --force` write, and where: in place of the file the user named
 * (a symbolic link's target, every hard link), with its owner and mode; never a read-only file, never
 * through a planted temporary-file link, never over an edit saved since the file was checked.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, cpSync, linkSync, lstatSync, readFileSync, readdirSync, renameSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { replaceFile, WriteRefused } from '../../server/src/cli/replace-file';
import { fixturesDir, readFixture } from '../support/fixtures';
import { tempFolder } from '../support/temp';

const cli = join(__dirname, '..', '..', 'dist', 'cli.js');
const report = readFixture('rules', '2019-tsv-row-total.txt');
/** Line 62 of the report before and after its one preferred fix (a 总计 of 5 that should be 4). */
const line62 = (text: string) => text.split('\n')[61];
const FIXED = '三、本年度办理结果\t(一) 予以公开\t3\t1\t0\t0\t0\t0\t4\t';
const isRoot = process.getuid?.() === 0;

function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'zh_CN.UTF-8', NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function folder(files: Record<string, string>): string {
  const dir = tempFolder('write');
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content, { mode: 0o644 });
  return dir;
}

const read = (dir: string, name: string) => readFileSync(join(dir, name), 'utf8');

test('--fix on a symbolic link writes the file it points to, and the link stays a link', () => {
  const dir = folder({ 'target.txt': report });
  symlinkSync('target.txt', join(dir, 'link.txt'));
  const { code, stderr } = run(['check', '--fix', 'link.txt'], dir);
  assert.equal(stderr, '');
  assert.equal(code, 0);
  assert.ok(lstatSync(join(dir, 'link.txt')).isSymbolicLink());
  assert.equal(line62(read(dir, 'target.txt')), FIXED);
  assert.deepEqual(readdirSync(dir).sort(), ['link.txt', 'target.txt']);
});

test('--fix on a file with two hard links writes the one file both names share', () => {
  const dir = folder({ 'one.txt': report });
  linkSync(join(dir, 'one.txt'), join(dir, 'two.txt'));
  const inode = statSync(join(dir, 'one.txt')).ino;
  assert.equal(run(['check', '--fix', 'one.txt'], dir).code, 0);
  assert.equal(statSync(join(dir, 'one.txt')).ino, inode);
  assert.equal(statSync(join(dir, 'two.txt')).nlink, 2);
  assert.equal(line62(read(dir, 'two.txt')), FIXED);
});

test('--fix keeps the mode and, as root, the owner of the file', () => {
  const dir = folder({ 'report.txt': report });
  const path = join(dir, 'report.txt');
  chmodSync(path, 0o640);
  if (isRoot) chownSync(path, 65534, 65534);
  assert.equal(run(['check', '--fix', 'report.txt'], dir).code, 0);
  const after = statSync(path);
  assert.equal(line62(read(dir, 'report.txt')), FIXED);
  assert.equal(after.mode & 0o7777, 0o640);
  if (isRoot) assert.deepEqual([after.uid, after.gid], [65534, 65534]);
});

test('--fix refuses a read-only file with a message and exit 2, leaving it byte for byte, and still fixes the others', () => {
  const dir = folder({ 'locked.txt': report, 'open.txt': report });
  chmodSync(join(dir, 'locked.txt'), 0o444);
  const { code, stdout, stderr } = run(['check', '--fix', '.'], dir);
  assert.equal(code, 2);
  assert.equal(stderr, 'govreport: 未修正 locked.txt：文件为只读，或无权写入\n');
  assert.equal(read(dir, 'locked.txt'), report);
  assert.equal(statSync(join(dir, 'locked.txt')).mode & 0o777, 0o444);
  assert.equal(line62(read(dir, 'open.txt')), FIXED);
  // The findings shown for the refused file are those of the file as it is.
  assert.match(stdout, /^locked\.txt .*\n(?:.*\n)*? {2}62:32 +错误 +table\.sum-mismatch/m);
});

test('--fix writes no temporary file through a symbolic link planted under a predictable name', () => {
  const dir = folder({ 'r.txt': report });
  const victim = join(tempFolder('victim'), 'precious.txt');
  writeFileSync(victim, 'precious\n');
  // The names the temporary file used to have, for the process ids the CLI is likely to get.
  for (let pid = process.pid; pid < process.pid + 2000; pid++) symlinkSync(victim, join(dir, `.r.txt.govreport-${pid}.tmp`));
  assert.equal(run(['check', '--fix', 'r.txt'], dir).code, 0);
  assert.equal(readFileSync(victim, 'utf8'), 'precious\n');
  assert.ok(lstatSync(join(dir, 'r.txt')).isFile());
  assert.equal(line62(read(dir, 'r.txt')), FIXED);
  assert.equal(readdirSync(dir).length, 2001, 'a temporary file was left behind');
});

test('replaceFile refuses, writing nothing, when the file changed after it was read: edited in place, or replaced by another file', () => {
  const dir = folder({});
  const cases: [string, (path: string) => void][] = [
    ['edited', (path) => writeFileSync(path, 'edited meanwhile\n')],
    ['saved by rename', (path) => (writeFileSync(`${path}.new`, 'saved meanwhile\n'), renameSync(`${path}.new`, path))],
  ];
  for (const links of [1, 2])
    for (const [how, change] of cases) {
      const path = join(dir, `${how} ${links}.txt`);
      writeFileSync(path, 'checked\n');
      if (links === 2) linkSync(path, `${path}.link`);
      const checked = readFileSync(path);
      change(path);
      const now = readFileSync(path);
      assert.throws(
        () => replaceFile(path, checked, Buffer.from('fixed\n')),
        (e: unknown) => e instanceof WriteRefused && e.reason === 'changed',
        `${how}, ${links} link(s)`,
      );
      assert.deepEqual(readFileSync(path), now, `${how}, ${links} link(s)`);
    }
  assert.equal(readdirSync(dir).filter((name) => name.includes('govreport')).length, 0);
});

test('convert -o --force replaces as --fix does: through a link to its target, never a read-only file', () => {
  const dir = tempFolder('write-convert');
  cpSync(join(fixturesDir, 'published', '平潭综合实验区_2024.html'), join(dir, 'page.html'));
  const out = join(dir, 'out');
  assert.equal(run(['convert', 'page.html', '-o', 'out'], dir).code, 0);
  const converted = read(out, 'page.md');
  writeFileSync(join(dir, 'kept.md'), 'mine\n');
  symlinkSync('../kept.md', join(out, 'page.md.link'));
  renameSync(join(out, 'page.md.link'), join(out, 'page.md'));
  assert.equal(run(['convert', 'page.html', '-o', 'out', '--force'], dir).code, 0);
  assert.ok(lstatSync(join(out, 'page.md')).isSymbolicLink());
  assert.equal(read(dir, 'kept.md'), converted);

  writeFileSync(join(dir, 'kept.md'), 'mine again\n');
  chmodSync(join(dir, 'kept.md'), 0o444);
  const refused = run(['convert', 'page.html', '-o', 'out', '--force'], dir);
  assert.equal(refused.code, 2);
  assert.match(refused.stderr, /^govreport: page\.html：未写入 .*page\.md：文件为只读，或无权写入$/m);
  assert.equal(read(dir, 'kept.md'), 'mine again\n');
});
