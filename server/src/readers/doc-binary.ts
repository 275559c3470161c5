/**
 * The parts of the Word 97–2003 binary format ([MS-DOC]) that hold a document's text and tables:
 * the FIB, the piece table (which bytes hold which characters), and the paragraph and character
 * property runs (FKPs) with the sprms that mark table cells, row ends, each row's column
 * boundaries and merges, and deleted text. Everything is bounds-checked: a damaged file reads as
 * 'corrupt', never as a crash or a hang.
 */
import { ReadError } from './model';

export function brokenWordFile(): ReadError {
  return new ReadError('corrupt', {
    'zh-cn': '文件已损坏：不是有效的 Word 97–2003（.doc）文件',
    en: 'the file is damaged: not a valid Word 97–2003 (.doc) file',
  });
}

class Reader {
  private readonly data: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.data = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  private check(at: number, size: number): void {
    if (at < 0 || at + size > this.bytes.length) throw brokenWordFile();
  }
  u8(at: number): number {
    this.check(at, 1);
    return this.bytes[at];
  }
  u16(at: number): number {
    this.check(at, 2);
    return this.data.getUint16(at, true);
  }
  i16(at: number): number {
    this.check(at, 2);
    return this.data.getInt16(at, true);
  }
  u32(at: number): number {
    this.check(at, 4);
    return this.data.getUint32(at, true);
  }
  i32(at: number): number {
    this.check(at, 4);
    return this.data.getInt32(at, true);
  }
  slice(at: number, size: number): Uint8Array {
    this.check(at, size);
    return this.bytes.subarray(at, at + size);
  }
}

export interface Fib {
  nFib: number;
  encrypted: boolean;
  /** '1Table' or '0Table'. */
  tableStream: string;
  /** Characters of the main document; the other stories (footnotes, headers, text boxes…) follow them. */
  ccpText: number;
  /** Characters of each story after the main document, in order: footnotes, headers, comments, endnotes, text boxes, header text boxes. */
  storyLengths: number[];
  clx: { fc: number; lcb: number };
  plcfBtePapx: { fc: number; lcb: number };
  plcfBteChpx: { fc: number; lcb: number };
}

const WORD_IDENT = 0xa5ec;

/** The FIB at the start of the WordDocument stream, its variable-length parts walked by their counts. */
export function readFib(word: Uint8Array): Fib {
  const r = new Reader(word);
  if (r.u16(0) !== WORD_IDENT) throw brokenWordFile();
  const flags = r.u16(0x0a);
  const csw = r.u16(0x20);
  const rgLw = 0x22 + csw * 2 + 2;
  const cslw = r.u16(rgLw - 2);
  const lw = (i: number) => (i < cslw ? r.i32(rgLw + i * 4) : 0);
  const rgFcLcb = rgLw + cslw * 4 + 2;
  const cbRgFcLcb = r.u16(rgFcLcb - 2);
  const pair = (i: number) => (i < cbRgFcLcb ? { fc: r.u32(rgFcLcb + i * 8), lcb: r.u32(rgFcLcb + i * 8 + 4) } : { fc: 0, lcb: 0 });
  return {
    nFib: r.u16(2),
    encrypted: (flags & 0x0100) !== 0,
    tableStream: flags & 0x0200 ? '1Table' : '0Table',
    ccpText: lw(3),
    storyLengths: [lw(4), lw(5), lw(7), lw(8), lw(9), lw(10)],
    plcfBteChpx: pair(12),
    plcfBtePapx: pair(13),
    clx: pair(33),
  };
}

export interface Piece {
  cpStart: number;
  cpEnd: number;
  /** Where the piece's first character is in the WordDocument stream. */
  fc: number;
  /** One byte a character (a Windows-1252-like code page) instead of UTF-16. */
  compressed: boolean;
}

