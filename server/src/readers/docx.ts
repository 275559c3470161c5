/**
 * Word .docx (and WPS's) read from its OOXML: word/document.xml's body in order — paragraphs with
 * their automatic numbering rendered, tables as grids with gridSpan / vMerge resolved — each with
 * the paragraph (and table, row) it came from. Only document.xml, numbering.xml and styles.xml are
 * inflated, within LIMITS.inflatedBytes of real output.
 */
import { encryptedDocument, isCompoundFile, isEncryptedPackage, openCompoundFile } from './cfb';
import { createListCounter, paragraphNumbering, readNumberingDefinitions, type ListLabel, type NumberingDefinitions } from './docx-numbering';
import {
  alternateBranch,
  brokenPart,
  childElements,
  isAlternateContent,
  isW,
  parseXmlPart,
  wAttr,
  wChild,
  wChildren,
  wIntVal,
  wName,
  type Element,
} from './docx-xml';
import { Fields } from './fields';
import { cellsAsParagraphs, gridTable, TABLES_AS_TEXT, type PlacedCell, type PlacedRow } from './grid';
import { keepTextLimit } from './limit';
import { LIMITS, ReadError, type Block, type ReaderNote, type ReadResult } from './model';
import { cleanText, joinWrapped } from '../engine/text';
import { brokenZip, readZipEntries } from './zip';

export interface DocxOptions {
  /** What document.xml, numbering.xml and styles.xml may inflate to together (tests lower it). */
  inflatedBytes?: number;
}

const DOCUMENT = 'word/document.xml';
const NUMBERING = 'word/numbering.xml';
const STYLES = 'word/styles.xml';

export function readDocx(bytes: Uint8Array, options: DocxOptions = {}): ReadResult {
  if (isCompoundFile(bytes)) throw compoundFileError(bytes);
  const parts = readZipEntries(bytes, [DOCUMENT, NUMBERING, STYLES], options.inflatedBytes ?? LIMITS.inflatedBytes);
  const document = parts.get(DOCUMENT);
  if (!document)
    throw new ReadError('corrupt', {
      'zh-cn': '文件已损坏：压缩包里没有 word/document.xml，不是 Word 文档',
      en: 'the file is damaged: the zip holds no word/document.xml, so it is not a Word document',
    });
  const body = wChild(parseXmlPart(document), 'body');
  if (!body) throw new ReadError('corrupt', { 'zh-cn': '文件已损坏：文档没有正文', en: 'the file is damaged: the document has no body' });
  const numbering = parts.get(NUMBERING);
  const styles = parts.get(STYLES);
  const definitions = readNumberingDefinitions(numbering && parseXmlPart(numbering), styles && parseXmlPart(styles));
  const walk: Walk = { paragraphs: 0, tables: 0, fields: new Fields(), definitions, label: createListCounter(definitions), skipped: new Set() };
  const limited = keepTextLimit(readBody(body, walk));
  return { kind: 'docx', blocks: limited.blocks, notes: [...skippedNotes(walk.skipped), ...limited.notes] };
}

/** The body's blocks; XML nested deeper than the walk's stack allows (no real document is) is a damaged file. */
function readBody(body: Element, walk: Walk): Block[] {
  try {
    return readBlocks(body, walk);
  } catch (error) {
    if (error instanceof RangeError) throw brokenPart();
    throw error;
  }
}

/** A compound file given as .docx: a password-protected .docx (Office encrypts into one), or a .doc under the wrong name. */
function compoundFileError(bytes: Uint8Array): ReadError {
  let encrypted = false;
  try {
    encrypted = isEncryptedPackage(openCompoundFile(bytes));
  } catch {
    return brokenZip();
  }
  if (encrypted) return encryptedDocument();
  return new ReadError('corrupt', {
    'zh-cn': '这是 Word 97–2003（.doc）文件，不是 .docx',
    en: 'this is a Word 97–2003 (.doc) file, not a .docx',
  });
}

interface Walk {
  /** w:p elements met so far, in document order (those in table cells and text boxes included). */
  paragraphs: number;
  /** Top-level tables met so far. */
  tables: number;
  /** The complex fields (w:fldChar) open at this point. */
  fields: Fields;
  definitions: NumberingDefinitions;
  label: (numId: string, level: number) => ListLabel | undefined;
  skipped: Set<'altChunk' | 'object' | 'table'>;
}

function readBlocks(container: Element | undefined, walk: Walk): Block[] {
  const blocks: Block[] = [];
  for (const child of container ? childElements(container) : []) {
    if (isW(child, 'p')) append(blocks, readParagraph(child, walk));
    else if (isW(child, 'tbl')) append(blocks, readTable(child, walk));
    else if (isW(child, 'sdt')) append(blocks, readBlocks(wChild(child, 'sdtContent'), walk));
    else if (isW(child, 'customXml')) append(blocks, readBlocks(child, walk));
    else if (isW(child, 'altChunk')) walk.skipped.add('altChunk');
  }
  return blocks;
}

