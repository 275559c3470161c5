/**
 * Blocks → the report text the engine reads, and a map from each line of it back to the source.
 * `md`: paragraphs separated by blank lines, tables as Markdown pipe tables aligned as Format
 * Document aligns them. `txt`: one paragraph a line, tables as tab-separated rows. Either reads the same in the engine.
 */
import { pipeTable } from '../engine/table-layout';
import type { Block, ReadResult, SourcePlace, Table } from './model';

export type TextForm = 'md' | 'txt';

export interface RenderedReport {
  text: string;
  /** For each line of `text`, where it came from (undefined for the blank lines between blocks). */
  sources: (SourcePlace | undefined)[];
}

export function renderReport(result: Pick<ReadResult, 'blocks'>, form: TextForm): RenderedReport {
  const lines: string[] = [];
  const sources: (SourcePlace | undefined)[] = [];
  const push = (line: string, source: SourcePlace | undefined) => {
    lines.push(line);
    sources.push(source);
  };
  let previous: Block['kind'] | undefined;
  for (const block of result.blocks) {
    // Markdown needs a blank line between paragraphs and around tables; plain text only around tables.
    if (previous !== undefined && (form === 'md' || block.kind === 'table' || previous === 'table')) push('', undefined);
    if (block.kind === 'paragraph') push(block.text, block.source);
    else if (block.rows.length > 0) {
      const rows = form === 'md' ? pipeTable(block.rows.map((r) => r.cells.map((c) => c.text))) : block.rows.map((r) => r.cells.map((c) => c.text).join('\t'));
      rows.forEach((line, i) => push(line, form === 'md' ? pipeSource(block, i) : block.rows[i].source));
    }
    previous = block.kind;
  }
  return { text: lines.join('\n') + '\n', sources };
}

/** The separator line (index 1) belongs to the first row's source. */
function pipeSource(table: Table, line: number): SourcePlace {
  return table.rows[line <= 1 ? 0 : line - 1].source;
}
