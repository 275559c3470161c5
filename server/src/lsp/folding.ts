import type { FoldingRange } from 'vscode-languageserver';
import type { OutlineNode, Range, Report } from '../engine/types';

/** Folds the preamble, every section and every table that spans more than one line. */
export function toFoldingRanges(report: Report): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const add = (range: Range) => {
    if (range.end.line > range.start.line) ranges.push({ startLine: range.start.line, endLine: range.end.line });
  };
  const visit = (node: OutlineNode) => {
    add(node.range);
    if (node.type === 'section') node.children.forEach(visit);
  };
  if (report.title) add(report.title.extent);
  report.outline.forEach(visit);
  return ranges;
}
