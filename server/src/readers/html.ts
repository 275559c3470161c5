/**
 * The web-page reader: a government page as saved or crawled → the report's blocks. The page is
 * decoded by its charset, parsed with htmlparser2 (bounded: a pathological page is cut short, with
 * a note), the element that holds the report is chosen by its content, and everything around it
 * (navigation, breadcrumbs, share buttons, footer, the 索引号/发布机构 metadata table) is left out.
 */
import { Parser } from 'htmlparser2';
import { DomHandler, isTag, isText, type ChildNode, type Document, type Element, type ParentNode } from 'domhandler';
import { looksLikeReport, looksMisdecoded } from '../engine/detect';
import { LIMITS, ReadError, type Block, type Paragraph, type ReaderNote, type ReadResult, type SourcePlace, type Table } from './model';
import { renderReport } from './render';
import { cleanText, joinWrapped } from '../engine/text';

export function readHtml(bytes: Uint8Array): ReadResult {
  if (bytes.length > LIMITS.fileBytes) {
    throw new ReadError('too-large', {
      'zh-cn': `网页文件超过 ${LIMITS.fileBytes / 1024 / 1024} MB，无法读取`,
      en: `the page is larger than ${LIMITS.fileBytes / 1024 / 1024} MB`,
    });
  }
  const { document, cut } = parseBounded(decodeHtml(bytes));
  const page = new Page(document);
  const body = findBody(document);
  const container = pickContainer(page, body);
  // When the element chosen holds no report, the report may still be on the page: it is read whole.
  const read = readReport(page, document, container) ?? (container !== body ? readReport(page, document, body) : undefined);
  if (!read) throw new ReadError('no-report', { 'zh-cn': '网页中没有找到年度报告', en: 'no annual report found in the page' });
  return { kind: 'html', blocks: read.blocks, notes: [...(cut ? [PARSE_CUT_NOTE] : []), ...read.notes] };
}

/** The text a report has besides its title, at the least: a page with a title over a link to the report's PDF holds no report. */
const MIN_REPORT_CHARS = 200;

/** The report in `container`, its title first (taken from above it when it does not start with one); undefined if it holds no report. */
function readReport(page: Page, document: Document, container: ParentNode): Pick<ReadResult, 'blocks' | 'notes'> | undefined {
  const read = readBlocks(page, container);
  const title = startsWithTitle(read.blocks) ? undefined : findTitle(page, document, container);
  const blocks = title ? [title, ...read.blocks] : read.blocks;
  if (!looksLikeReport(renderReport({ blocks }, 'txt').text) || textUnderTitle(read.blocks) < MIN_REPORT_CHARS) return undefined;
  return { blocks, notes: read.notes };
}

function textUnderTitle(blocks: Block[]): number {
  let chars = 0;
  for (const block of blocks) {
    if (block.kind === 'table') for (const row of block.rows) for (const cell of row.cells) chars += cell.text.length;
    else if (!isTitle(block.text)) chars += block.text.length;
  }
  return chars;
}

// ---------------------------------------------------------------------------------------------
// Decoding

/** How far into the page a <meta charset> is looked for (browsers look in the first 1024 bytes; pages pad their heads). */
const META_WINDOW = 4096;

/**
 * The page's text: by its byte-order mark; else as UTF-8 when it is valid UTF-8 (crawlers re-encode
 * pages to UTF-8 and leave the old <meta charset> behind, and GBK text is practically never valid
 * UTF-8); else by its <meta charset> (a page declared UTF-8 with a few broken bytes stays UTF-8);
 * else GB18030, the superset of GBK and GB2312.
 */
export function decodeHtml(bytes: Uint8Array): string {
  const bom = bomEncoding(bytes);
  if (bom) return new TextDecoder(bom).decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // not UTF-8: the declared charset or GB18030 below
  }
  const declared = declaredCharset(bytes);
  if (declared === 'utf-8') {
    const lenient = new TextDecoder('utf-8').decode(bytes);
    if (!looksMisdecoded(lenient)) return lenient;
  }
  return new TextDecoder(declared && declared !== 'utf-8' ? declared : 'gb18030').decode(bytes);
}