/** The piece table in the CLX: which stretch of the WordDocument stream holds each run of characters. */
export function readPieces(table: Uint8Array, clx: { fc: number; lcb: number }): Piece[] {
  const r = new Reader(table);
  let at = clx.fc;
  const end = clx.fc + clx.lcb;
  // Skip the Prc entries (property modifiers) before the Pcdt.
  while (at < end && r.u8(at) === 0x01) at += 3 + Math.max(0, r.i16(at + 1));
  if (at >= end || r.u8(at) !== 0x02) throw brokenWordFile();
  const lcb = r.u32(at + 1);
  const plc = at + 5;
  const count = Math.floor((lcb - 4) / 12);
  if (count <= 0 || plc + lcb > table.length) throw brokenWordFile();
  const pieces: Piece[] = [];
  for (let i = 0; i < count; i++) {
    const fcCompressed = r.u32(plc + (count + 1) * 4 + i * 8 + 2);
    const compressed = (fcCompressed & 0x40000000) !== 0;
    const fc = fcCompressed & 0x3fffffff;
    const piece = { cpStart: r.u32(plc + i * 4), cpEnd: r.u32(plc + (i + 1) * 4), fc: compressed ? fc / 2 : fc, compressed };
    if (piece.cpEnd < piece.cpStart) throw brokenWordFile();
    pieces.push(piece);
  }
  return pieces;
}

/** [MS-DOC] 2.4.1: the bytes 0x82–0x9F of a compressed piece that do not stand for themselves. */
const COMPRESSED_SPECIALS: Record<number, number> = {
  0x82: 0x201a, 0x83: 0x0192, 0x84: 0x201e, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021, 0x88: 0x02c6, 0x89: 0x2030, 0x8a: 0x0160, 0x8b: 0x2039,
  0x8c: 0x0152, 0x91: 0x2018, 0x92: 0x2019, 0x93: 0x201c, 0x94: 0x201d, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02dc, 0x99: 0x2122,
  0x9a: 0x0161, 0x9b: 0x203a, 0x9c: 0x0153, 0x9f: 0x0178,
}; // prettier-ignore

/** Each character of the CP range [from, to) with the stream offset (FC) it is stored at. */
export function* charactersOf(word: Uint8Array, pieces: readonly Piece[], from: number, to: number): Generator<{ code: number; fc: number }> {
  const r = new Reader(word);
  for (const piece of pieces) {
    const start = Math.max(from, piece.cpStart);
    const end = Math.min(to, piece.cpEnd);
    for (let cp = start; cp < end; cp++) {
      if (piece.compressed) {
        const fc = piece.fc + (cp - piece.cpStart);
        const byte = r.u8(fc);
        yield { code: COMPRESSED_SPECIALS[byte] ?? byte, fc };
      } else {
        const fc = piece.fc + (cp - piece.cpStart) * 2;
        yield { code: r.u16(fc), fc };
      }
    }
  }
}

/** A run of the stream (FC range) sharing one set of properties, given as its sprms. */
export interface PropertyRun {
  fcStart: number;
  fcEnd: number;
  grpprl: Uint8Array;
}

const SPRM_P_HUGE_PAPX = 0x6646;

/** The paragraph property runs (PlcBtePapx → PapxFkp → PapxInFkp), in stream order; huge PAPXs fetched from the Data stream. */
export function readParagraphRuns(word: Uint8Array, table: Uint8Array, data: Uint8Array | undefined, plc: { fc: number; lcb: number }): PropertyRun[] {
  const runs: PropertyRun[] = [];
  for (const page of fkpPages(word, table, plc)) {
    const r = new Reader(page);
    const crun = r.u8(511);
    for (let j = 0; j < crun; j++) {
      const bOffset = r.u8((crun + 1) * 4 + j * 13);
      let grpprl: Uint8Array = new Uint8Array(0);
      if (bOffset !== 0) {
        const at = bOffset * 2;
        const cb = r.u8(at);
        const withIstd = cb !== 0 ? r.slice(at + 1, 2 * cb - 1) : r.slice(at + 2, 2 * r.u8(at + 1));
        grpprl = withIstd.subarray(2);
      }
      runs.push({ fcStart: r.u32(j * 4), fcEnd: r.u32((j + 1) * 4), grpprl: hugePapx(grpprl, data) ?? grpprl });
    }
  }
  return runs;
}

/** sprmPHugePapx: the paragraph's sprms are too many for the FKP and stand in the Data stream instead. */
function hugePapx(grpprl: Uint8Array, data: Uint8Array | undefined): Uint8Array | undefined {
  const first = sprms(grpprl).next();
  if (first.done || first.value.sprm !== SPRM_P_HUGE_PAPX) return undefined;
  return prcData(first.value.operand, data);
}

