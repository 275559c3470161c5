/**
 * govreport export FILE… --to docx [-o DIR] [--force] — a report (text, or a PDF, Word file or web page
 * read as `convert` does) as a Word document in the official layout, NAME.docx beside it or in DIR;
 * never over an existing file unless --force. A report with errors is exported only with --force:
 * without it its errors are listed and the exit code is 1.
 */
import { mkdirSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { looksLikeReport } from '../engine/detect';
import { findConfigFile } from '../node/config-file';
import { exportErrors } from '../publish/errors';
import { layoutReport } from '../publish/layout';
import { analyze, type Locale } from '../rules';
import { say } from '../rules/types';
import { isReadError } from '../readers/model';
import { expandArguments, readErrorText, readReportFile, unreadableText } from './files';
import { convertSourceFile, isSourceFile } from './source-file';
import { writeFailureText, writeNewFile } from './write-new-file';

export interface ExportOptions {
  to: 'docx';
  /** The folder to write into; beside each report when absent. */
  outDir?: string;
  force: boolean;
}

/** The report text of a file, with what its reader could not read faithfully; undefined when the file is not a report. */
async function reportText(path: string, locale: Locale): Promise<{ text: string; notes: string[] } | undefined> {
  if (isSourceFile(path)) {
    const converted = await convertSourceFile(path, 'md');
    return looksLikeReport(converted.text) ? { text: converted.text, notes: converted.notes.map((n) => n.message[locale]) } : undefined;
  }
  const read = readReportFile(path);
  if (read.kind === 'binary' || (!path.endsWith('.govreport') && !looksLikeReport(read.file.text))) return undefined;
  return { text: read.file.text, notes: [] };
}

export async function exportFiles(targets: string[], options: ExportOptions, locale: Locale, cwd: string): Promise<number> {
  const problem = (message: string) => process.stderr.write(`govreport: ${message}\n`);
  const { files, missing, unreadable } = await expandArguments(targets, cwd);
  for (const m of missing) problem(say(locale, `找不到：${m}`, `not found: ${m}`));
  for (const u of unreadable) problem(unreadableText(u, cwd, locale));
  if (files.length === 0) {
    problem(say(locale, '没有找到要导出的报告', 'no reports to export'));
    return 2;
  }
  const outDir = options.outDir && resolve(cwd, options.outDir);
  if (outDir) mkdirSync(outDir, { recursive: true });
  let failures = missing.length + unreadable.length;
  let refused = 0;
  const written = new Set<string>();
  for (const file of files) {
    const name = relative(cwd, file) || file;
    try {
      const report = await reportText(file, locale);
      if (!report) {
        failures++;
        problem(say(locale, `${name}：不是年度报告，未导出`, `${name}: not an annual report; not exported`));
        continue;
      }
      for (const note of report.notes) problem(`${name}: ${note}`);
      const { bound, findings } = analyze(report.text, { locale, config: findConfigFile(dirname(file))?.config ?? {} });
      const errors = exportErrors(findings, locale);
      if (errors.length > 0 && !options.force) {
        refused++;
        problem(
          say(
            locale,
            `${name}：有 ${errors.length} 个错误，未导出（--force 仍然导出）：`,
            `${name}: ${errors.length} error(s); not exported (--force exports anyway):`,
          ),
        );
        for (const error of errors) process.stderr.write(`  ${error}\n`);
        continue;
      }
      const target = join(outDir ?? dirname(file), `${basename(file, extname(file))}.docx`);
      if (resolve(target) === resolve(file)) {
        failures++;
        problem(
          say(
            locale,
            `${name}：导出文件会覆盖原文件，请用 -o 指定其他文件夹`,
            `${name}: the export would replace the file itself; name another folder with -o`,
          ),
        );
        continue;
      }
      const { exportDocx } = await import('../publish');
      // Two reports of one name (a.txt, a.pdf) would write the same file: the second is refused, not lost.
      writeNewFile(target, await exportDocx(layoutReport(bound, findings)), options.force && !written.has(target));
      written.add(target);
      process.stderr.write(`${name} → ${relative(cwd, target) || target}\n`);
    } catch (error) {
      failures++;
      problem(writeFailureText(error, name, locale) ?? `${name}: ${isReadError(error) ? error.messages[locale] : readErrorText(error, locale)}`);
    }
  }
  if (failures > 0) return 2;
  return refused > 0 ? 1 : 0;
}
