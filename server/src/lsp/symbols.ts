import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { BoundReport } from '../engine/bind';
import { formatChineseNumber } from '../formats/numerals';
import type { OutlineNode, Table } from '../engine/types';
import type { TableDefinition } from '../formats';

/**
 * The outline: the title (with its preamble) first, then the parts with their numbered
 * sub-sections, tables as children of the section they stand in, and any 附件. A table of the
 * statute is named as the statute names it; any other by its caption or header words.
 */
export function toDocumentSymbols(bound: BoundReport): DocumentSymbol[] {
  const { report } = bound;
  const definitions = new Map<Table, TableDefinition>(bound.tables.map((t) => [t.table, t.definition]));
  const toSymbol = (node: OutlineNode): DocumentSymbol => {
    if (node.type === 'table') {
      const definition = definitions.get(node);
      return {
        name: definition ? statutoryName(definition) : node.name,
        detail: `表格 · ${node.rows.filter((r) => r.kind !== 'rule').length} 行`,
        kind: SymbolKind.Struct,
        range: node.range,
        selectionRange: node.caption?.range ?? node.rows[0].range,
      };
    }
    return {
      name: node.name,
      kind: node.kind === 'appendix' ? SymbolKind.Package : SymbolKind.String,
      range: node.range,
      selectionRange: node.selectionRange,
      children: node.children.map(toSymbol),
    };
  };
  const symbols = report.outline.map(toSymbol);
  if (report.title) {
    symbols.unshift({
      name: report.title.text,
      detail: report.title.year ? `${report.title.year} 年度报告` : undefined,
      kind: SymbolKind.File,
      range: report.title.extent,
      selectionRange: report.title.range,
    });
  }
  return symbols;
}

/**
 * 第二十条第（一）项 for a table the statute names by its caption; 表三 收到和处理政府信息公开申请情况 for the
 * one table of a part, numbered by its part; the name alone for a table attached as 附件 (2008's 统计表).
 */
function statutoryName(definition: TableDefinition): string {
  if (definition.caption) return definition.caption;
  return definition.part > 0 ? `表${formatChineseNumber(definition.part)} ${definition.name}` : definition.name;
}