/** A PrcData in the Data stream, at the offset an operand gives: its grpprl. */
function prcData(operand: Uint8Array, data: Uint8Array | undefined): Uint8Array {
  if (!data || operand.length < 4) throw brokenWordFile();
  const at = new Reader(operand).u32(0);
  const r = new Reader(data);
  return r.slice(at + 2, Math.max(0, r.i16(at)));
}

/** The character property runs (PlcBteChpx → ChpxFkp → Chpx), in stream order. */
export function readCharacterRuns(word: Uint8Array, table: Uint8Array, plc: { fc: number; lcb: number }): PropertyRun[] {
  const runs: PropertyRun[] = [];
  for (const page of fkpPages(word, table, plc)) {
    const r = new Reader(page);
    const crun = r.u8(511);
    for (let j = 0; j < crun; j++) {
      const offset = r.u8((crun + 1) * 4 + j) * 2;
      const grpprl = offset === 0 ? new Uint8Array(0) : r.slice(offset + 1, r.u8(offset));
      runs.push({ fcStart: r.u32(j * 4), fcEnd: r.u32((j + 1) * 4), grpprl });
    }
  }
  return runs;
}

/** The 512-byte FKP pages of the WordDocument stream that a PlcBte lists. */
function fkpPages(word: Uint8Array, table: Uint8Array, plc: { fc: number; lcb: number }): Uint8Array[] {
  if (plc.lcb < 4) return [];
  if (plc.fc + plc.lcb > table.length) throw brokenWordFile();
  const r = new Reader(table);
  const count = Math.floor((plc.lcb - 4) / 8);
  const words = new Reader(word);
  return Array.from({ length: count }, (_, i) => words.slice((r.u32(plc.fc + (count + 1) * 4 + i * 4) & 0x3fffff) * 512, 512));
}

/** The run holding the stream offset `fc`, by binary search over runs in stream order. */
export function runAt(runs: readonly PropertyRun[], fc: number): PropertyRun | undefined {
  let low = 0;
  let high = runs.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (runs[mid].fcEnd <= fc) low = mid + 1;
    else if (runs[mid].fcStart > fc) high = mid - 1;
    else return runs[mid];
  }
  return undefined;
}

const SPRM_T_DEF_TABLE = 0xd608;
const SPRM_T_DEF_TABLE_10 = 0xd606;
const SPRM_P_CHG_TABS = 0xc615;

/**
 * The sprms of a grpprl with their operands. The operand's size comes from the sprm's spra bits;
 * a variable one (spra 6) starts with its size in one byte — but sprmTDefTable's in two
 * (the size of the rest, plus one), and sprmPChgTabs's byte 255 means "count the tabs".
 */
export function* sprms(grpprl: Uint8Array): Generator<{ sprm: number; operand: Uint8Array }> {
  const r = new Reader(grpprl);
  let at = 0;
  while (at + 2 <= grpprl.length) {
    const sprm = r.u16(at);
    at += 2;
    let start = at;
    let size: number;
    switch (sprm >> 13) {
      case 0:
      case 1:
        size = 1;
        break;
      case 2:
      case 4:
      case 5:
        size = 2;
        break;
      case 3:
        size = 4;
        break;
      case 7:
        size = 3;
        break;
      default:
        if (at >= grpprl.length) return;
        if (sprm === SPRM_T_DEF_TABLE || sprm === SPRM_T_DEF_TABLE_10) {
          if (at + 2 > grpprl.length) return;
          size = Math.max(0, r.u16(at) - 1);
          start = at + 2;
        } else if (sprm === SPRM_P_CHG_TABS && r.u8(at) === 255) {
          const deleted = r.u8(at + 1);
          size = 2 + deleted * 4 + r.u8(at + 2 + deleted * 4) * 3;
          start = at + 1;
        } else {
          size = r.u8(at);
          start = at + 1;
        }
    }
    if (start + size > grpprl.length) return;
    yield { sprm, operand: grpprl.subarray(start, start + size) };
    at = start + size;
  }
}

