/**
 * Word 97–2003 .doc read from its binary format: the main document's paragraphs in order, and its
 * tables cell by cell — Word marks each cell's end, and each row's end carries the row's cell
 * boundaries and merges, from which the grid is built as for .docx. Where a table's marks do not
 * add up, its cells come out as paragraphs with a 'tables-as-text' note: no guessing at a grid.
 *
 * (word-extractor, the usual package for .doc text, turns cell and row ends alike into tabs and
 * misreads the two-byte length of the row definitions, so the rows of a table cannot be told
 * apart in what it gives; this reader therefore reads the format itself.)
 */
import { brokenCompoundFile, encryptedDocument, isEncryptedPackage, openCompoundFile, type CompoundFile } from './cfb';
import {
  brokenWordFile,
  charactersOf,
  isDeletedRun,
  paragraphProperties,
  readCharacterRuns,
  readFib,
  readParagraphRuns,
  readPieces,
  runAt,
  type Fib,
  type ParagraphProperties,
  type Piece,
  type PropertyRun,
  type RowDefinition,
} from './doc-binary';
import { cellsAsParagraphs, gridTable, TABLES_AS_TEXT, type PlacedCell, type PlacedRow } from './grid';
import { Fields } from './fields';
import { keepTextLimit } from './limit';
import { ReadError, type Block, type ReaderNote, type ReadResult } from './model';
import { joinWrapped } from '../engine/text';

export async function readDoc(bytes: Uint8Array): Promise<ReadResult> {
  return readDocSync(bytes);
}

function readDocSync(bytes: Uint8Array): ReadResult {
  const file = openCompoundFile(bytes);
  if (isEncryptedPackage(file)) throw encryptedDocument();
  const word = file.stream('WordDocument');
  if (!word) throw notWordFile(file);
  const fib = readFib(word);
  if (fib.encrypted) throw encryptedDocument();
  // Word 6 and 95 files (nFib below Word 97's) lay out the FIB and the tables differently.
  if (fib.nFib < 0xc0)
    throw new ReadError('unsupported', {
      'zh-cn': '这是 Word 6.0/95 格式的旧文档，暂不支持；请用 Word 或 WPS 另存为 .docx',
      en: 'this is a Word 6.0/95 document, which is not supported; save it as .docx from Word or WPS',
    });
  const table = file.stream(fib.tableStream);
  // Every character takes at least a byte of the WordDocument stream; more characters than bytes is a damaged (or hostile) count.
  if (!table || [fib.ccpText, ...fib.storyLengths].reduce((a, b) => a + b, 0) > word.length) throw brokenWordFile();
  const document = readDocument(word, table, file.stream('Data'), fib);
  const limited = keepTextLimit(document.blocks);
  return { kind: 'doc', blocks: limited.blocks, notes: [...document.notes, ...limited.notes] };
}

function notWordFile(file: CompoundFile): ReadError {
  if (file.streamNames().includes('Workbook') || file.streamNames().includes('PowerPoint Document'))
    return new ReadError('unsupported', {
      'zh-cn': '这是 Excel 或 PowerPoint 文件，不是 Word 文档',
      en: 'this is an Excel or PowerPoint file, not a Word document',
    });
  return brokenCompoundFile();
}

interface DocumentParts {
  word: Uint8Array;
  pieces: Piece[];
  paragraphRuns: PropertyRun[];
  deletedRuns: PropertyRun[];
  data: Uint8Array | undefined;
}