/**
 * What a paragraph's runs hold: its parts (split at page breaks, each part read as a paragraph of
 * its own), each part's lines (split at w:br, joined back as a wrapped line is), and the text
 * boxes anchored in it.
 */
interface ParagraphContent {
  parts: string[][];
  textboxes: Element[];
}

/** The paragraph (numbering label included; none if it has no text), then the blocks of the text boxes anchored in it. */
function readParagraph(p: Element, walk: Walk): Block[] {
  const index = ++walk.paragraphs;
  const content: ParagraphContent = { parts: [['']], textboxes: [] };
  readInline(p, walk, content);
  walk.fields.paragraphEnd();
  const numbering = paragraphNumbering(wChild(p, 'pPr'), walk.definitions);
  const label = numbering && walk.label(numbering.numId, numbering.level);
  const blocks: Block[] = [];
  content.parts.forEach((lines, i) => {
    const text = joinWrapped(lines);
    if (text === '') return;
    const labelled = i === 0 && label && label.text !== '' ? cleanText(label.text + (label.suffix === 'nothing' ? '' : ' ') + text) : text;
    blocks.push({ kind: 'paragraph', text: labelled, source: { kind: 'docx', paragraph: index } });
  });
  for (const box of content.textboxes) append(blocks, readBlocks(box, walk));
  return blocks;
}

const INLINE_CONTAINERS = ['ins', 'moveTo', 'hyperlink', 'smartTag', 'customXml', 'fldSimple', 'bdo', 'dir', 'sdtContent'];

function readInline(container: Element, walk: Walk, content: ParagraphContent): void {
  for (const child of childElements(container)) {
    if (isW(child, 'r')) readRun(child, walk, content);
    else if (isW(child, 'sdt')) readInline(wChild(child, 'sdtContent') ?? child, walk, content);
    else if (INLINE_CONTAINERS.some((name) => isW(child, name))) readInline(child, walk, content);
    else if (isAlternateContent(child)) readInline(alternateBranch(child) ?? child, walk, content);
  }
}

function readRun(run: Element, walk: Walk, content: ParagraphContent): void {
  const lines = () => content.parts[content.parts.length - 1];
  const addText = (text: string) => {
    if (walk.fields.showing) lines()[lines().length - 1] += text;
  };
  for (const child of childElements(run)) {
    if (isAlternateContent(child)) {
      const branch = alternateBranch(child);
      if (branch) readRun(branch, walk, content);
      continue;
    }
    switch (wName(child)) {
      case 't':
        addText(child.textContent ?? '');
        break;
      case 'tab':
      case 'ptab':
        addText(' ');
        break;
      case 'br':
      case 'cr':
        if (!walk.fields.showing) break;
        if (wAttr(child, 'type') === 'page') content.parts.push(['']);
        else lines().push('');
        break;
      case 'noBreakHyphen':
        addText('-');
        break;
      case 'sym':
        addText(symbol(child));
        break;
      case 'fldChar':
        openOrCloseField(wAttr(child, 'fldCharType'), walk.fields);
        break;
      case 'object':
        walk.skipped.add('object');
        append(content.textboxes, textboxesIn(child));
        break;
      case 'drawing':
      case 'pict':
        append(content.textboxes, textboxesIn(child));
        break;
    }
  }
}

function openOrCloseField(type: string | undefined, fields: Fields): void {
  if (type === 'begin') fields.begin();
  else if (type === 'separate') fields.separate();
  else if (type === 'end') fields.end();
}

/** w:sym's character, as its code stands (a symbol font's glyphs sit in the private use area, F0xx). */
function symbol(sym: Element): string {
  const code = Number.parseInt(wAttr(sym, 'char') ?? '', 16);
  return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
}

/** The w:txbxContent inside a drawing, picture or object: one branch of each mc:AlternateContent, no box inside a box. */
function textboxesIn(element: Element): Element[] {
  const found: Element[] = [];
  const visit = (node: Element) => {
    if (isW(node, 'txbxContent')) {
      found.push(node);
      return;
    }
    if (isAlternateContent(node)) {
      const branch = alternateBranch(node);
      if (branch) visit(branch);
      return;
    }
    for (const child of childElements(node)) visit(child);
  };
  visit(element);
  return found;
}

