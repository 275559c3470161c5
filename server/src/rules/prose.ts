/**
 * report.prose-vs-table — what the text says against what the tables count: 未收到政府信息公开申请
 * while table 三 counts new applications, 未发生行政复议 while table 四 has cases, or a number stated
 * in the text (共收到申请 N 件, 予以公开及部分公开 N 件, 现行有效规范性文件 N 件, 主动公开政府信息 N 条) that
 * differs from the table. Unlike the arithmetic rules, a blank cell next to numbers counts as 0 here:
 * reports that leave zeros blank still state their totals in the text.
 */
import type { BoundTable } from '../engine/bind';
import { tableKeys } from '../engine/definition-keys';
import type { Range } from '../engine/types';
import { formatAmount, sameValue, sum, toNumber, type Amount } from '../engine/values';
import { columnName, rowLabel } from './cells';
import { say, type RuleFinding, type ReportRule } from './types';

interface Statement {
  /** Words every match contains: lines without them are not tried against the pattern. */
  anchor: string;
  /** The wording, with the stated number as its first group when it states one. */
  pattern: RegExp;
  table: string;
  /** Rows whose values add up to what the text states; an id ending in `.*` stands for all its sub-rows. */
  rows: string[];
  /** Other rows the text may mean as well: 收到申请 N 件 often counts last year's carried-over ones too. */
  orRows?: string[];
  /** The column compared; by default the 总计 column, else the sum of the row's columns. */
  column?: string;
  /** For 未… statements: the count must be 0. */
  none?: boolean;
}

const NUMBER = '([0-9０-９][0-9０-９,，]*)[ \\u3000]*';
const STATEMENTS: Statement[] = [
  // Only a total of the whole organ (共, 全年, 全区…): 「区政府办代表区政府受理申请 17 件」 counts one office.
  {
    anchor: '公开申请',
    pattern: new RegExp(
      `(?:共|全年|累计|合计|全[区县市镇乡])[^。，；\\d]{0,6}?(?:收到|受理)[^。，；\\d]{0,14}?公开申请(?:数量)?(?:共计|共|合计)?[ \\u3000]*${NUMBER}件`,
    ),
    table: 'applications',
    rows: ['new'],
    orRows: ['new', 'carried_in'],
  },
  {
    anchor: '部分公开',
    pattern: new RegExp(`予以公开(?:及|和|与)部分公开(?:共|合计)?[ \\u3000]*${NUMBER}件`),
    table: 'applications',
    rows: ['disclosed', 'partly'],
  },
  { anchor: '予以公开', pattern: new RegExp(`(?<![不及和与])予以公开[ \\u3000]*${NUMBER}件`), table: 'applications', rows: ['disclosed'] },
  { anchor: '不予公开', pattern: new RegExp(`不予公开[ \\u3000]*${NUMBER}件`), table: 'applications', rows: ['refused.*'] },
  { anchor: '无法提供', pattern: new RegExp(`无法提供[ \\u3000]*${NUMBER}件`), table: 'applications', rows: ['unable.*'] },
  { anchor: '不予处理', pattern: new RegExp(`不予处理[ \\u3000]*${NUMBER}件`), table: 'applications', rows: ['not_processed.*'] },
  {
    anchor: '规范性文件',
    pattern: new RegExp(`现行有效的?(?:行政)?规范性文件[ \\u3000]*${NUMBER}件`),
    table: 'article20-1',
    rows: ['normative'],
    column: 'in_force',
  },
  { anchor: '主动公开', pattern: new RegExp(`主动公开(?:政府)?信息(?:共计|共)?[ \\u3000]*${NUMBER}条`), table: 'statistics', rows: ['proactive.items'] },
  { anchor: '未', pattern: /未(?:收到|受理)[^。，；]{0,8}?公开(?:的)?申请/, table: 'applications', rows: ['new'], none: true },
  {
    anchor: '行政复议',
    pattern: /未(?:发生|出现|收到|有)[^。，；纠败]{0,16}?行政复议(?![^。，；]{0,6}(?:纠错|纠正|败诉))/,
    table: 'review-litigation',
    rows: ['cases'],
    column: 'review.total',
    none: true,
  },
  {
    anchor: '行政诉讼',
    pattern: /未(?:发生|出现|收到|有)[^。，；纠败]{0,20}?行政诉讼(?![^。，；]{0,6}(?:纠错|纠正|败诉))/,
    table: 'review-litigation',
    rows: ['cases'],
    column: 'direct.total+after_review.total',
    none: true,
  },
];

/** Any statement's words: most lines hold none and are passed over in one test. */
const ANY_ANCHOR = new RegExp(STATEMENTS.map((s) => s.anchor).join('|'));