function readDocument(word: Uint8Array, table: Uint8Array, data: Uint8Array | undefined, fib: Fib): { blocks: Block[]; notes: ReaderNote[] } {
  const byStart = (a: PropertyRun, b: PropertyRun) => a.fcStart - b.fcStart;
  const parts: DocumentParts = {
    word,
    pieces: readPieces(table, fib.clx),
    paragraphRuns: readParagraphRuns(word, table, data, fib.plcfBtePapx).sort(byStart),
    deletedRuns: readCharacterRuns(word, table, fib.plcfBteChpx)
      .filter((run) => isDeletedRun(run.grpprl))
      .sort(byStart),
    data,
  };
  const builder = new DocumentBuilder();
  const fields = new Fields();
  let line = '';
  let lines: string[] = [];
  for (const { code, fc } of charactersOf(word, parts.pieces, 0, fib.ccpText)) {
    const deleted = runAt(parts.deletedRuns, fc) !== undefined;
    if (code === 0x0d || code === 0x07 || code === 0x0c) {
      // A deleted paragraph mark joins its paragraph to the next; cell and row marks always count.
      if (deleted && code !== 0x07) continue;
      const properties = paragraphProperties(runAt(parts.paragraphRuns, fc)?.grpprl ?? new Uint8Array(0), data);
      // A page break inside a table cell breaks no paragraph.
      if (code === 0x0c && properties.depth > 0) {
        lines.push(line);
        line = '';
        continue;
      }
      builder.paragraphEnd(joinWrapped([...lines, line]), code === 0x07, properties);
      line = '';
      lines = [];
      fields.paragraphEnd();
      continue;
    }
    if (deleted) continue;
    if (code === 0x13) fields.begin();
    else if (code === 0x14) fields.separate();
    else if (code === 0x15) {
      if (/^\s*EMBED\b/.test(fields.end() ?? '')) builder.skipped.add('object');
    } else if (!fields.showing) fields.addCode(String.fromCharCode(code));
    else if (code === 0x0b) {
      lines.push(line);
      line = '';
    } else line += visibleCharacter(code);
  }
  builder.flushTable();
  if (hasText(parts, fib.ccpText + fib.storyLengths.slice(0, 4).reduce((a, b) => a + b, 0), fib.storyLengths[4])) builder.skipped.add('textbox');
  return { blocks: builder.blocks, notes: builder.notes() };
}

/** A character as text: a tab a space, a non-breaking hyphen a hyphen; Word's other marks (pictures, note references, optional hyphens) nothing. */
function visibleCharacter(code: number): string {
  if (code === 0x09) return ' ';
  if (code === 0x1e) return '-';
  if (code < 0x20) return '';
  return String.fromCharCode(code);
}

/** Whether a story (the text boxes') holds any text beyond Word's marks and field codes (an embedded chart's EMBED, say). */
function hasText(parts: DocumentParts, from: number, length: number): boolean {
  const fields = new Fields();
  for (const { code } of charactersOf(parts.word, parts.pieces, from, from + length)) {
    if (code === 0x13) fields.begin();
    else if (code === 0x14) fields.separate();
    else if (code === 0x15) fields.end();
    else if (fields.showing && code > 0x20 && code !== 0x3000) return true;
  }
  return false;
}

interface RowInProgress {
  cells: string[];
  definition?: RowDefinition;
  paragraph: number;
}

/** Turns the stream of paragraph ends into blocks: plain paragraphs, and tables gathered cell by cell and row by row. */
class DocumentBuilder {
  readonly blocks: Block[] = [];
  readonly skipped = new Set<'object' | 'textbox'>();
  private tablesAsText = false;
  private paragraphs = 0;
  private tables = 0;
  private rows: RowInProgress[] = [];
  private cells: string[] = [];
  private cellLines: string[] = [];
  private rowStart: number | undefined;
  private tableStart: number | undefined;

  paragraphEnd(text: string, cellMark: boolean, properties: ParagraphProperties): void {
    const paragraph = ++this.paragraphs;
    if (properties.depth === 0) {
      // A cell mark outside any table: the file's table properties are missing, so its cells can only be listed.
      if (cellMark) this.tablesAsText = true;
      this.flushTable();
      if (text !== '') this.blocks.push({ kind: 'paragraph', text, source: { kind: 'doc', paragraph } });
      return;
    }
    this.tableStart ??= paragraph;
    this.rowStart ??= paragraph;
    if (properties.depth > 1 || !cellMark) {
      // A paragraph of a cell, or of a table nested in it (flattened into the cell's lines).
      this.cellLines.push(text);
    } else if (properties.rowEnd) {
      this.rows.push({ cells: this.cells, definition: properties.row, paragraph: this.rowStart });
      this.cells = [];
      this.cellLines = [];
      this.rowStart = undefined;
    } else {
      this.cells.push(joinWrapped([...this.cellLines, text]));
      this.cellLines = [];
    }
  }

