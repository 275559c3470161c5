/** One file through the engine: read, decide whether it is a report, check, and with --fix write the fixes back. */
import { looksLikeReport } from '../engine/detect';
import { analyze, type Locale } from '../rules';
import type { Config } from '../config/config';
import { carrySummary, type CarrySummary } from '../rules/carry-over';
import { fixAll } from '../rules/fix-all';
import { say } from '../rules/types';
import { readReportFile, writeReportFile } from './files';
import type { FileResult, Skipped } from './output';

export interface CheckFileOptions {
  locale: Locale;
  fix: boolean;
}

/** One file to check, with the configuration (from its `.govreportrc.json`) that applies to it. */
export interface CheckFileTask {
  path: string;
  config: Config;
}

export type CheckFileResult =
  | { kind: 'checked'; result: FileResult; carry?: CarrySummary; fixed: boolean; config: Config }
  | { kind: 'skipped'; skipped: Skipped }
  | { kind: 'failed'; file: string; error: string };

export function checkFile({ path, config }: CheckFileTask, options: CheckFileOptions): CheckFileResult {
  const { locale } = options;
  try {
    const read = readReportFile(path);
    if (read.kind === 'binary') return { kind: 'skipped', skipped: { file: path, reason: say(locale, '二进制文件', 'binary file') } };
    const file = read.file;
    if (!path.endsWith('.govreport') && !looksLikeReport(file.text))
      return { kind: 'skipped', skipped: { file: path, reason: say(locale, '不是年度报告', 'not an annual report') } };
    let text = file.text;
    let fixed = false;
    if (options.fix) {
      const after = fixAll(text, { locale, config });
      if (after !== text) {
        writeReportFile(file, after);
        text = after;
        fixed = true;
      }
    }
    const { bound, findings } = analyze(text, { locale, config });
    const title = bound.report.title;
    return {
      kind: 'checked',
      result: { file: path, encoding: file.encoding, era: bound.era.format.id, organ: title?.organ, year: title?.year ?? bound.report.period?.year, findings },
      carry: carrySummary(path, bound),
      fixed,
      config,
    };
  } catch (error) {
    return { kind: 'failed', file: path, error: error instanceof Error ? error.message : String(error) };
  }
}
