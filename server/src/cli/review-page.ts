/**
 * `govreport check --format html`: the review page — one self-contained page (style and script inline,
 * a CSP that lets nothing else load) with a row per report, sortable and filterable, each row opening
 * to its findings and the text around them, and for an organ with several years a chart of its key
 * figures. Every text from a report is escaped: a report is untrusted input.
 */
import { createHash } from 'node:crypto';
import { relative } from 'node:path';
import { groupByOrgan as organGroups } from '../engine/organ';
import type { Finding, Locale, Severity } from '../rules';
import type { KeyFigures } from '../rules/key-figures';
import { say } from '../rules/types';
import { describePlace } from '../readers/places';
import { placeOf, SEVERITY_NAMES, type FileResult } from './output';
import { REVIEW_SCRIPT, REVIEW_STYLE } from './review-page-assets';

/** A checked report and its text (the converted text for a PDF, Word file or web page). */
export interface ReviewEntry {
  result: FileResult;
  lines: readonly string[];
}

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];
const FIGURES: readonly { key: keyof KeyFigures; zh: string; en: string; share?: boolean }[] = [
  { key: 'received', zh: '新收申请', en: 'New requests' },
  { key: 'disclosedShare', zh: '予以公开', en: 'Disclosed', share: true },
  { key: 'partlyShare', zh: '部分公开', en: 'Partly', share: true },
  { key: 'review', zh: '行政复议', en: 'Reviews' },
  { key: 'litigation', zh: '行政诉讼', en: 'Lawsuits' },
];

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Reports grouped by organ (engine/organ.ts), groups by organ name, each group by year; a report without an organ alone. */
export function groupByOrgan(entries: readonly ReviewEntry[]): ReviewEntry[][] {
  const sorted = organGroups(entries, (e) => e.result.organ).map((group) =>
    group.sort((a, b) => (a.result.year ?? 0) - (b.result.year ?? 0) || a.result.file.localeCompare(b.result.file)),
  );
  const name = (group: ReviewEntry[]) => group[0].result.organ ?? group[0].result.file;
  return sorted.sort((a, b) => name(a).localeCompare(name(b), 'zh'));
}

export function reviewPage(entries: readonly ReviewEntry[], cwd: string, locale: Locale, version: string): string {
  const t = (zh: string, en: string) => say(locale, zh, en);
  const groups = groupByOrgan(entries);
  const counts = SEVERITIES.map((s) => entries.reduce((n, e) => n + e.result.findings.filter((f) => f.severity === s).length, 0));
  const withProblems = entries.filter((e) => e.result.findings.length > 0).length;
  let order = 0;
  const bodies = groups.flatMap((group) => {
    const chart = organChart(group, locale);
    return group.map((entry, i) => reportBody(entry, { order: order++, groupStart: i === 0, chart, cwd, locale }));
  });
  const header = [
    '<th scope="col"></th>',
    sortHeader('order', t('机关', 'Organ'), 'text'),
    sortHeader('year', t('年度', 'Year'), 'number'),
    sortHeader('era', t('格式', 'Format'), 'text'),
    ...SEVERITIES.map((s) => sortHeader(`${s}s`, say(locale, ...SEVERITY_NAMES[s]), 'number', 'descending', 'num')),
    ...FIGURES.map((f) => sortHeader(f.key, t(f.zh, f.en), 'number', 'descending', 'num')),
  ].join('');
  const overview = t(
    `共 <b>${entries.length}</b> 份报告，<b>${withProblems}</b> 份有问题；错误 <b>${counts[0]}</b>，警告 <b>${counts[1]}</b>，信息 <b>${counts[2]}</b>，提示 <b>${counts[3]}</b>。`,
    `${count(entries.length, 'report')}, <b>${withProblems}</b> with problems: ${count(counts[0], 'error')}, ${count(counts[1], 'warning')}, <b>${counts[2]}</b> info, ${count(counts[3], 'hint')}.`,
  );
  const csp = `default-src 'none'; style-src '${sha256(REVIEW_STYLE)}'; script-src '${sha256(REVIEW_SCRIPT)}'; base-uri 'none'; form-action 'none'`;
  return `<!DOCTYPE html>
<html lang="${t('zh-CN', 'en')}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t('政府信息公开工作年度报告检查结果', 'Annual report review')}</title>
<style>${REVIEW_STYLE}</style>
</head>
<body>
<h1>${t('政府信息公开工作年度报告检查结果', 'Annual report review')}</h1>
<p class="overview">${overview}</p>
<div class="controls">
<label><input type="checkbox" id="problems">${t('只看有问题的', 'Problems only')}</label>
<input type="search" id="query" placeholder="${t('筛选：机关、文件、规则或说明', 'Filter: organ, file, rule or message')}" aria-label="${t('筛选', 'Filter')}">
<button type="button" id="expand">${t('全部展开', 'Expand all')}</button>
<button type="button" id="collapse">${t('全部收起', 'Collapse all')}</button>
<span class="shown">${t(`显示 <span id="shown">${entries.length}</span> / ${entries.length} 份`, `Showing <span id="shown">${entries.length}</span> of ${entries.length}`)}</span>
</div>
<table class="reports grouped" id="reports">
<thead><tr>${header}</tr></thead>
${bodies.join('\n')}
</table>
<footer>${t(`由 govreport ${escapeHtml(version)} 生成`, `Made by govreport ${escapeHtml(version)}`)}</footer>
<script>${REVIEW_SCRIPT}</script>
</body>
</html>
`;
}

