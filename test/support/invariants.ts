import assert from 'node:assert/strict';
import { splitLines } from '../../server/src/engine/lines';
import type { OutlineNode, Position, Range, Report } from '../../server/src/engine/types';

const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);

/** Every range lies inside the text, children inside their parent, siblings in document order. */
export function assertWellFormed(report: Report, text: string): void {
  const lines = splitLines(text);
  const inside = (r: Range, what: string) => {
    assert.ok(before(r.start, r.end), `${what}: start after end`);
    assert.ok(r.end.line < lines.length && r.end.character <= lines[r.end.line].length, `${what}: ends outside the text`);
  };
  const visit = (nodes: OutlineNode[], parent: Range | undefined) => {
    let previous: Position | undefined;
    for (const n of nodes) {
      inside(n.range, n.name);
      if (parent) assert.ok(before(parent.start, n.range.start) && before(n.range.end, parent.end), `${n.name}: outside its parent`);
      if (previous) assert.ok(before(previous, n.range.start), `${n.name}: out of order`);
      previous = n.range.end;
      if (n.type === 'section') {
        inside(n.selectionRange, `${n.name} (heading)`);
        visit(n.children, n.range);
      } else {
        for (const row of n.rows) for (const c of row.cells) inside(c.range, `${n.name} cell`);
      }
    }
  };
  if (report.title) inside(report.title.extent, 'title');
  visit(report.outline, undefined);
}
