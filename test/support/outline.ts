import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { OutlineNode, Report } from '../../server/src/engine/types';
import type { ExpectedNode } from './seed-outlines';

/** The engine's outline in the shape the pinned expectations use. */
export function reportOutline(report: Report): ExpectedNode[] {
  const nodes = report.outline.map(fromNode);
  if (report.title)
    nodes.unshift({ kind: 'title', name: report.title.text, start: report.title.range.start.line, end: report.title.extent.end.line, children: [] });
  return nodes;
}

function fromNode(node: OutlineNode): ExpectedNode {
  if (node.type === 'table') return { kind: 'table', name: node.name, start: node.range.start.line, end: node.range.end.line, children: [] };
  return {
    kind: node.kind === 'appendix' ? 'appendix' : 'section',
    name: node.name,
    start: node.range.start.line,
    end: node.range.end.line,
    children: node.children.map(fromNode),
  };
}

const KINDS: Partial<Record<SymbolKind, ExpectedNode['kind']>> = {
  [SymbolKind.File]: 'title',
  [SymbolKind.Package]: 'appendix',
  [SymbolKind.Struct]: 'table',
  [SymbolKind.String]: 'section',
};

/** LSP document symbols in the same shape. */
export function symbolOutline(symbols: DocumentSymbol[]): ExpectedNode[] {
  return symbols.map((s) => ({
    kind: KINDS[s.kind] ?? 'section',
    name: s.name,
    start: s.range.start.line,
    end: s.range.end.line,
    children: symbolOutline(s.children ?? []),
  }));
}