function bomEncoding(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** The charset a <meta charset> or <meta http-equiv="Content-Type"> names, as a TextDecoder encoding. */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, META_WINDOW));
  const label = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1];
  if (label === undefined) return undefined;
  let encoding: string;
  try {
    encoding = new TextDecoder(label).encoding;
  } catch {
    return undefined;
  }
  // GB2312 and GBK pages are read with GB18030, their superset; a page whose <meta> reads as ASCII is not UTF-16 (the HTML rule).
  if (encoding === 'gbk') return 'gb18030';
  return encoding.startsWith('utf-16') ? 'utf-8' : encoding;
}

// ---------------------------------------------------------------------------------------------
// Parsing, bounded

/**
 * htmlparser2 keeps its open elements in an array it shifts and unshifts, so each tag costs time
 * in proportion to the nesting depth; no real page nests anywhere near this deep.
 */
const MAX_DEPTH = 256;
/** Nodes kept in memory (a real page has a few thousand). */
const MAX_NODES = 200_000;

const PARSE_CUT_NOTE: ReaderNote = {
  code: 'truncated',
  message: {
    'zh-cn': `网页的元素嵌套超过 ${MAX_DEPTH} 层或多于 ${MAX_NODES} 个，其后的内容未读取`,
    en: `the page nests elements deeper than ${MAX_DEPTH} levels or holds more than ${MAX_NODES} nodes; the rest of it was not read`,
  },
};

/** Builds the DOM like parseDocument, but stops the parser at MAX_DEPTH open elements or MAX_NODES nodes. */
class BoundedDomHandler extends DomHandler {
  target: Parser | undefined;
  cut = false;
  private depth = 0;
  private nodes = 0;

  override onopentag(name: string, attribs: Record<string, string>): void {
    super.onopentag(name, attribs);
    if (++this.depth > MAX_DEPTH) this.stop();
  }

  override onclosetag(): void {
    super.onclosetag();
    this.depth--;
  }

  protected override addNode(node: ChildNode): void {
    super.addNode(node);
    if (++this.nodes > MAX_NODES) this.stop();
  }

  private stop(): void {
    this.cut = true;
    this.target?.pause();
  }
}

function parseBounded(html: string): { document: Document; cut: boolean } {
  const handler = new BoundedDomHandler();
  const parser = new Parser(handler);
  handler.target = parser;
  parser.end(html);
  return { document: handler.root, cut: handler.cut };
}

function findBody(document: Document): ParentNode {
  const html = document.children.find((n): n is Element => isTag(n) && n.name === 'html');
  return (html ?? document).children.find((n): n is Element => isTag(n) && n.name === 'body') ?? html ?? document;
}

// ---------------------------------------------------------------------------------------------
// Elements

const words = (text: string) => text.trim().split(/\s+/);

/**
 * Elements that never hold report text: scripts, page furniture, form controls, embedded frames.
 * Not <form>: ASP.NET pages wrap the whole page in one; a small form (a search box) is skipped when read.
 */
const SKIPPED = new Set(
  words('head title script style noscript template nav header footer button select textarea iframe frame object embed svg math canvas audio video map'),
);
/** Content that may carry part of the report (a table pasted as a picture, an embedded PDF) but cannot be read here. */
const EMBEDDED = new Set(words('img iframe frame object embed svg canvas'));
/** Elements that start and end a line of text. */
const BLOCKS = new Set(
  words(`address article aside blockquote body caption center dd details dialog dir div dl dt fieldset figcaption figure form
    h1 h2 h3 h4 h5 h6 hgroup hr html legend li main menu ol p pre section summary table tbody td tfoot th thead tr ul`),
);
/** Elements that hold one paragraph or list, not a report: the container search stops above them. */
const PARAGRAPH_LIKE = new Set(words('p h1 h2 h3 h4 h5 h6 pre li dt dd blockquote ul ol dl a'));

const elementChildren = (node: ParentNode): Element[] => node.children.filter(isTag);

/** What the container search and the table tests need to know of an element's content, measured once. */
interface Measure {
  /** Characters of text, spaces not counted. */
  chars: number;
  /** Of which inside links (navigation is mostly links). */
  linkChars: number;
  /** Table cells holding just a number: the statistics tables, the part of a report that is least text. */
  numberCells: number;
  /** The text itself while it is short (for telling number cells), else undefined. */
  short: string | undefined;
  /** Elements and texts inside. */
  nodes: number;
  /** Tables inside. */
  tables: number;
  /** Images and embedded objects inside. */
  embedded: number;
}

