/** govreport rollup: the units' reports summed into a roll-up report on standard output or in a new file, what was summed on standard error. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../server/src/rules';
import { fixturesDir } from '../support/fixtures';
import { tempFolder } from '../support/temp';

const cli = join(__dirname, '..', '..', 'dist', 'cli.js');

function run(args: string[], cwd: string, lang = 'zh_CN.UTF-8') {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: lang, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The desk's roll-up folder (甲镇 and 乙镇 of 2023, 丙镇 of 2022, units 甲镇, 乙镇, 丁镇) as 某某县's folder. */
function countyFolder(): string {
  const dir = join(tempFolder('rollup'), '某某县');
  cpSync(join(fixturesDir, 'desk', 'rollup-2023'), dir, { recursive: true });
  return dir;
}

const figure = (text: string, table: string, row: string, column: string) => {
  const value = analyze(text)
    .bound.tables.find((t) => t.definition.id === table)
    ?.rows.get(row)
    ?.cells.get(column)?.value;
  return value?.kind === 'number' ? Number(value.units) / 10 ** value.decimals : value?.kind;
};

test('rollup FOLDER: the roll-up on standard output, titled with the folder name, the summary on standard error', () => {
  const dir = countyFolder();
  const { code, stdout, stderr } = run(['rollup', '.'], dir);
  assert.equal(code, 0);
  assert.equal(stdout.split('\n')[0], '某某县2023年政府信息公开工作年度报告（汇总）');
  assert.equal(figure(stdout, 'applications', 'new', 'total'), 13);
  assert.equal(figure(stdout, 'article20-6', 'penalty', 'decisions'), 5);
  assert.equal(stderr, 'govreport: 未汇总 丙镇_2022.txt：是2022年的报告\n已汇总 2 个单位的2023年报告，未汇总 1 份，未收到报告 1 个单位：丁镇人民政府\n');
});

test('rollup --year --organ -o: another year summed into a new file, never over an existing one unless --force', () => {
  const dir = countyFolder();
  const first = run(['rollup', '.', '--year', '2022', '--organ', '某某县人民政府', '-o', 'out.md', '--lang', 'en'], dir);
  assert.equal(first.code, 0);
  assert.equal(first.stdout, '');
  const written = readFileSync(join(dir, 'out.md'), 'utf8');
  assert.equal(written.split('\n')[0], '某某县人民政府2022年政府信息公开工作年度报告（汇总）');
  assert.equal(figure(written, 'article20-6', 'penalty', 'decisions'), 40);
  assert.match(first.stderr, /^2022: units summed 1, reports left out 2, expected units with no report 3: 甲镇人民政府, 乙镇, 丁镇人民政府$/m);

  writeFileSync(join(dir, 'out.md'), 'mine');
  const again = run(['rollup', '.', '--organ', '某某县人民政府', '-o', 'out.md'], dir);
  assert.equal(again.code, 2);
  assert.match(again.stderr, /out\.md 已存在，未覆盖（--force 覆盖）/);
  assert.equal(readFileSync(join(dir, 'out.md'), 'utf8'), 'mine');
  assert.equal(run(['rollup', '.', '--organ', '某某县人民政府', '-o', 'out.md', '--force'], dir).code, 0);
  assert.match(readFileSync(join(dir, 'out.md'), 'utf8'), /^某某县人民政府2023年/);
});

test('rollup with nothing to sum, or files and no --organ, or a bad --year: exit 2 and nothing written', () => {
  const dir = countyFolder();
  const none = run(['rollup', '.', '--year', '2019'], dir);
  assert.deepEqual([none.code, none.stdout], [2, '']);
  assert.match(none.stderr, /没有可汇总的2019年报告/);
  const files = run(['rollup', '甲镇_2023.txt', '乙镇_2023.txt'], dir);
  assert.deepEqual([files.code, files.stdout], [2, '']);
  assert.match(files.stderr, /请用 --organ 指定汇总报告的机关名称/);
  assert.equal(run(['rollup', '.', '--year', '23'], dir).code, 2);
});
