import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { ExpectedNode } from './seed-outlines';

const KINDS: Partial<Record<SymbolKind, ExpectedNode['kind']>> = {
  [SymbolKind.File]: 'title',
  [SymbolKind.Package]: 'appendix',
  [SymbolKind.Struct]: 'table',
  [SymbolKind.String]: 'section',
};

/** LSP document symbols in the shape the pinned expectations use. */
export function symbolOutline(symbols: DocumentSymbol[]): ExpectedNode[] {
  return symbols.map((s) => ({
    kind: KINDS[s.kind] ?? 'section',
    name: s.name,
    start: s.range.start.line,
    end: s.range.end.line,
    children: symbolOutline(s.children ?? []),
  }));
}