/** How a row's cells merge vertically: not at all, the first of a merged set, or one continuing the cell above. */
export type VerticalMerge = 'none' | 'restart' | 'continue';

export interface RowDefinition {
  /** The cells' boundaries in twips: cell i runs from edges[i] to edges[i + 1]. */
  edges: number[];
  vertical: VerticalMerge[];
  /** The cell is the continuation of a horizontal merge (the older way of merging across). */
  mergedLeft: boolean[];
}

export interface ParagraphProperties {
  /** Table depth: 0 outside tables, 1 in a table, more in a table nested in a cell. */
  depth: number;
  /** The paragraph is a row-end mark (TTP) of a depth-1 table. */
  rowEnd: boolean;
  /** The row's definition, on a row-end mark. */
  row?: RowDefinition;
}

const SPRM_P_F_IN_TABLE = 0x2416;
const SPRM_P_F_TTP = 0x2417;
const SPRM_P_ITAP = 0x6649;
const SPRM_P_DTAP = 0x664a;
const SPRM_T_VERT_MERGE = 0xd62b;
const SPRM_P_TABLE_PROPS = 0x646b;

/** What a paragraph's sprms say about the table it stands in; table sprms in the Data stream (sprmPTableProps) read too. */
export function paragraphProperties(grpprl: Uint8Array, data: Uint8Array | undefined): ParagraphProperties {
  let inTable = false;
  let depth: number | undefined;
  let rowEnd = false;
  let row: RowDefinition | undefined;
  const apply = (list: Uint8Array, nested: boolean) => {
    for (const { sprm, operand } of sprms(list)) {
      if (sprm === SPRM_P_F_IN_TABLE) inTable = operand[0] !== 0;
      else if (sprm === SPRM_P_F_TTP) rowEnd = operand[0] !== 0;
      else if (sprm === SPRM_P_ITAP && operand.length === 4) depth = new Reader(operand).i32(0);
      else if (sprm === SPRM_P_DTAP && operand.length === 4) depth = (depth ?? 0) + new Reader(operand).i32(0);
      else if (sprm === SPRM_T_DEF_TABLE) row = readTableDefinition(operand);
      else if (sprm === SPRM_T_VERT_MERGE && row && operand.length >= 2 && operand[0] < row.vertical.length)
        row.vertical[operand[0]] = verticalMerge(operand[1]);
      else if (sprm === SPRM_P_TABLE_PROPS && !nested) apply(prcData(operand, data), true);
    }
  };
  apply(grpprl, false);
  return { depth: Math.max(0, depth ?? (inTable ? 1 : 0)), rowEnd, row };
}

/** sprmTDefTable's operand: the column count, the cell boundaries (rgdxaCenter) and a TC80 per cell (fewer allowed). */
function readTableDefinition(operand: Uint8Array): RowDefinition | undefined {
  const r = new Reader(operand);
  if (operand.length < 1) return undefined;
  const count = r.u8(0);
  if (operand.length < 1 + (count + 1) * 2) return undefined;
  const edges = Array.from({ length: count + 1 }, (_, i) => r.i16(1 + i * 2));
  const tcs = 1 + (count + 1) * 2;
  const flags = (i: number) => (tcs + (i + 1) * 20 <= operand.length ? r.u16(tcs + i * 20) : 0);
  return {
    edges,
    vertical: Array.from({ length: count }, (_, i) => verticalMerge((flags(i) >> 5) & 0x3)),
    mergedLeft: Array.from({ length: count }, (_, i) => (flags(i) & 0x3) === 0x2),
  };
}

/** TC80's fVertMerge (bit 0) and fVertRestart (bit 1) pair, as in sprmTVertMerge. */
function verticalMerge(bits: number): VerticalMerge {
  if ((bits & 0x1) === 0) return 'none';
  return bits & 0x2 ? 'restart' : 'continue';
}

const SPRM_C_F_R_MARK_DEL = 0x0800;

/** Whether a character run is deleted text kept for tracked changes (sprmCFRMarkDel on, or toggled against a style). */
export function isDeletedRun(grpprl: Uint8Array): boolean {
  for (const { sprm, operand } of sprms(grpprl)) if (sprm === SPRM_C_F_R_MARK_DEL) return operand[0] === 1 || operand[0] === 0x81;
  return false;
}