const SHORT_TEXT = 24;
const NUMBER_CELL = /^\s*[-+]?\d+(?:\.\d+)?\s*$/;

/** The table as the browser lays it out: rows of cells, and what sits outside the cells. */
interface TableShape {
  caption: Element | undefined;
  /** The td/th of each row, thead rows first and tfoot rows last. */
  rows: Element[][];
  /** For each row, where its row group (thead, a tbody, tfoot) ends: no cell spans beyond. */
  groupEnds: number[];
  /** Content outside any cell, which browsers show before the table. */
  stray: ChildNode[];
}

/** Cell texts that name a document's metadata (the 索引号/发布机构/生成日期 table of government pages). */
const METADATA_KEYS = new Set(
  words(`索引号 名称 标题 信息名称 分类 主题分类 组配分类 体裁分类 发布机构 发文机关 发布单位 所属机构 信息来源 来源
    公开日期 发布日期 生成日期 发文日期 成文日期 文号 发文字号 关键词 主题词 时效 有效性 公开方式 公开范围 公开时限 文件下载`),
);
const METADATA_MIN_KEYS = 3;
/** A cell longer than this is a paragraph, not a value or a label. */
const LONG_CELL = 200;

/** The parsed page with its measures, table shapes and element names, each computed once. */
class Page {
  private readonly measures = new Map<ParentNode, Measure>();
  private readonly shapes = new Map<Element, TableShape>();
  private readonly metadata = new Set<Element>();
  private readonly segments = new Map<Element, string>();

  constructor(document: Document) {
    this.measure(document, false);
  }

  /** How much report text an element holds: text outside links, and every number cell counted as much as a short sentence. */
  weight(node: ParentNode): number {
    const m = this.measures.get(node);
    return m && !(isTag(node) && this.metadata.has(node)) ? m.chars - m.linkChars + NUMBER_CELL_WEIGHT * m.numberCells : 0;
  }

  chars(node: ParentNode): number {
    return this.measures.get(node)?.chars ?? 0;
  }

  embedded(node: ParentNode): number {
    return this.measures.get(node)?.embedded ?? 0;
  }

  /** Whether an element is read (not skipped) and small enough to be a title: a short text in a few elements. */
  mayBeTitle(element: Element): boolean {
    const m = this.measures.get(element);
    return m !== undefined && m.chars <= TITLE_MAX_LENGTH && m.nodes <= TITLE_MAX_NODES;
  }

  isRead(element: Element): boolean {
    return this.measures.has(element);
  }

  shape(table: Element): TableShape {
    let shape = this.shapes.get(table);
    if (!shape) this.shapes.set(table, (shape = tableShape(table)));
    return shape;
  }

  /** The 索引号/发布机构/生成日期 table government pages put above a document: cells naming its metadata. */
  isMetadata(table: Element): boolean {
    return this.metadata.has(table);
  }

  /** A table that lays out the page rather than holds figures: one cell or one column, cells holding tables, or paragraphs and no figures. */
  isLayout(table: Element): boolean {
    const { rows } = this.shape(table);
    const cells = rows.flat().map((cell) => this.measures.get(cell));
    if (rows.reduce((most, row) => Math.max(most, row.length), 0) <= 1 || cells.some((m) => m && m.tables > 0)) return true;
    return cells.some((m) => m && m.chars > LONG_CELL) && this.measures.get(table)?.numberCells === 0;
  }

  /** `p[3]`: the tag, numbered among same-tag siblings when there are several. */
  segment(element: Element): string {
    let segment = this.segments.get(element);
    if (segment === undefined) {
      this.nameSiblings(element.parent ?? element);
      segment = this.segments.get(element) ?? element.name;
    }
    return segment;
  }

  private nameSiblings(parent: ParentNode): void {
    const siblings = elementChildren(parent);
    const totals = new Map<string, number>();
    for (const s of siblings) totals.set(s.name, (totals.get(s.name) ?? 0) + 1);
    const seen = new Map<string, number>();
    for (const s of siblings) {
      const n = (seen.get(s.name) ?? 0) + 1;
      seen.set(s.name, n);
      this.segments.set(s, totals.get(s.name)! > 1 ? `${s.name}[${n}]` : s.name);
    }
  }

