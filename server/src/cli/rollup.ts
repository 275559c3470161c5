/**
 * govreport rollup FILES|FOLDER [--organ NAME] [--year N] [-o OUT.md] — the reports' statutory tables
 * summed into a roll-up report (rules/rollup.ts), read as `check` reads them (text, PDF, Word, web
 * pages). The expected units come from the `.govreportrc.json` of the first folder or file's folder.
 * Written to standard output, or to OUT (never over an existing file unless --force); what was summed,
 * left out and missing goes to standard error.
 */
import { statSync } from 'node:fs';
import { basename, dirname, extname, relative, resolve } from 'node:path';
import { looksLikeReport } from '../engine/detect';
import type { Locale } from '../rules';
import { latestYear, rollUp, rollupInput, type RollupInput } from '../rules/rollup';
import { say } from '../rules/types';
import { isReadError } from '../readers/model';
import { findConfigFile } from '../node/config-file';
import { expandArguments, readErrorText, readReportFile, unreadableText } from './files';
import { convertSourceFile, isSourceFile } from './source-file';
import { writeFailureText, writeNewFile } from './write-new-file';

export interface RollupCliOptions {
  organ?: string;
  year?: number;
  output?: string;
  force: boolean;
}

export async function rollupFiles(targets: string[], options: RollupCliOptions, locale: Locale, cwd: string): Promise<number> {
  const problem = (message: string) => process.stderr.write(`govreport: ${message}\n`);
  const first = resolve(cwd, targets[0]);
  const folder = isFolder(first) ? first : dirname(first);
  const organ = options.organ ?? (targets.length === 1 && isFolder(first) ? basename(first) : undefined);
  if (!organ) {
    problem(say(locale, '请用 --organ 指定汇总报告的机关名称', 'name the organ making the roll-up with --organ'));
    return 2;
  }
  const configFile = findConfigFile(folder);
  for (const p of configFile?.problems ?? []) problem(`${relative(cwd, configFile!.path)}: ${p}`);
  const config = configFile?.config ?? {};
  const { files, missing, unreadable } = await expandArguments(targets, cwd);
  for (const m of missing) problem(say(locale, `找不到：${m}`, `not found: ${m}`));
  for (const u of unreadable) problem(unreadableText(u, cwd, locale));
  const outputFile = options.output === undefined ? undefined : resolve(cwd, options.output);
  const inputs: RollupInput[] = [];
  for (const file of files.filter((f) => f !== outputFile)) {
    const name = relative(cwd, file) || file;
    try {
      const text = await reportText(file);
      if (text !== undefined) inputs.push(rollupInput(name, text, config));
    } catch (error) {
      problem(`${name}: ${isReadError(error) ? error.messages[locale] : readErrorText(error, locale)}`);
    }
  }
  const year = options.year ?? latestYear(inputs.map((i) => i.bound));
  if (year === undefined) {
    problem(say(locale, '没有找到写明年度的报告（可用 --year 指定年度）', 'no report that gives its year (name one with --year)'));
    return 2;
  }
  const syntax = outputFile && extname(outputFile).toLowerCase() === '.txt' ? 'tsv' : 'pipe';
  const rollup = rollUp(inputs, year, { organ, units: config.units, syntax });
  for (const l of rollup.leftOut) problem(say(locale, `未汇总 ${l.name}：${l.reason['zh-cn']}`, `not summed ${l.name}: ${l.reason.en}`));
  if (rollup.summed.length === 0) {
    problem(say(locale, `没有可汇总的${year}年报告`, `no ${year} report to sum`));
    return 2;
  }
  if (outputFile === undefined) process.stdout.write(rollup.text);
  else
    try {
      writeNewFile(outputFile, rollup.text, options.force);
    } catch (error) {
      problem(writeFailureText(error, options.output!, locale) ?? readErrorText(error, locale));
      return 2;
    }
  process.stderr.write(
    say(
      locale,
      `已汇总 ${rollup.summed.length} 个单位的${year}年报告，未汇总 ${rollup.leftOut.length} 份，未收到报告 ${rollup.missing.length} 个单位${rollup.missing.length > 0 ? `：${rollup.missing.join('、')}` : ''}\n`,
      `${year}: units summed ${rollup.summed.length}, reports left out ${rollup.leftOut.length}, expected units with no report ${rollup.missing.length}${rollup.missing.length > 0 ? `: ${rollup.missing.join(', ')}` : ''}\n`,
    ),
  );
  return missing.length + unreadable.length > 0 ? 2 : 0;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** A file's report text, or undefined when it is not a report (a README beside the reports). */
async function reportText(path: string): Promise<string | undefined> {
  if (isSourceFile(path)) return (await convertSourceFile(path, 'md')).text;
  const read = readReportFile(path);
  if (read.kind === 'binary' || (!path.endsWith('.govreport') && !looksLikeReport(read.file.text))) return undefined;
  return read.file.text;
}