export const reportProseVsTable: ReportRule = {
  code: 'report.prose-vs-table',
  defaultSeverity: 'warning',
  fixable: false,
  formats: ['2008', '2019', '2021'],
  scope: 'report',
  description: { 'zh-cn': '正文所述与表格数字不符', en: 'The text contradicts the tables' },
  docs: {
    finds:
      'the text contradicts the tables: 未收到政府信息公开申请 while table 三 counts new applications, 未发生行政复议/行政诉讼 while table 四 has cases, or a count in the text (共收到申请 N 件, 予以公开及部分公开 N 件, 无法提供 N 件, 现行有效规范性文件 N 件, 主动公开政府信息 N 条) that differs from the table',
  },
  check({ bound, locale }) {
    const findings: RuleFinding[] = [];
    const inTable = new Uint8Array(bound.report.lines.length);
    for (const t of bound.report.tables) inTable.fill(1, t.range.start.line, t.range.end.line + 1);
    // The how-manieth time the text makes each statement: with the statement, what the finding is about.
    const occurrences = new Map<Statement, number>();
    // A paragraph's first statement of a kind is its total; the ones after it (其中，…) its parts. A line
    // is one paragraph, continued on the next when it stops mid-sentence (prose wrapped in a PDF copy).
    let made = new Set<Statement>();
    bound.report.lines.forEach((text, line) => {
      if (line === 0 || !continuesOnNextLine(bound.report.lines[line - 1])) made = new Set();
      if (inTable[line] || !ANY_ANCHOR.test(text)) return;
      for (const statement of STATEMENTS) {
        if (made.has(statement)) continue;
        const match = text.includes(statement.anchor) ? statement.pattern.exec(text) : null;
        if (match) made.add(statement);
        const table = match && bound.tables.find((t) => t.definition.id === statement.table);
        const counted = table ? count(table, statement.rows, statement.column) : undefined;
        if (!match || !table || !counted) continue;
        const occurrence = (occurrences.get(statement) ?? 0) + 1;
        occurrences.set(statement, occurrence);
        const stated: Amount = {
          units: statement.none ? 0n : BigInt(match[1].replace(/[,，]/g, '').replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10))),
          decimals: 0,
        };
        const alternative = statement.orRows && count(table, statement.orRows, statement.column);
        if (sameValue(stated, counted.value) || (alternative && sameValue(stated, alternative.value))) continue;
        const at = statement.none ? match.index : match.index + match[0].indexOf(match[1]);
        const length = statement.none ? match[0].length : match[1].length;
        findings.push({
          range: { start: { line, character: at }, end: { line, character: at + length } },
          message: say(
            locale,
            `正文「${match[0]}」与表格不符：「${table.definition.name}」中${counted.what}为 ${formatAmount(counted.value)}。`,
            `The text 「${match[0]}」 contradicts the table: ${counted.what} in 「${table.definition.name}」 is ${formatAmount(counted.value)}.`,
          ),
          related: counted.cells.map((c) => ({ range: c.range, message: c.label })),
          data: { table: statement.table, statement: statement.anchor, occurrence, stated: toNumber(stated), counted: toNumber(counted.value) },
          fixes: [],
        });
      }
    });
    return findings;
  },
};

/** What the table counts for a statement, or undefined when its rows hold no number at all. */
function count(table: BoundTable, rowIds: string[], column?: string): { value: Amount; what: string; cells: { range: Range; label: string }[] } | undefined {
  const children = tableKeys(table.definition).children;
  const ids = rowIds.flatMap((id) => (id.endsWith('.*') ? (children.get(id.slice(0, -2)) ?? []).map((r) => r.id) : [id]));
  const rows = ids.map((id) => table.rows.get(id)).filter((r) => r !== undefined);
  if (rows.length === 0) return undefined;
  const columns = column?.split('+') ?? [];
  const values: Amount[] = [];
  const cells: { range: Range; label: string }[] = [];
  for (const row of rows) {
    const chosen =
      columns.length > 0
        ? columns
        : row.cells.has('total') && row.cells.get('total')!.value.kind === 'number'
          ? ['total']
          : [...row.cells.keys()].filter((k) => k !== 'total');
    for (const id of chosen) {
      const cell = row.cells.get(id);
      if (cell?.value.kind !== 'number') continue;
      values.push(cell.value);
    }
    cells.push({ range: row.labelRange, label: rowLabel(table, row.definition.id) });
  }
  if (values.length === 0) return undefined;
  const names =
    rows.length > 3
      ? `「${rowLabel(table, rows[0].definition.id)}」等 ${rows.length} 行`
      : rows.map((r) => `「${rowLabel(table, r.definition.id)}」`).join('、');
  const compared = columns.length === 1 ? table.definition.columns.find((c) => c.id === columns[0]) : undefined;
  return { value: sum(values), what: compared ? `${names}的「${columnName(table.definition, compared)}」` : `${names}合计`, cells };
}

/** A prose line that stops mid-sentence: not blank, and ending in no sentence or clause end. */
function continuesOnNextLine(text: string): boolean {
  const end = text.trimEnd();
  return end !== '' && !/[。！？；：:;!?）)」”]$/.test(end);
}