  private measure(node: ParentNode, inLink: boolean): Measure {
    const m: Measure = { chars: 0, linkChars: 0, numberCells: 0, short: '', nodes: 0, tables: 0, embedded: 0 };
    for (const child of node.children) {
      m.nodes++;
      if (isText(child)) {
        const chars = countChars(child.data);
        m.chars += chars;
        if (inLink) m.linkChars += chars;
        m.short = appendShort(m.short, child.data);
      } else if (isTag(child) && EMBEDDED.has(child.name)) {
        m.embedded++;
      } else if (isTag(child) && !SKIPPED.has(child.name)) {
        const c = this.measure(child, inLink || child.name === 'a');
        if (child.name === 'table' && this.hasMetadataCells(child)) {
          this.metadata.add(child);
          continue;
        }
        m.chars += c.chars;
        m.linkChars += c.linkChars;
        m.numberCells += c.numberCells;
        m.nodes += c.nodes;
        m.tables += c.tables + (child.name === 'table' ? 1 : 0);
        m.embedded += c.embedded;
        m.short = c.short === undefined ? undefined : appendShort(m.short, c.short);
      }
    }
    if (isTag(node) && (node.name === 'td' || node.name === 'th') && m.short !== undefined && NUMBER_CELL.test(m.short)) m.numberCells++;
    this.measures.set(node, m);
    return m;
  }

  private hasMetadataCells(table: Element): boolean {
    const keys = new Set(this.shape(table).rows.flatMap((cells) => cells.map((cell) => this.measures.get(cell)?.short?.replace(/[\s:：]/g, ''))));
    let found = 0;
    for (const key of METADATA_KEYS) if (keys.has(key)) found++;
    return found >= METADATA_MIN_KEYS;
  }
}

/** Characters of text, spaces not counted. */
function countChars(text: string): number {
  let chars = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!(code <= 0x20 || code === 0xa0 || code === 0x3000)) chars++;
  }
  return chars;
}

/** Weight of a number cell against characters of prose: the statistics tables weigh as much as the prose about them. */
const NUMBER_CELL_WEIGHT = 20;

function appendShort(short: string | undefined, text: string): string | undefined {
  return short === undefined || short.length + text.length > SHORT_TEXT ? undefined : short + text;
}

function tableShape(table: Element): TableShape {
  const shape: TableShape = { caption: undefined, rows: [], groupEnds: [], stray: [] };
  const head: Element[][] = [];
  const body: Element[][] = [];
  const foot: Element[][] = [];
  /** <tr>s straight in the table, which browsers group into a tbody of their own. */
  let loose: Element[] | undefined;
  const rowsOf = (section: Element) =>
    section.children.filter((child): child is Element => {
      if (isTag(child) && child.name === 'tr') return true;
      if (isContent(child)) shape.stray.push(child);
      return false;
    });
  for (const child of table.children) {
    if (!isTag(child)) {
      if (isContent(child)) shape.stray.push(child);
    } else if (child.name === 'tr') {
      if (!loose) body.push((loose = []));
      loose.push(child);
    } else if (child.name === 'thead' || child.name === 'tbody' || child.name === 'tfoot') {
      loose = undefined;
      (child.name === 'thead' ? head : child.name === 'tfoot' ? foot : body).push(rowsOf(child));
    } else if (child.name === 'caption') shape.caption ??= child;
    else if (isContent(child)) shape.stray.push(child);
  }
  for (const group of [...head, ...body, ...foot]) {
    const end = shape.rows.length + group.length;
    for (const tr of group) {
      shape.rows.push(
        tr.children.filter((child): child is Element => {
          if (isTag(child) && (child.name === 'td' || child.name === 'th')) return true;
          if (isContent(child)) shape.stray.push(child);
          return false;
        }),
      );
      shape.groupEnds.push(end);
    }
  }
  return shape;
}

/** Whether a node inside a table's structure (outside any cell) shows anything. */
function isContent(node: ChildNode): boolean {
  if (isText(node)) return node.data.trim() !== '';
  return isTag(node) && !SKIPPED.has(node.name) && node.name !== 'colgroup' && node.name !== 'col';
}

