/** The CLI's three output formats: text for people, JSON for tools, SARIF 2.1.0 for code-scanning UIs. */
import { styleText } from 'node:util';
import stringWidth from 'string-width';
import { relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { rules, type Finding, type Locale, type Severity } from '../rules';
import { appliedFixText, type AppliedFix } from '../rules/fix-all';
import type { KeyFigures } from '../rules/key-figures';
import { say } from '../rules/types';
import type { SourceKind, SourcePlace } from '../readers/model';
import { SOURCE_LABELS } from '../readers/dispatch';
import { describePlace, placeOfLine } from '../readers/places';

export interface FileResult {
  file: string;
  /** The text encoding of a text file; none for a PDF, Word file or web page. */
  encoding?: string;
  era: string;
  organ?: string;
  year?: number;
  /** What could not be read faithfully: bytes that did not decode, parts of a PDF, Word file or web page. */
  notes: string[];
  findings: Finding[];
  /** With --fix: the fixes written to the file. */
  fixed?: AppliedFix[];
  /** A PDF, Word file or web page: where each line of the converted text came from. */
  source?: { kind: SourceKind; places: (SourcePlace | undefined)[] };
  /** What the statutory tables give of the key figures (review page, JSON). */
  figures?: KeyFigures;
}

/** Where in the source file a finding is, for a file that was converted. */
export function placeOf(result: FileResult, finding: Finding): SourcePlace | undefined {
  return result.source && placeOfLine(result.source.places, finding.range.start.line);
}

export interface Skipped {
  file: string;
  reason: string;
  /** The file could not be read (an empty or damaged PDF, a file that vanished): an error, not a file that is no report. */
  failed?: boolean;
}

/**
 * The public JSON shape: an array of { file, era, organ, year, notes?, fixed?, figures?, reused?, diagnostics: [{ code, severity, message, range, fixes?, source? }] },
 * `fixed` listing what --fix wrote: [{ code, title, changes: [{ before, after }] }],
 * `figures` the key figures the tables give: { received?, disclosedShare?, partlyShare?, review?, litigation? } (shares between 0 and 1),
 * `reused` where report.copied-text found copies: { share, previousYear, previous } (the share of the report's prose taken from `previous`).
 * For a converted file the range is in the converted text (`govreport convert`), `source` the place in the file itself.
 * A file not checked follows the reports as { file, skipped, failed?, diagnostics: [] }, `skipped` saying why in the output's language (不是年度报告, 二进制文件, 文件为空…),
 * `failed: true` when it could not be read at all: a consumer that reads `diagnostics` finds none, one that tells entries apart tests `skipped`.
 */
export function toJson(results: FileResult[], skipped: Skipped[], cwd: string): string {
  return (
    JSON.stringify(
      results
        .map((r): object => ({
          file: relative(cwd, r.file) || r.file,
          era: r.era,
          organ: r.organ ?? null,
          year: r.year ?? null,
          ...(r.notes.length > 0 ? { notes: r.notes } : {}),
          ...(r.fixed && r.fixed.length > 0 ? { fixed: r.fixed } : {}),
          ...(r.figures ? { figures: r.figures } : {}),
          ...reusedProse(r, cwd),
          diagnostics: r.findings.map((f) => ({
            code: f.code,
            severity: f.severity,
            message: f.message,
            range: f.range,
            ...(f.fixes.length > 0 && !r.source ? { fixes: f.fixes.map((x) => ({ title: x.title, preferred: x.preferred, edits: x.edits })) } : {}),
            ...(placeOf(r, f) ? { source: placeOf(r, f) } : {}),
          })),
        }))
        .concat(skipped.map((s) => ({ file: relative(cwd, s.file) || s.file, skipped: s.reason, ...(s.failed ? { failed: true } : {}), diagnostics: [] }))),
      null,
      2,
    ) + '\n'
  );
}

/** What report.copied-text found of the report's prose in last year's report (every finding of it gives the same share). */
function reusedProse(result: FileResult, cwd: string): { reused?: { share: number; previousYear: number; previous: string } } {
  const data = result.findings.find((f) => f.code === 'report.copied-text')?.data;
  if (!data) return {};
  const previous = String(data.previous);
  return { reused: { share: Number(data.reusedShare), previousYear: Number(data.previousYear), previous: relative(cwd, previous) || previous } };
}

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** A file not checked, as a SARIF notification on the file: code-scanning UIs show it beside the run's results. */
function skippedNotification(skipped: Skipped, uri: (file: string) => string) {
  return {
    level: skipped.failed ? 'error' : 'note',
    descriptor: { id: skipped.failed ? 'unreadable' : 'skipped' },
    message: { text: skipped.reason },
    locations: [{ physicalLocation: { artifactLocation: { uri: uri(skipped.file), uriBaseId: 'SRCROOT' } } }],
  };
}

export function toSarif(results: FileResult[], skipped: Skipped[], cwd: string, version: string, locale: Locale): string {
  const driverRules = rules.map((r) => ({
    id: r.code,
    shortDescription: { text: r.description[locale] },
    fullDescription: { text: `${r.description['zh-cn']} — ${r.description.en}` },
    defaultConfiguration: { level: SARIF_LEVEL[r.defaultSeverity] },
    properties: { formats: r.formats, scope: r.scope, fixable: r.fixable },
  }));
  const index = new Map(driverRules.map((r, i) => [r.id, i]));
  const uri = (file: string) => relative(cwd, file).split('\\').join('/') || pathToFileURL(file).href;
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'govreport', version, informationUri: 'https://github.com/govreport/govreport', rules: driverRules } },
        ...(skipped.length > 0
          ? { invocations: [{ executionSuccessful: true, toolExecutionNotifications: skipped.map((s) => skippedNotification(s, uri)) }] }
          : {}),
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(cwd + '/').href } },
        artifacts: results.map((r) => ({ location: { uri: uri(r.file), uriBaseId: 'SRCROOT' }, ...(r.encoding ? { encoding: r.encoding } : {}) })),
        results: results.flatMap((r, artifact) =>
          r.findings.map((f) => ({
            ruleId: f.code,
            ruleIndex: index.get(f.code),
            level: SARIF_LEVEL[f.severity],
            message: { text: f.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: uri(r.file), uriBaseId: 'SRCROOT', index: artifact },
                  region: {
                    startLine: f.range.start.line + 1,
                    startColumn: f.range.start.character + 1,
                    endLine: f.range.end.line + 1,
                    endColumn: f.range.end.character + 1,
                  },
                },
              },
            ],
            ...(placeOf(r, f) ? { properties: { source: placeOf(r, f) } } : {}),
          })),
        ),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}