/** An English count: <b>1</b> error, <b>2</b> errors. */
function count(n: number, noun: string): string {
  return `<b>${n}</b> ${noun}${n === 1 ? '' : 's'}`;
}

function sha256(text: string): string {
  return `sha256-${createHash('sha256').update(text).digest('base64')}`;
}

function sortHeader(key: string, label: string, type: 'text' | 'number', first?: 'descending', className?: string): string {
  return `<th scope="col" data-key="${key}" data-type="${type}"${first ? ` data-first="${first}"` : ''}${className ? ` class="${className}"` : ''}><button type="button">${label}</button></th>`;
}

interface RowContext {
  order: number;
  groupStart: boolean;
  chart: string;
  cwd: string;
  locale: Locale;
}

function reportBody({ result, lines }: ReviewEntry, { order, groupStart, chart, cwd, locale }: RowContext): string {
  const file = relative(cwd, result.file) || result.file;
  const counts = SEVERITIES.map((s) => result.findings.filter((f) => f.severity === s).length);
  const figures = result.figures ?? {};
  const search = [result.organ, file, result.year, ...result.findings.flatMap((f) => [f.code, f.message])]
    .filter((x) => x !== undefined)
    .join(' ')
    .toLowerCase();
  const data = {
    order: String(order),
    year: result.year === undefined ? '' : String(result.year),
    era: result.era,
    ...Object.fromEntries(SEVERITIES.map((s, i) => [`${s}s`, String(counts[i])])),
    ...Object.fromEntries(FIGURES.map((f) => [f.key, figures[f.key] === undefined ? '' : String(figures[f.key])])),
    problems: result.findings.length > 0 ? '1' : '0',
    search,
  };
  const attributes = Object.entries(data)
    .map(([k, v]) => ` data-${k}="${escapeHtml(v)}"`)
    .join('');
  const id = `report-${order}`;
  const cells = [
    `<td><button type="button" class="toggle" aria-expanded="false" aria-controls="${id}" aria-label="${say(locale, '展开', 'Open')}"></button></td>`,
    `<td><span class="organ-name">${escapeHtml(result.organ ?? say(locale, '（未写机关）', '(no organ)'))}</span><span class="file">${escapeHtml(file)}</span></td>`,
    `<td class="num">${result.year ?? '<span class="missing">—</span>'}</td>`,
    `<td>${escapeHtml(result.era)}</td>`,
    ...SEVERITIES.map((s, i) => `<td class="num count ${s}${counts[i] === 0 ? ' zero' : ''}">${counts[i]}</td>`),
    ...FIGURES.map((f) => `<td class="num">${figureText(figures[f.key], f.share)}</td>`),
  ];
  const columns = cells.length;
  return `<tbody class="report${groupStart ? ' group-start' : ''}"${attributes}>
<tr class="summary">${cells.join('')}</tr>
<tr class="details" id="${id}" hidden><td colspan="${columns}">${chart}${details(result, lines, locale)}</td></tr>
</tbody>`;
}

function figureText(value: number | undefined, share?: boolean): string {
  if (value === undefined) return '<span class="missing">—</span>';
  return share ? `${(value * 100).toFixed(1)}%` : String(value);
}