/** An element's text on one line: its lines (split at blocks and <br>) joined as a cell's wrapped lines are. */
function textOf(root: ParentNode): string {
  const lines: string[] = [];
  let line = '';
  const breakLine = () => {
    lines.push(withoutWordDebris(line));
    line = '';
  };
  const visit = (node: ParentNode, pre: boolean) => {
    for (const child of node.children) {
      if (isText(child)) {
        const parts = pre ? child.data.split('\n') : [child.data];
        parts.forEach((part, i) => {
          if (i > 0) breakLine();
          line += part;
        });
      } else if (isTag(child) && !SKIPPED.has(child.name) && !EMBEDDED.has(child.name)) {
        if (child.name === 'br') breakLine();
        else if (BLOCKS.has(child.name)) {
          breakLine();
          visit(child, pre || child.name === 'pre');
          breakLine();
        } else visit(child, pre);
      }
    }
  };
  visit(root, false);
  breakLine();
  return joinWrapped(lines);
}

/**
 * Word's conditional comments (`<!--[if !supportLists]-->`, `<![endif]>`) that a web editor escaped
 * into text: markup debris the page shows before list numbers, never report text.
 */
const WORD_DEBRIS = /<!(?:--)?\[(?:if\b[^\]]*|endif)\](?:--)?>/g;

function withoutWordDebris(text: string): string {
  return text.includes('<!') ? text.replace(WORD_DEBRIS, '') : text;
}

// ---------------------------------------------------------------------------------------------
// The container

/** A child holding this share of its parent's report text is where the report is; the rest is furniture. */
const DOMINANT_SHARE = 0.8;

/**
 * The element that holds the report: from the body down, into the child holding most of the
 * report text while it holds nearly all of it, stopping above a paragraph or a table of figures.
 */
function pickContainer(page: Page, body: ParentNode): ParentNode {
  let node = body;
  for (;;) {
    let best: Element | undefined;
    for (const child of elementChildren(node)) if (!SKIPPED.has(child.name) && (!best || page.weight(child) > page.weight(best))) best = child;
    if (!best || page.weight(best) < DOMINANT_SHARE * page.weight(node)) return node;
    if (PARAGRAPH_LIKE.has(best.name) || (best.name === 'table' && !page.isLayout(best))) return node;
    node = best;
  }
}

// ---------------------------------------------------------------------------------------------
// Blocks

/** Browsers clamp spans so: colspan to 1000, rowspan to 65534 (and to the rows left in the row group). */
const MAX_COLSPAN = 1000;
const MAX_ROWSPAN = 65534;
/** What a table cell costs of the text budget besides its text: at least this in a Markdown pipe table (`|` and padding). */
const CELL_CHARS = 6;
/** Segments of an element's path shown below the container; deeper paths are shortened with `…`. */
const PATH_SEGMENTS = 8;
/** A form with less text than this is a search box or a login, not the page wrapped in a form. */
const SEARCH_FORM_CHARS = 100;

const TEXT_CUT_NOTE: ReaderNote = {
  code: 'truncated',
  message: {
    'zh-cn': `网页中的报告超过 ${LIMITS.textChars} 个字符，其后的部分未读取`,
    en: `the report in the page is longer than ${LIMITS.textChars} characters; the rest was not read`,
  },
};
function embeddedNote(count: number): ReaderNote {
  return {
    code: 'skipped-content',
    message: {
      'zh-cn': `报告中有 ${count} 个图片或嵌入内容（如 PDF），其中的文字和表格未读取`,
      en: `the report holds ${count} image(s) or embedded object(s) (such as a PDF) whose text and tables were not read`,
    },
  };
}

/** The container's blocks in reading order, and what could not be read faithfully. */
function readBlocks(page: Page, container: ParentNode): Pick<ReadResult, 'blocks' | 'notes'> {
  const reader = new BlockReader(page, container);
  reader.readChildren(container);
  reader.flush();
  return { blocks: reader.blocks, notes: reader.notes() };
}

class BlockReader {
  readonly blocks: Block[] = [];
  private line = '';
  private lineOwner: ParentNode;
  private readonly owners: ParentNode[] = [];
  private pre = 0;
  private budget: number = LIMITS.textChars;
  private textCut = false;
  private embedded = 0;
  private tables = 0;
  /** What paths start from: the container, or the nearest element above it with an id or a class. */
  private readonly anchor: ParentNode;

  constructor(
    private readonly page: Page,
    private readonly container: ParentNode,
  ) {
    this.lineOwner = container;
    this.anchor = anchorOf(container);
  }

  notes(): ReaderNote[] {
    return [...(this.textCut ? [TEXT_CUT_NOTE] : []), ...(this.embedded > 0 ? [embeddedNote(this.embedded)] : [])];
  }