export const SEVERITY_NAMES: Record<Severity, [string, string]> = {
  error: ['错误', 'error'],
  warning: ['警告', 'warning'],
  info: ['信息', 'info'],
  hint: ['提示', 'hint'],
};
const SEVERITY_COLOURS: Record<Severity, Parameters<typeof styleText>[0]> = { error: 'red', warning: 'yellow', info: 'blue', hint: 'gray' };

/** Per file: path, then line:col severity code message; at the end a summary table. */
export function toText(results: FileResult[], skipped: Skipped[], cwd: string, locale: Locale, colour: boolean): string {
  const paint = (style: Parameters<typeof styleText>[0], text: string) => (colour ? styleText(style, text) : text);
  const out: string[] = [];
  for (const r of results) {
    if (r.findings.length === 0 && r.notes.length === 0 && !r.fixed?.length) continue;
    const about = [
      r.organ,
      r.year && say(locale, `${r.year} 年度`, `${r.year}`),
      say(locale, `${r.era} 格式`, `${r.era} format`),
      r.encoding && r.encoding !== 'utf-8' ? say(locale, `编码 ${r.encoding}`, `encoding ${r.encoding}`) : undefined,
      r.source && say(locale, `由 ${SOURCE_LABELS[r.source.kind]} 转换`, `converted from ${SOURCE_LABELS[r.source.kind]}`),
    ];
    out.push(paint('underline', relative(cwd, r.file) || r.file) + paint('gray', `  ${about.filter(Boolean).join(' · ')}`));
    for (const note of r.notes) out.push(`  ${paint('yellow', say(locale, '注意', 'note'))} ${note}`);
    for (const fix of r.fixed ?? []) out.push(`  ${paint('green', say(locale, '已修正', 'fixed'))} ${appliedFixText(fix, locale)}`);
    for (const f of r.findings) {
      const at = `${f.range.start.line + 1}:${f.range.start.character + 1}`.padEnd(8);
      const severity = say(locale, ...SEVERITY_NAMES[f.severity]);
      const place = placeOf(r, f);
      out.push(
        `  ${paint('gray', at)} ${paint(SEVERITY_COLOURS[f.severity], severity.padEnd(locale === 'en' ? 8 : 4))} ${paint('gray', f.code.padEnd(24))} ${f.message}` +
          (place ? paint('gray', say(locale, `（${describePlace(place, locale)}）`, ` (${describePlace(place, locale)})`)) : ''),
      );
    }
    out.push('');
  }
  for (const s of skipped)
    out.push(paint('gray', say(locale, `跳过 ${relative(cwd, s.file) || s.file}：${s.reason}`, `skipped ${relative(cwd, s.file) || s.file}: ${s.reason}`)));
  if (skipped.length > 0) out.push('');
  out.push(summary(results, locale));
  return out.join('\n') + '\n';
}

function summary(results: FileResult[], locale: Locale): string {
  const count = (s: Severity) => results.reduce((n, r) => n + r.findings.filter((f) => f.severity === s).length, 0);
  const withProblems = results.filter((r) => r.findings.length > 0).length;
  const rows: [string, string][] = [
    [say(locale, '检查的报告', 'reports checked'), String(results.length)],
    [say(locale, '有问题的报告', 'reports with problems'), String(withProblems)],
    ...(['error', 'warning', 'info', 'hint'] as Severity[]).map((s): [string, string] => [say(locale, ...SEVERITY_NAMES[s]), String(count(s))]),
  ];
  const width = Math.max(...rows.map(([k]) => stringWidth(k)));
  return rows.map(([k, v]) => `${padWidth(k, width)}${v.padStart(8)}`).join('\n');
}

/** Pads to a display width: a Chinese character takes two columns of a terminal. */
function padWidth(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - stringWidth(text)));
}
