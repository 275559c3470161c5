/** The reviewer's desk on the command line: a folder of real reports and a copied one, checked at once. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixturesDir } from '../support/fixtures';
import { tempFolder } from '../support/temp';

const cli = join(__dirname, '..', '..', 'dist', 'cli.js');

const run = (args: string[], cwd: string) =>
  spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'zh_CN.UTF-8', NO_COLOR: '1' } });

const pingtan = [2019, 2020, 2021, 2022, 2023].map((year) => `平潭综合实验区_${year}.txt`);
const copy = 'copy-平潭综合实验区_2023.txt';
const hongze = ['淮安市洪泽区人民政府_2023.txt', '淮安市洪泽区人民政府_2024.txt'];
const hangzhou = '2025_hangzhou_style_fixture_KIROGOVCOMPARE.txt';

function desk(): string {
  const dir = tempFolder('desk');
  for (const name of [...pingtan, ...hongze, hangzhou]) copyFileSync(join(fixturesDir, 'corpus', name), join(dir, name));
  copyFileSync(join(fixturesDir, 'desk', copy), join(dir, copy));
  return dir;
}

interface Report {
  file: string;
  reused?: { share: number; previousYear: number; previous: string };
  diagnostics: { code: string; range: { start: { line: number } } }[];
}

const acrossCodes = ['report.copied-text', 'report.in-force-mismatch', 'value.implausible', 'report.carry-over'];

test('govreport check . --format json: the rules across reports find the copy, its figures and the real jumps, and nothing else on the real reports', () => {
  const { status, stdout } = run(['check', '.', '--format', 'json'], desk());
  assert.equal(status, 1);
  const reports: Report[] = JSON.parse(stdout);
  const found = Object.fromEntries(
    reports.map((r) => [
      r.file,
      r.diagnostics
        .filter((d) => acrossCodes.includes(d.code))
        .map((d) => `${d.code}@${d.range.start.line + 1}`)
        .sort(),
    ]),
  );
  const copied = (...lines: number[]) => lines.map((line) => `report.copied-text@${line}`);
  assert.deepEqual(found, {
    [hangzhou]: ['value.implausible@21'],
    [copy]: ['report.carry-over@52', 'report.carry-over@52', ...copied(7, 11, 15, 19, 27, 84, 86, 88), 'report.in-force-mismatch@34'].sort(),
    '平潭综合实验区_2019.txt': [],
    '平潭综合实验区_2020.txt': [],
    '平潭综合实验区_2021.txt': ['value.implausible@27'],
    '平潭综合实验区_2022.txt': [],
    '平潭综合实验区_2023.txt': ['report.in-force-mismatch@34'],
    '淮安市洪泽区人民政府_2023.txt': [],
    '淮安市洪泽区人民政府_2024.txt': ['report.copied-text@14', 'value.implausible@28'],
  });
  assert.deepEqual(Object.fromEntries(reports.filter((r) => 'reused' in r).map((r) => [r.file, r.reused])), {
    [copy]: { share: 0.848, previousYear: 2022, previous: '平潭综合实验区_2022.txt' },
    '淮安市洪泽区人民政府_2024.txt': { share: 0.093, previousYear: 2023, previous: '淮安市洪泽区人民政府_2023.txt' },
  });
});

test('govreport check --format text: the copied paragraph, its line in last year’s report and the share reused', () => {
  const { stdout } = run(['check', copy, '平潭综合实验区_2022.txt'], desk());
  assert.match(stdout, /^ {2}7:1 +警告 +report\.copied-text +此段与 2022 年度报告第 7 行的一段相同；本报告正文约 85% 沿用上年度报告。$/m);
  assert.match(stdout, /^ {2}84:1 +警告 +report\.copied-text +第五部分与 2022 年度报告的第五部分雷同（相似度 1）：存在的问题和改进情况应写本年度的实际。$/m);
});