  readChildren(node: ParentNode): void {
    for (const child of node.children) {
      if (this.textCut) return;
      if (isText(child)) this.addText(child.data);
      else if (isTag(child)) this.readElement(child);
    }
  }

  private readElement(element: Element): void {
    const name = element.name;
    if (EMBEDDED.has(name)) this.embedded++;
    if (SKIPPED.has(name) || EMBEDDED.has(name) || (name === 'form' && this.page.weight(element) < SEARCH_FORM_CHARS)) return;
    if (name === 'br') this.flush();
    else if (name === 'table') this.readTable(element);
    else if (BLOCKS.has(name)) this.readBlock(element);
    else this.readChildren(element);
  }

  private readBlock(element: Element): void {
    this.flush();
    this.owners.push(element);
    if (element.name === 'pre') this.pre++;
    this.readChildren(element);
    this.flush();
    if (element.name === 'pre') this.pre--;
    this.owners.pop();
  }

  private addText(data: string): void {
    const parts = this.pre > 0 ? data.split('\n') : [data];
    parts.forEach((part, i) => {
      if (i > 0) this.flush();
      if (this.line === '') this.lineOwner = this.owners.at(-1) ?? this.container;
      this.line += part;
    });
  }

  flush(): void {
    const raw = this.line;
    this.line = '';
    // A line with more characters than the text left to produce cannot fit, however its spaces collapse.
    if (countChars(raw) > this.budget) this.textCut = true;
    if (this.textCut) return;
    const text = cleanText(withoutWordDebris(raw));
    if (text !== '' && this.spend(text.length + 1)) this.blocks.push({ kind: 'paragraph', text, source: { kind: 'html', element: this.path(this.lineOwner) } });
  }

  private spend(chars: number): boolean {
    if (chars > this.budget) this.textCut = true;
    if (this.textCut) return false;
    this.budget -= chars;
    return true;
  }

  private readTable(table: Element): void {
    if (this.page.isMetadata(table)) return;
    const shape = this.page.shape(table);
    this.flush();
    for (const node of shape.stray) {
      if (isText(node)) this.addText(node.data);
      else if (isTag(node)) this.readElement(node);
    }
    if (shape.caption) this.readBlock(shape.caption);
    if (this.page.isLayout(table)) {
      for (const cell of shape.rows.flat()) this.readBlock(cell);
      return;
    }
    // Nor can a table with more characters.
    if (this.page.chars(table) > this.budget) {
      this.textCut = true;
      return;
    }
    const texts = shape.rows.map((cells) => cells.map(textOf));
    this.embedded += this.page.embedded(table);
    const path = this.path(table);
    const ordinal = ++this.tables;
    const rows = this.grid(shape, texts).map((cells, i) => ({
      cells: cells.map((text) => ({ text })),
      source: { kind: 'html', element: `${path} > tr[${i + 1}]`, table: ordinal, row: i + 1 } satisfies SourcePlace,
    }));
    if (rows.length > 0) this.blocks.push({ kind: 'table', rows, source: { kind: 'html', element: path, table: ordinal } } satisfies Table);
  }

  /** The table's grid: a spanning cell's text in its top-left place, '' in the places it covers, every row as wide as the widest. */
  private grid(shape: TableShape, texts: string[][]): string[][] {
    const rows: string[][] = [];
    /** For each column, how many more rows a cell from above covers. */
    const covered: number[] = [];
    let width = 0;
    for (let r = 0; r < shape.rows.length; r++) {
      const row = this.gridRow(shape, texts, r, covered);
      const wider = Math.max(width, row.length);
      // Rows are padded to the widest, so widening the table costs the rows above too.
      const cost = CELL_CHARS * (wider + (wider - width) * rows.length) + row.reduce((sum, text) => sum + text.length, 0);
      if (!this.spend(cost)) break;
      width = wider;
      rows.push(row);
    }
    return rows.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? ''));
  }

  /** Row `r` of the grid (unpadded): its cells placed around the places that cells from above still cover. */
  private gridRow(shape: TableShape, texts: string[][], r: number, covered: number[]): string[] {
    const row: string[] = [];
    const coveredHere = covered.map((n) => n > 0);
    coveredHere.forEach((here, c) => {
      if (!here) return;
      covered[c]--;
      row[c] = '';
    });
    const rowsLeft = shape.groupEnds[r] - r;
    let column = 0;
    shape.rows[r].forEach((cell, i) => {
      while (coveredHere[column]) column++;
      const colspan = Math.min(span(cell.attribs.colspan) || 1, MAX_COLSPAN);
      // A row wider than the text left to produce is where the reading stops.
      if (CELL_CHARS * (column + colspan) > this.budget) {
        this.textCut = true;
        return;
      }
      // rowspan=0 spans the rest of the row group.
      const rowspan = Math.min(span(cell.attribs.rowspan) ?? 1, MAX_ROWSPAN, rowsLeft) || rowsLeft;
      for (let k = 0; k < colspan; k++, column++) {
        row[column] = k === 0 ? texts[r][i] : '';
        covered[column] = rowspan - 1;
      }
    });
    return row;
  }

  /** `div#zoom > p[12]`: the container's name, then the steps down to the element (the last few when it is deep). */
  private path(element: ParentNode): string {
    return elementPath(this.page, element, this.anchor);
  }
}

