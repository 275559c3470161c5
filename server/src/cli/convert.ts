/**
 * govreport convert FILE… [--to md|txt] [-o DIR] — a PDF, Word file or web page as report text:
 * Markdown with pipe tables (md) or tab-separated tables (txt). One file without -o goes to
 * standard output; with -o DIR each file is written there as NAME.md / NAME.txt, never over an
 * existing file unless --force.
 */
import { mkdirSync } from 'node:fs';
import { basename, extname, join, relative, resolve } from 'node:path';
import type { Locale } from '../rules';
import { say } from '../rules/types';
import { isReadError } from '../readers/model';
import type { TextForm } from '../readers/render';
import { expandArguments, readErrorText, unreadableText } from './files';
import { convertSourceFile, isSourceFile } from './source-file';
import { writeFailureText, writeNewFile } from './write-new-file';

export interface ConvertOptions {
  to: TextForm;
  /** The folder to write into; standard output when absent. */
  outDir?: string;
  force: boolean;
}

export async function convertFiles(targets: string[], options: ConvertOptions, locale: Locale, cwd: string): Promise<number> {
  const problem = (message: string) => process.stderr.write(`govreport: ${message}\n`);
  const { files: found, missing, unreadable } = await expandArguments(targets, cwd);
  for (const m of missing) problem(say(locale, `找不到：${m}`, `not found: ${m}`));
  for (const u of unreadable) problem(unreadableText(u, cwd, locale));
  const files = found.filter(isSourceFile);
  for (const f of found.filter((f) => !isSourceFile(f)))
    problem(say(locale, `跳过 ${relative(cwd, f)}：已是文本，无需转换`, `skipped ${relative(cwd, f)}: already text, nothing to convert`));
  if (files.length === 0) {
    problem(say(locale, '没有找到要转换的 PDF、Word 或网页文件', 'no PDF, Word or web-page files to convert'));
    return 2;
  }
  if (!options.outDir && files.length > 1) {
    problem(say(locale, '要转换多个文件时，请用 -o 指定输出文件夹', 'to convert several files, name an output folder with -o'));
    return 2;
  }
  const outDir = options.outDir && resolve(cwd, options.outDir);
  if (outDir) mkdirSync(outDir, { recursive: true });
  let failures = missing.length + unreadable.length;
  const written = new Set<string>();
  for (const file of files) {
    const name = relative(cwd, file) || file;
    try {
      const converted = await convertSourceFile(file, options.to);
      for (const note of converted.notes) problem(`${name}: ${note.message[locale]}`);
      if (!outDir) {
        process.stdout.write(converted.text);
        continue;
      }
      const target = join(outDir, `${basename(file, extname(file))}.${options.to}`);
      // Two sources of one name (a.pdf, a.docx) would write the same file: the second is refused, not lost.
      writeNewFile(target, converted.text, options.force && !written.has(target));
      written.add(target);
      process.stderr.write(`${name} → ${relative(cwd, target) || target}\n`);
    } catch (error) {
      failures++;
      problem(writeFailureText(error, name, locale) ?? `${name}: ${isReadError(error) ? error.messages[locale] : readErrorText(error, locale)}`);
    }
  }
  return failures > 0 ? 2 : 0;
}