  flushTable(): void {
    if (this.tableStart === undefined) return;
    const leftover = this.cells.length > 0 || this.cellLines.length > 0;
    if (leftover) this.rows.push({ cells: [...this.cells, joinWrapped(this.cellLines)], paragraph: this.rowStart ?? this.tableStart });
    const table = ++this.tables;
    const placed = leftover ? undefined : placeRows(this.rows, table);
    const grid = placed && gridTable(placed, { kind: 'doc', paragraph: this.tableStart, table });
    if (grid) this.blocks.push(grid);
    else {
      this.tablesAsText = true;
      const rows = this.rows.map((row, r) => ({ texts: row.cells, source: { kind: 'doc' as const, paragraph: row.paragraph, table, row: r + 1 } }));
      for (const paragraph of cellsAsParagraphs(rows)) this.blocks.push(paragraph);
    }
    this.rows = [];
    this.cells = [];
    this.cellLines = [];
    this.rowStart = undefined;
    this.tableStart = undefined;
  }

  notes(): ReaderNote[] {
    const notes: ReaderNote[] = [];
    if (this.tablesAsText) notes.push(TABLES_AS_TEXT);
    if (this.skipped.has('object'))
      notes.push({
        code: 'skipped-content',
        message: {
          'zh-cn': '文档中嵌入的对象（如 Excel 表格）未读取，其中的内容没有检查',
          en: 'objects embedded in the document (such as an Excel table) were not read; what they hold was not checked',
        },
      });
    if (this.skipped.has('textbox'))
      notes.push({
        code: 'skipped-content',
        message: { 'zh-cn': '文档中文本框里的文字未读取', en: 'the text in the document’s text boxes was not read' },
      });
    return notes;
  }
}

/** Boundaries closer than this (in twips) are one grid line: [MS-DOC] lets merged cells' edges differ by up to 3. */
const EDGE_TOLERANCE = 3;

/**
 * Each cell placed on the table's grid: the grid's lines are every row's cell boundaries together,
 * a cell spans the grid columns between its own boundaries. Undefined when a row's cells do not
 * match its definition, or it has none.
 */
function placeRows(rows: readonly RowInProgress[], table: number): PlacedRow[] | undefined {
  const definitions = rows.map((row) => row.definition);
  if (definitions.some((d, i) => !d || d.edges.length !== rows[i].cells.length + 1 || d.edges.some((e, j) => j > 0 && e < d.edges[j - 1]))) return undefined;
  const lineOf = gridLineOf(definitions.flatMap((d) => d!.edges));
  return rows.map((row, r) => {
    const definition = row.definition!;
    const cells: PlacedCell[] = [];
    row.cells.forEach((text, i) => {
      const column = lineOf(definition.edges[i]);
      const span = lineOf(definition.edges[i + 1]) - column;
      const previous = cells.at(-1);
      // A zero-width cell, or the continuation of an old-style horizontal merge, belongs to the cell on its left.
      if (previous && (span <= 0 || definition.mergedLeft[i])) {
        previous.span += Math.max(0, span);
        previous.text = joinWrapped([previous.text, text]);
        return;
      }
      cells.push({ text, column, span: Math.max(1, span), continuesAbove: definition.vertical[i] === 'continue' });
    });
    return { cells, source: { kind: 'doc', paragraph: row.paragraph, table, row: r + 1 } };
  });
}

/** Each boundary's grid line: the distinct boundaries in order, one within the tolerance of the one before it on the same line. */
function gridLineOf(edges: number[]): (edge: number) => number {
  const lines = new Map<number, number>();
  let line = -1;
  let previous = -Infinity;
  for (const edge of [...new Set(edges)].sort((a, b) => a - b)) {
    if (edge - previous > EDGE_TOLERANCE) line++;
    lines.set(edge, line);
    previous = edge;
  }
  return (edge) => lines.get(edge)!;
}