function readTable(tbl: Element, walk: Walk): Block[] {
  const rows = tableRows(tbl);
  const onlyCell = rows.length === 1 ? rowCells(rows[0]) : [];
  // A one-cell table is a frame around text (some reports put everything in one), not a table of data.
  if (onlyCell.length === 1) return readBlocks(onlyCell[0], walk);
  const table = ++walk.tables;
  const first = walk.paragraphs + 1;
  const placed = rows.map((tr, r): PlacedRow => {
    const paragraph = walk.paragraphs + 1;
    return { cells: placeCells(tr, walk), source: { kind: 'docx', paragraph, table, row: r + 1 } };
  });
  const gridColumns = wChildren(wChild(tbl, 'tblGrid'), 'gridCol').length;
  if (placed.length === 0) return [];
  const grid = gridTable(placed, { kind: 'docx', paragraph: first, table }, gridColumns);
  if (grid) return [grid];
  walk.skipped.add('table');
  return cellsAsParagraphs(placed.map((row) => ({ texts: row.cells.map((c) => c.text), source: row.source })));
}

/** w:tr elements, those inside row-level content controls and custom XML included; rows deleted with tracked changes left out. */
function tableRows(tbl: Element): Element[] {
  const rows: Element[] = [];
  for (const child of childElements(tbl)) {
    if (isW(child, 'tr')) {
      if (!wChild(wChild(child, 'trPr'), 'del')) rows.push(child);
    } else if (isW(child, 'sdt')) append(rows, tableRows(wChild(child, 'sdtContent') ?? child));
    else if (isW(child, 'customXml')) append(rows, tableRows(child));
  }
  return rows;
}

function rowCells(tr: Element): Element[] {
  const cells: Element[] = [];
  for (const child of childElements(tr)) {
    if (isW(child, 'tc')) cells.push(child);
    else if (isW(child, 'sdt')) append(cells, rowCells(wChild(child, 'sdtContent') ?? child));
    else if (isW(child, 'customXml')) append(cells, rowCells(child));
  }
  return cells;
}

function placeCells(tr: Element, walk: Walk): PlacedCell[] {
  const cells: PlacedCell[] = [];
  let column = wIntVal(wChild(tr, 'trPr'), 'gridBefore') ?? 0;
  for (const tc of rowCells(tr)) {
    const tcPr = wChild(tc, 'tcPr');
    const span = Math.max(1, wIntVal(tcPr, 'gridSpan') ?? 1);
    const vMerge = wChild(tcPr, 'vMerge');
    const text = joinWrapped(cellLines(tc, walk));
    const previous = cells.at(-1);
    // The legacy horizontal merge: a w:hMerge continuation widens the cell to its left.
    if (previous && wChild(tcPr, 'hMerge') && wAttr(wChild(tcPr, 'hMerge'), 'val') !== 'restart') {
      previous.span += span;
      previous.text = joinWrapped([previous.text, text]);
    } else {
      cells.push({ text, column, span, continuesAbove: vMerge !== undefined && wAttr(vMerge, 'val') !== 'restart' });
    }
    column += span;
  }
  return cells;
}

/** A cell's lines: its paragraphs' texts, and the cells of any table nested in it, in reading order. */
function cellLines(container: Element, walk: Walk): string[] {
  const lines: string[] = [];
  for (const child of childElements(container)) {
    if (isW(child, 'p')) {
      for (const block of readParagraph(child, walk)) {
        if (block.kind === 'paragraph') lines.push(block.text);
        else
          append(
            lines,
            block.rows.flatMap((r) => r.cells.map((c) => c.text)),
          );
      }
    } else if (isW(child, 'tbl')) {
      for (const tr of tableRows(child)) for (const tc of rowCells(tr)) append(lines, cellLines(tc, walk));
    } else if (isW(child, 'sdt')) append(lines, cellLines(wChild(child, 'sdtContent') ?? child, walk));
    else if (isW(child, 'customXml')) append(lines, cellLines(child, walk));
  }
  return lines;
}

/** Appends one by one: a spread call would overflow the stack on a document of a few hundred thousand paragraphs. */
function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

function skippedNotes(skipped: ReadonlySet<'altChunk' | 'object' | 'table'>): ReaderNote[] {
  const notes: ReaderNote[] = skipped.has('table') ? [TABLES_AS_TEXT] : [];
  if (skipped.has('object'))
    notes.push({
      code: 'skipped-content',
      message: {
        'zh-cn': '文档中嵌入的对象（如 Excel 表格）未读取，其中的内容没有检查',
        en: 'objects embedded in the document (such as an Excel table) were not read; what they hold was not checked',
      },
    });
  if (skipped.has('altChunk'))
    notes.push({
      code: 'skipped-content',
      message: {
        'zh-cn': '文档中以 altChunk 方式嵌入的其他文档未读取，其中的内容没有检查',
        en: 'a document embedded as an altChunk was not read; what it holds was not checked',
      },
    });
  return notes;
}