/** A span attribute's value as browsers read it (its leading digits), undefined when it has none. */
function span(value: string | undefined): number | undefined {
  const digits = /^\s*\+?(\d+)/.exec(value ?? '')?.[1];
  return digits === undefined ? undefined : Number(digits);
}

function elementPath(page: Page, element: ParentNode, anchor: ParentNode): string {
  const steps: string[] = [];
  let node: ParentNode | null = element;
  while (node && node !== anchor && isTag(node) && steps.length <= PATH_SEGMENTS) {
    steps.unshift(page.segment(node));
    node = node.parent;
  }
  if (node && node !== anchor && isTag(node)) steps.splice(0, 1, '…');
  return [selector(anchor), ...steps].join(' > ');
}

/** `div#zoom`, `div.TRS_Editor`, `body`: an element as a CSS selector names it. */
function selector(node: ParentNode): string {
  if (!isTag(node)) return 'document';
  const id = node.attribs.id?.trim();
  if (id) return `${node.name}#${id}`;
  const className = node.attribs.class?.trim().split(/\s+/)[0];
  return className ? `${node.name}.${className}` : node.name;
}

// ---------------------------------------------------------------------------------------------
// The title

/** A report's title, as the engine reads one (detect.ts). */
const TITLE = /政府信息公开.{0,12}?报告|政务公开.{0,12}?年度报告/;
const TITLE_MAX_LENGTH = 100;
const TITLE_MAX_NODES = 64;
/** How many paragraphs at the top of the report are looked at for its title. */
const TITLE_PARAGRAPHS = 3;

const isTitle = (text: string) => text.length <= TITLE_MAX_LENGTH && TITLE.test(text);

function startsWithTitle(blocks: Block[]): boolean {
  return blocks.slice(0, TITLE_PARAGRAPHS).some((b) => b.kind === 'paragraph' && isTitle(b.text));
}

/**
 * The report's title when the container does not start with it: the nearest title-like text
 * above the container (the article's heading), else the page's <title>.
 */
function findTitle(page: Page, document: Document, container: ParentNode): Paragraph | undefined {
  let found: Element | undefined;
  let reached = false;
  const visit = (node: ParentNode) => {
    for (const child of node.children) {
      if (reached) return;
      if (child === container) reached = true;
      else if (isTag(child) && child.name !== 'a' && page.isRead(child)) {
        if (page.mayBeTitle(child) && isTitle(textOf(child))) found = child;
        visit(child);
      }
    }
  };
  visit(document);
  if (found) return { kind: 'paragraph', text: textOf(found), source: { kind: 'html', element: elementPath(page, found, anchorOf(found)) } };
  const title = findElement(document, 'title');
  const text =
    title &&
    textOf(title)
      .split(/[_|｜]|\s[-–—]\s|[-–—]/)
      .map(cleanText)
      .find(isTitle);
  return text ? { kind: 'paragraph', text, source: { kind: 'html', element: 'title' } } : undefined;
}

/** The nearest element (itself or above) with an id or a class, to start an element's path from; the element itself if there is none. */
function anchorOf(element: ParentNode): ParentNode {
  for (let node: ParentNode | null = element; node && isTag(node); node = node.parent) if (node.attribs.id || node.attribs.class) return node;
  return element;
}

function findElement(node: ParentNode, name: string): Element | undefined {
  for (const child of elementChildren(node)) {
    if (child.name === name) return child;
    const found = findElement(child, name);
    if (found) return found;
  }
  return undefined;
}
