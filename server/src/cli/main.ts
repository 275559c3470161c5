/**
 * govreport check [files|folders|globs] — the editor's checks from a terminal or CI;
 * govreport convert FILE… — a PDF, Word file or web page as report text (see convert.ts);
 * govreport export FILE… --to docx — a report as a Word document in the official layout (see export.ts);
 * govreport rollup FILES|FOLDER — the reports' tables summed into a roll-up report (see rollup.ts).
 * Exit codes: 0 no errors, 1 errors found, 2 usage or I/O problem.
 */
import { once } from 'node:events';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { Locale } from '../rules';
import type { ReportSummary } from '../rules/summary';
import { say } from '../rules/types';
import { checkFile, type CheckFileOptions, type CheckFileResult, type CheckFileTask } from './check-file';
import { dirname, relative, resolve } from 'node:path';
import { checkAcrossReports } from '../rules';
import type { ConfigFile } from '../config/config';
import { findConfigFile, isUnusable } from '../node/config-file';
import { expandArguments, unreadableText } from './files';
import { convertFiles } from './convert';
import { exportFiles } from './export';
import { rollupFiles } from './rollup';
import { toJson, toSarif, toText, type FileResult, type Skipped } from './output';
import { toCsv } from './csv';
import { reviewPage } from './review-page';
import { writeFileSync } from 'node:fs';

declare const VERSION: string | undefined;
const version = typeof VERSION === 'string' ? VERSION : 'development';

const FORMATS = ['text', 'json', 'sarif', 'html', 'csv'] as const;
/** Below this many files, worker threads cost more than they save. */
const PARALLEL_FROM = 16;
const PROGRESS_FROM = 20;

function usage(locale: Locale): string {
  return say(
    locale,
    `用法：govreport check [文件|文件夹|通配符…] [选项]
      govreport convert 文件… [--to md|txt] [-o 文件夹] [--force]
      govreport export 文件… --to docx [-o 文件夹] [--force]
      govreport rollup 文件…|文件夹 [--organ 机关] [--year 年度] [-o 输出.md] [--force]

check    检查政府信息公开工作年度报告：文本（.txt、.md、.govreport；UTF-8、UTF-16 或 GBK/GB18030 编码）、
         PDF（.pdf）、Word（.docx、.doc）和网页（.html、.htm）。
convert  将 PDF、Word 文件或网页转换为报告文本：Markdown 表格（md，默认）或制表符分隔（txt）。
         未用 -o 时输出到标准输出；用 -o 时写入该文件夹（文件名.md），不覆盖已有文件（--force 覆盖）。
export   将报告导出为公文格式（GB/T 9704）的 Word 文件（文件名.docx），写在报告旁或 -o 指定的文件夹，
         不覆盖已有文件；有错误的报告不导出并列出错误（--force 仍然导出并覆盖已有文件）。
rollup   将下级单位同一年度报告的法定表格逐项相加，生成汇总报告（表格已填，正文留待撰写），
         导言列出已汇总的单位、未汇总的报告及原因和 .govreportrc.json "units" 中未收到报告的单位。
         --organ 为汇总机关（默认文件夹名），--year 为年度（默认报告中最晚的年度）；
         未用 -o 时输出到标准输出，不覆盖已有文件（--force 覆盖）。

选项：
  --format text|json|sarif|html|csv
                             输出格式（默认 text）：html 为审阅页面，csv 为问题清单（Excel、WPS 可直接打开）
  -o 文件                    将结果写入该文件（已有则覆盖），而不是标准输出
  --fix                      将可自动修正的问题写回文件（保留编码和换行符；PDF、Word、网页不写回）
  --lang zh-cn|en            输出语言（默认跟随系统）
  --jobs N                   并行检查的线程数（默认按 CPU 数）
  --no-color                 不使用颜色
  -h, --help                 显示本帮助
  -v, --version              显示版本

退出码：0 无错误，1 发现错误，2 用法或读写问题。
`,
    `Usage: govreport check [files|folders|globs…] [options]
       govreport convert FILE… [--to md|txt] [-o DIR] [--force]
       govreport export FILE… --to docx [-o DIR] [--force]
       govreport rollup FILES|FOLDER [--organ NAME] [--year N] [-o OUT.md] [--force]

check    checks government information-disclosure annual reports: text (.txt, .md, .govreport; UTF-8,
         UTF-16 or GBK/GB18030), PDF (.pdf), Word (.docx, .doc) and web pages (.html, .htm).
convert  converts a PDF, Word file or web page to report text: Markdown tables (md, the default) or
         tab-separated (txt). Without -o to standard output; with -o into that folder (NAME.md),
         never over an existing file (--force overwrites).
export   exports a report as a Word document in the official layout (GB/T 9704), NAME.docx beside
         it or in the -o folder, never over an existing file; a report with errors is not exported
         and its errors are listed (--force exports it anyway, and overwrites).
rollup   sums the statutory tables of the units' reports of one year into a roll-up report (tables
         filled, parts left for the writer) whose preamble lists the units summed, the reports left
         out and why, and the units of .govreportrc.json "units" with no report. --organ names the
         organ making it (default: the folder's name), --year the year (default: the latest among
         the reports). Without -o to standard output; never over an existing file (--force overwrites).

Options:
  --format text|json|sarif|html|csv
                             output format (default: text): html a review page, csv the list of problems (opens in Excel, WPS)
  -o FILE                    write the output to FILE (replacing it) instead of standard output
  --fix                      write the automatic fixes back (keeping encoding and line endings; never into a PDF, Word file or page)
  --lang zh-cn|en            language of the output (default: the system's)
  --jobs N                   threads checking files in parallel (default: by CPU count)
  --no-color                 no colours
  -h, --help                 show this help
  -v, --version              show the version

Exit codes: 0 no errors, 1 errors found, 2 usage or I/O problem.
`,
  );
}

