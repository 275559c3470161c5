/**
 * The 问题清单 as CSV: one line per finding, for Excel and WPS — RFC 4180 quoting, CRLF line ends and
 * a UTF-8 byte order mark, without which Excel reads the Chinese as another encoding.
 */
import { relative } from 'node:path';
import type { Locale } from '../rules';
import { say } from '../rules/types';
import { describePlace } from '../readers/places';
import { placeOf, SEVERITY_NAMES, type FileResult } from './output';

const BOM = '\ufeff';

export function toCsv(results: readonly FileResult[], cwd: string, locale: Locale): string {
  const header = say(locale, '机关,年度,文件,行,规则,级别,说明', 'Organ,Year,File,Line,Rule,Severity,Message').split(',');
  const lines = results.flatMap((r) =>
    r.findings.map((f) => {
      const place = placeOf(r, f);
      const message = f.message + (place ? say(locale, `（${describePlace(place, locale)}）`, ` (${describePlace(place, locale)})`) : '');
      return [
        r.organ ?? '',
        r.year === undefined ? '' : String(r.year),
        relative(cwd, r.file) || r.file,
        String(f.range.start.line + 1),
        f.code,
        say(locale, ...SEVERITY_NAMES[f.severity]),
        message,
      ];
    }),
  );
  return BOM + [header, ...lines].map((fields) => fields.map(csvField).join(',') + '\r\n').join('');
}

/**
 * A field quoted when it holds a comma, quote or line break (RFC 4180); text that a spreadsheet would
 * take for a formula (=, +, -, @ first: a report's text is untrusted) is kept as text with a leading '.
 */
export function csvField(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