function details(result: FileResult, lines: readonly string[], locale: Locale): string {
  const notes = result.notes.length > 0 ? `<ul class="notes">${result.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>` : '';
  if (result.findings.length === 0) return `${notes}<p class="clean">${say(locale, '未发现问题。', 'No problems found.')}</p>`;
  return `${notes}<ul class="findings">${result.findings.map((f) => findingItem(result, f, lines, locale)).join('')}</ul>`;
}

function findingItem(result: FileResult, finding: Finding, lines: readonly string[], locale: Locale): string {
  const line = finding.range.start.line;
  const place = placeOf(result, finding);
  const where = say(locale, `第 ${line + 1} 行`, `line ${line + 1}`) + (place ? ` · ${escapeHtml(describePlace(place, locale))}` : '');
  return `<li class="finding ${finding.severity}"><div class="where">${where} · <span class="severity">${say(locale, ...SEVERITY_NAMES[finding.severity])}</span> · <code>${escapeHtml(finding.code)}</code></div><div class="message">${escapeHtml(finding.message)}</div>${context(finding, lines)}</li>`;
}

/** The finding's line with the line before and after it, the finding's own characters marked. */
export function context(finding: Finding, lines: readonly string[]): string {
  const { start, end } = finding.range;
  const rows: string[] = [];
  for (let n = Math.max(0, start.line - 1); n <= Math.min(lines.length - 1, start.line + 1); n++) {
    const text = lines[n];
    const number = `<span class="n">${n + 1}</span>`;
    if (n !== start.line) {
      rows.push(`${number}${escapeHtml(text)}`);
      continue;
    }
    const to = end.line === start.line ? end.character : text.length;
    const marked = to > start.character ? `<mark>${escapeHtml(text.slice(start.character, to))}</mark>` : '';
    rows.push(
      `<span class="at">${number}${escapeHtml(text.slice(0, start.character))}${marked}${escapeHtml(text.slice(Math.max(to, start.character)))}</span>`,
    );
  }
  return rows.length > 0 ? `<pre class="context">${rows.join('\n')}</pre>` : '';
}

/** The chart's margins, and the room a year takes: the years are evenly spaced, so that their labels never overlap. */
const CHART = { height: 64, left: 18, right: 18, top: 14, bottom: 16, step: 36, minWidth: 180 };

/** For an organ with reports of several years: one small line chart per key figure, drawn in SVG. */
export function organChart(group: readonly ReviewEntry[], locale: Locale): string {
  const years = group.filter((e) => e.result.year !== undefined && e.result.figures);
  if (new Set(years.map((e) => e.result.year)).size < 2) return '';
  const charts = FIGURES.map((figure) => {
    const points = years.flatMap((e) => {
      const value = e.result.figures![figure.key];
      return value === undefined ? [] : [{ year: e.result.year!, value }];
    });
    if (points.length < 2) return '';
    return figureChart(say(locale, figure.zh, figure.en), points, figure.share);
  }).filter(Boolean);
  return charts.length > 0 ? `<div class="charts">${charts.join('')}</div>` : '';
}

function figureChart(label: string, points: { year: number; value: number }[], share?: boolean): string {
  const { height, left, right, top, bottom, step, minWidth } = CHART;
  const width = Math.max(minWidth, left + right + step * (points.length - 1));
  const max = Math.max(...points.map((p) => p.value), share ? 0 : 1);
  const x = (index: number) => left + (index / (points.length - 1)) * (width - left - right);
  const y = (value: number) => top + (1 - value / (max || 1)) * (height - top - bottom);
  const at = points.map((p, i) => ({ ...p, cx: x(i).toFixed(1), cy: y(p.value).toFixed(1), text: figureText(p.value, share) }));
  const marks = at
    .map(
      (p) =>
        `<circle class="point" cx="${p.cx}" cy="${p.cy}" r="2.5"><title>${p.year}: ${p.text}</title></circle>` +
        `<text x="${p.cx}" y="${(Number(p.cy) - 4).toFixed(1)}" text-anchor="middle">${p.text}</text>` +
        `<text x="${p.cx}" y="${height - 3}" text-anchor="middle">${p.year}</text>`,
    )
    .join('');
  return `<figure class="chart"><figcaption>${escapeHtml(label)}</figcaption><svg width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(label)}"><polyline class="line" points="${at.map((p) => `${p.cx},${p.cy}`).join(' ')}"/>${marks}</svg></figure>`;
}
