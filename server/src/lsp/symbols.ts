import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { OutlineNode, Report } from '../engine/types';

/**
 * The outline: the title (with its preamble) first, then the parts with their numbered
 * sub-sections, tables as children of the section they stand in, and any 附件.
 */
export function toDocumentSymbols(report: Report): DocumentSymbol[] {
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

function toSymbol(node: OutlineNode): DocumentSymbol {
  if (node.type === 'table') {
    return {
      name: node.name,
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
}
