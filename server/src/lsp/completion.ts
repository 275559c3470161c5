import { CompletionItemKind, type CompletionItem, type Position } from 'vscode-languageserver';
import type { BoundReport } from '../engine/bind';
import { labelKey } from '../engine/labels';

/**
 * In the label cell of a row of a statutory table (or on the line just below the table), the
 * statutory row labels: typing 信访 offers 1.信访举报投诉类申请.
 */
export function labelCompletions(bound: BoundReport, position: Position): CompletionItem[] {
  const before = (bound.report.lines[position.line] ?? '').slice(0, position.character);
  // The cell being typed in starts after the last tab before the cursor: never after the cursor.
  const cellStart = before.lastIndexOf('\t') + 1;
  if (before.split('\t').some((cell, i, all) => i < all.length - 1 && /\d/.test(cell))) return [];
  const table = bound.tables.find((t) => t.table.range.start.line <= position.line && position.line <= t.table.range.end.line + 1);
  if (!table || table.definition.layout === 'single-row') return [];
  const range = { start: { line: position.line, character: cellStart }, end: position };
  return table.definition.rows.map((row, i) => ({
    label: row.label,
    kind: CompletionItemKind.EnumMember,
    detail: table.definition.name,
    filterText: labelKey(row.label),
    sortText: String(i).padStart(3, '0'),
    textEdit: { range, newText: row.label },
  }));
}
