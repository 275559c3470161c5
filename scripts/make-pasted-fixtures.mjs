// Regenerates test/fixtures/extracted/pasted-*.txt: real corpus reports reshaped the way pasted
// copies of them reach the checker (`node scripts/make-pasted-fixtures.mjs`). Each fixture is one
// transformation of one corpus report, named after it; the corpus itself is never edited.
// Their findings are pinned in the matching pasted-*.expected.json and in test/unit/pasted.test.ts.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const corpus = (name) => readFileSync(join('test/fixtures/corpus', `${name}.txt`), 'utf8').split('\n');
const write = (name, lines) => writeFileSync(join('test/fixtures/extracted', `pasted-${name}.txt`), lines.join('\n'));

/** Replaces `from` by `to` on the lines where `where` holds; fails if nothing was replaced, so a changed source is noticed. */
function replaceIn(lines, from, to, where = () => true) {
  let replaced = 0;
  const out = lines.map((line, i) => {
    if (!where(line, i) || !line.includes(from)) return line;
    replaced++;
    return line.replace(from, to);
  });
  if (replaced === 0) throw new Error(`«${from}» not found`);
  return out;
}

/** Index of the first line that starts with `prefix`. */
function lineStarting(lines, prefix) {
  const at = lines.findIndex((l) => l.startsWith(prefix));
  if (at < 0) throw new Error(`no line starts with «${prefix}»`);
  return at;
}

// A web copy: the title line carries the whole text body (blank lines gone, lines joined by a space),
// and the statistical period's dates left blank (统计期限自至); the statistics table follows as it was.
{
  const lines = corpus('平潭综合实验区_2013');
  const table = lineStarting(lines, '平潭综合实验区政府信息公开情况统计表');
  const body = replaceIn(lines.slice(0, table), '自2013年1月1日起至2013年12月31日', '自至').filter((l) => l.trim() !== '');
  write('one-line-平潭综合实验区_2013', [body.join(' '), '', ...lines.slice(table)]);
}

// The five 法人或其他组织 columns of table 三 left blank on every row (they are all 0 in the source).
{
  const lines = corpus('淮安市洪泽区人民政府_2024');
  const first = lineStarting(lines, '一、本年新收政府信息公开申请数量');
  const last = lineStarting(lines, '四、结转下年度继续办理');
  write(
    'blank-group-淮安市洪泽区人民政府_2024',
    lines.map((line, i) => {
      if (i < first || i > last) return line;
      const cells = line.split('\t');
      const n = cells.length;
      return [...cells.slice(0, n - 6), '', '', '', '', '', cells[n - 1]].join('\t');
    }),
  );
}

// The 2019 label 规范性文件 in the 2021 第二十条第（一）项 table.
write('other-era-label-平潭综合实验区_2021', replaceIn(corpus('平潭综合实验区_2021'), '行政规范性文件\t', '规范性文件\t'));

// Cut short after part 三's table.
{
  const lines = corpus('平潭综合实验区_2021');
  write('cut-short-平潭综合实验区_2021', lines.slice(0, lineStarting(lines, '四、结转下年度继续办理') + 1));
}

// Parts 二 to 五 titled with the long titles of the formats' body text.
{
  let lines = corpus('平潭综合实验区_2021');
  const part = (line) => /^[二三四五]、/.test(line);
  lines = replaceIn(lines, '二、主动公开政府信息情况', '二、行政机关主动公开政府信息情况', part);
  lines = replaceIn(lines, '三、收到和处理政府信息公开申请情况', '三、行政机关收到和处理政府信息公开申请情况', part);
  lines = replaceIn(lines, '四、政府信息公开行政复议、行政诉讼情况', '四、因政府信息公开工作被申请行政复议、提起行政诉讼情况', part);
  lines = replaceIn(lines, '五、存在的主要问题及改进情况', '五、政府信息公开工作存在的主要问题及改进情况', part);
  write('long-titles-平潭综合实验区_2021', lines);
}