function systemLocale(): Locale {
  const env = process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || Intl.DateTimeFormat().resolvedOptions().locale;
  return /^zh/i.test(env) ? 'zh-cn' : 'en';
}

export async function main(argv: string[], cwd = process.cwd()): Promise<number> {
  let locale = systemLocale();
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        fix: { type: 'boolean', default: false },
        lang: { type: 'string' },
        jobs: { type: 'string' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        to: { type: 'string' },
        output: { type: 'string', short: 'o' },
        force: { type: 'boolean', default: false },
        organ: { type: 'string' },
        year: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    process.stderr.write(`govreport: ${(error as Error).message}\n\n${usage(locale)}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.lang) {
    if (!/^(zh|en)/i.test(values.lang)) return usageError(say(locale, `不支持的语言：${values.lang}`, `unknown language: ${values.lang}`), locale);
    locale = /^zh/i.test(values.lang) ? 'zh-cn' : 'en';
  }
  if (values.help) {
    process.stdout.write(usage(locale));
    return 0;
  }
  if (values.version) {
    process.stdout.write(`${version}\n`);
    return 0;
  }
  const [command, ...targets] = positionals;
  if (command === 'convert') {
    const to = values.to ?? 'md';
    if (to !== 'md' && to !== 'txt') return usageError(say(locale, `不支持的转换格式：${to}`, `unknown --to: ${to}`), locale);
    if (targets.length === 0) return usageError(say(locale, '请指定要转换的文件', 'name the files to convert'), locale);
    return convertFiles(targets, { to, outDir: values.output, force: values.force }, locale, cwd);
  }
  if (command === 'export') {
    if (values.to !== 'docx')
      return usageError(
        values.to === undefined
          ? say(locale, '请用 --to docx 指定导出格式', 'name the format with --to docx')
          : say(locale, `不支持的导出格式：${values.to}`, `unknown --to: ${values.to}`),
        locale,
      );
    if (targets.length === 0) return usageError(say(locale, '请指定要导出的报告', 'name the reports to export'), locale);
    return exportFiles(targets, { to: values.to, outDir: values.output, force: values.force }, locale, cwd);
  }
  if (command === 'rollup') {
    const year = values.year === undefined ? undefined : Number(values.year);
    if (year !== undefined && !(Number.isInteger(year) && year >= 2008 && year <= 2100))
      return usageError(say(locale, `--year 需要年度，如 2023：${values.year}`, `--year needs a year such as 2023: ${values.year}`), locale);
    if (targets.length === 0) return usageError(say(locale, '请指定要汇总的报告或文件夹', 'name the reports or the folder to roll up'), locale);
    return rollupFiles(targets, { organ: values.organ, year, output: values.output, force: values.force }, locale, cwd);
  }
  if (command !== 'check')
    return usageError(command ? say(locale, `未知命令：${command}`, `unknown command: ${command}`) : say(locale, '缺少命令', 'missing command'), locale);
  const format = values.format as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) return usageError(say(locale, `不支持的输出格式：${values.format}`, `unknown format: ${values.format}`), locale);
  const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs > 0))
    return usageError(say(locale, '--jobs 需要正整数', '--jobs needs a positive whole number'), locale);
  if (targets.length === 0) return usageError(say(locale, '请指定要检查的文件或文件夹', 'name the files or folders to check'), locale);

  const { files, missing, unreadable } = await expandArguments(targets, cwd);
  const outputFile = values.output === undefined ? undefined : resolve(cwd, values.output);
  if (outputFile !== undefined && files.includes(outputFile))
    return usageError(
      say(locale, `-o ${values.output} 是要检查的文件，不能覆盖`, `-o ${values.output} is one of the files checked: it would be overwritten`),
      locale,
    );
  const name = (path: string) => relative(cwd, path) || path;
  for (const m of missing) process.stderr.write(`govreport: ${say(locale, `找不到：${m}`, `not found: ${m}`)}\n`);
  for (const u of unreadable) process.stderr.write(`govreport: ${unreadableText(u, cwd, locale)}\n`);
  if (files.length === 0) {
    process.stderr.write(`govreport: ${say(locale, '没有找到要检查的文件', 'no files to check')}\n`);
    return 2;
  }

  const configs = new Map<string, ConfigFile | undefined>();
  const tasks = files.map((path) => {
    const folder = dirname(path);
    if (!configs.has(folder)) configs.set(folder, findConfigFile(folder));
    return { path, config: configs.get(folder)?.config ?? {} };
  });
  let failures = missing.length + unreadable.length;
  for (const file of new Map([...configs.values()].filter((c) => c !== undefined).map((c) => [c.path, c])).values()) {
    for (const problem of file.problems) process.stderr.write(`govreport: ${name(file.path)}: ${problem}\n`);
    if (isUnusable(file)) failures++;
  }

  const outcomes = await checkAll(tasks, { locale, fix: values.fix }, jobs);
  const results: FileResult[] = [];
  const texts = new Map<FileResult, readonly string[]>();
  const skipped: Skipped[] = [];
  /** The files that could not be read: the text output tells of them on stderr, JSON and SARIF list them after the skipped ones. */
  const unreadFiles: Skipped[] = [];
  const summaries: ReportSummary[] = [];
  for (const outcome of outcomes) {
    if (outcome.kind === 'checked') {
      results.push(outcome.result);
      texts.set(outcome.result, outcome.lines);
      if (outcome.summary) summaries.push(outcome.summary);
      if (outcome.failedRules.length > 0) failures++;
      if (outcome.notFixed) {
        failures++;
        const file = name(outcome.result.file);
        process.stderr.write(`govreport: ${say(locale, `未修正 ${file}：${outcome.notFixed}`, `not fixed ${file}: ${outcome.notFixed}`)}\n`);
      }
    } else if (outcome.kind === 'skipped') skipped.push(outcome.skipped);
    else {
      failures++;
      unreadFiles.push({ file: outcome.file, reason: outcome.error, failed: true });
      const file = name(outcome.file);
      process.stderr.write(`govreport: ${say(locale, `无法读写 ${file}：${outcome.error}`, `cannot read or write ${file}: ${outcome.error}`)}\n`);
    }
  }
  for (const outcome of outcomes) {
    if (outcome.kind !== 'checked') continue;
    const result = outcome.result;
    if (outcome.summary)
      for (const finding of checkAcrossReports(outcome.summary, summaries, outcome.lines, outcome.config, locale)) result.findings.push(finding);
    result.findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  }

  const colour = outputFile === undefined && (values['no-color'] ? false : (values.color ?? (process.stdout.isTTY && !process.env.NO_COLOR)));
  const output = {
    json: () => toJson(results, [...skipped, ...unreadFiles], cwd),
    sarif: () => toSarif(results, [...skipped, ...unreadFiles], cwd, version, locale),
    html: () =>
      reviewPage(
        results.map((result) => ({ result, lines: texts.get(result)! })),
        cwd,
        locale,
        version,
      ),
    csv: () => toCsv(results, cwd, locale),
    text: () => toText(results, skipped, cwd, locale, !!colour),
  }[format]();
  if (outputFile === undefined) process.stdout.write(output);
  else
    try {
      writeFileSync(outputFile, output);
    } catch (error) {
      process.stderr.write(
        `govreport: ${say(locale, `无法写入 ${values.output}：${(error as Error).message}`, `cannot write ${values.output}: ${(error as Error).message}`)}\n`,
      );
      return 2;
    }
  if (failures > 0) return 2;
  return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

function usageError(message: string, locale: Locale): number {
  process.stderr.write(`govreport: ${message}\n\n${usage(locale)}`);
  return 2;
}

/** Checks the files, in worker threads when there are many, with a progress bar on a terminal. */
async function checkAll(files: CheckFileTask[], options: CheckFileOptions, jobs: number | undefined): Promise<CheckFileResult[]> {
  const progress = process.stderr.isTTY && files.length >= PROGRESS_FROM ? progressBar(files.length) : undefined;
  const threads = Math.min(jobs ?? Math.max(1, availableParallelism() - 1), Math.ceil(files.length / 4));
  if (threads <= 1 || (jobs === undefined && files.length < PARALLEL_FROM)) {
    const results: CheckFileResult[] = [];
    for (const file of files) {
      results.push(await checkFile(file, options));
      progress?.();
    }
    return results;
  }
  const results = new Array<CheckFileResult>(files.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: threads }, async () => {
      const worker = new Worker(__filename, { workerData: options });
      try {
        while (next < files.length) {
          const index = next++;
          worker.postMessage(files[index]);
          // once() rejects on the worker's 'error' and removes both of its listeners either way: none pile up per file.
          [results[index]] = (await once(worker, 'message')) as [CheckFileResult];
          progress?.();
        }
      } finally {
        await worker.terminate();
      }
    }),
  );
  return results;
}

function progressBar(total: number): () => void {
  let done = 0;
  const width = 30;
  return () => {
    done++;
    const filled = Math.round((done / total) * width);
    process.stderr.write(`\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total}${done === total ? '\n' : ''}`);
  };
}

if (!isMainThread) {
  parentPort!.on('message', async (task: CheckFileTask) => parentPort!.postMessage(await checkFile(task, workerData as CheckFileOptions)));
} else if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error) => {
      process.stderr.write(`govreport: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
