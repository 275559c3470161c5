/** One file through the engine: read, decide whether it is a report, check, and with --fix write the fixes back. */
import { looksLikeReport } from '../engine/detect';
import { analyze, type Locale, type Rule, type RuleFailure } from '../rules';
import type { Config } from '../config/config';
import { reportSummary, type ReportSummary } from '../rules/summary';
import { fixAll } from '../rules/fix-all';
import { keyFigures } from '../rules/key-figures';
import { say } from '../rules/types';
import { isReadError } from '../readers/model';
import { readErrorText, readReportFile, refusalText, undecodableNote, writeReportFile } from './files';
import { WriteRefused } from './replace-file';
import { convertSourceFile, isSourceFile } from './source-file';
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
  | {
      kind: 'checked';
      result: FileResult;
      summary?: ReportSummary;
      fixed: boolean;
      /** Why `--fix` wrote nothing although there were fixes (the file read-only, changed meanwhile, or not decodable). */
      notFixed?: string;
      config: Config;
      lines: readonly string[];
      /** The rules that threw and checked nothing (each also a note): the check failed. */
      failedRules: string[];
    }
  | { kind: 'skipped'; skipped: Skipped }
  | { kind: 'failed'; file: string; error: string };

/** `rules`: the rules to run, every rule by default (not an option: options go to worker threads, functions can't). */
export async function checkFile(task: CheckFileTask, options: CheckFileOptions, rules?: readonly Rule[]): Promise<CheckFileResult> {
  try {
    return isSourceFile(task.path) ? await checkSourceFile(task, options, rules) : checkTextFile(task, options, rules);
  } catch (error) {
    const message = isReadError(error) ? error.messages[options.locale] : readErrorText(error, options.locale);
    return { kind: 'failed', file: task.path, error: message };
  }
}

function notAReport(path: string, locale: Locale): CheckFileResult {
  return { kind: 'skipped', skipped: { file: path, reason: say(locale, '不是年度报告', 'not an annual report') } };
}

function checkTextFile({ path, config }: CheckFileTask, options: CheckFileOptions, rules: readonly Rule[] | undefined): CheckFileResult {
  const { locale } = options;
  const read = readReportFile(path);
  if (read.kind === 'binary') return { kind: 'skipped', skipped: { file: path, reason: say(locale, '二进制文件', 'binary file') } };
  const file = read.file;
  if (!path.endsWith('.govreport') && !looksLikeReport(file.text)) return notAReport(path, locale);
  const notes = file.lossless ? [] : [undecodableNote(file, locale)];
  const fixed = options.fix ? fixAll(file.text, { locale, config, rules }) : undefined;
  const check = { config, locale, rules };
  if (!fixed || fixed.text === file.text) return checked(path, file.text, file.encoding, check, notes, false);
  try {
    writeReportFile(file, fixed.text);
  } catch (error) {
    if (!(error instanceof WriteRefused)) throw error;
    return { ...checked(path, file.text, file.encoding, check, notes, false), notFixed: refusalText(error.reason, locale) };
  }
  const outcome = checked(path, fixed.text, file.encoding, check, notes, true);
  outcome.result.fixed = fixed.applied;
  return outcome;
}

/**
 * A PDF, Word file or web page, converted as `govreport convert` does (Markdown), then checked.
 * Nothing is ever written to it: `--fix` is refused with a note.
 */
async function checkSourceFile({ path, config }: CheckFileTask, options: CheckFileOptions, rules: readonly Rule[] | undefined): Promise<CheckFileResult> {
  const { locale } = options;
  let converted;
  try {
    converted = await convertSourceFile(path, 'md');
  } catch (error) {
    if (isReadError(error) && error.reason === 'no-report') return { kind: 'skipped', skipped: { file: path, reason: error.messages[locale] } };
    throw error;
  }
  if (!looksLikeReport(converted.text)) return notAReport(path, locale);
  const notes = converted.notes.map((n) => n.message[locale]);
  if (options.fix)
    notes.push(
      say(
        locale,
        `未修正：${converted.kind.toUpperCase()} 文件不能写回；请用 govreport convert 转换为 .md 后再修正`,
        `not fixed: a ${converted.kind.toUpperCase()} file cannot be written back; convert it to .md with govreport convert, then fix that`,
      ),
    );
  const outcome = checked(path, converted.text, undefined, { config, locale, rules }, notes, false);
  outcome.result.source = { kind: converted.kind, places: converted.sources };
  return outcome;
}

function checked(
  path: string,
  text: string,
  encoding: string | undefined,
  { config, locale, rules }: { config: Config; locale: Locale; rules: readonly Rule[] | undefined },
  notes: string[],
  fixed: boolean,
) {
  const { bound, findings, failures } = analyze(text, { locale, config, rules });
  const title = bound.report.title;
  return {
    kind: 'checked' as const,
    result: {
      file: path,
      encoding,
      era: bound.era.format.id,
      organ: title?.organ,
      year: title?.year ?? bound.report.period?.year,
      notes: [...notes, ...failures.map((f) => ruleFailureNote(f, locale))],
      findings,
      figures: keyFigures(bound),
    } as FileResult,
    summary: reportSummary(path, bound),
    fixed,
    config,
    lines: bound.report.lines,
    failedRules: failures.map((f) => f.code),
  };
}

function ruleFailureNote({ code, message }: RuleFailure, locale: Locale): string {
  return say(locale, `规则 ${code} 出错，未检查：${message}`, `rule ${code} failed and checked nothing: ${message}`);
}
