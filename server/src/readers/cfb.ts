/**
 * The streams at the top of an OLE compound file ([MS-CFB]): the container of Word 97–2003
 * documents and of password-protected Office documents. Every sector chain is checked against
 * the file's size and for loops, so a damaged or hostile file fails as 'corrupt' instead of hanging.
 */
import { ReadError } from './model';

const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const END_OF_CHAIN = 0xfffffffe;
const NO_STREAM = 0xffffffff;
const STREAM = 2;

export interface CompoundFile {
  /** The names of the streams directly under the root storage. */
  streamNames(): string[];
  /** A stream directly under the root storage, or undefined if there is none of that name. */
  stream(name: string): Uint8Array | undefined;
}

interface DirectoryEntry {
  name: string;
  type: number;
  left: number;
  right: number;
  child: number;
  start: number;
  size: number;
}

export function isCompoundFile(bytes: Uint8Array): boolean {
  return SIGNATURE.every((b, i) => bytes[i] === b);
}

export function brokenCompoundFile(): ReadError {
  return new ReadError('corrupt', {
    'zh-cn': '文件已损坏：不是有效的 Word 97–2003（.doc）文件',
    en: 'the file is damaged: not a valid Word 97–2003 (.doc) file',
  });
}

/** A password-protected .docx is a compound file holding these two streams instead of a zip. */
export function isEncryptedPackage(file: CompoundFile): boolean {
  const names = file.streamNames();
  return names.includes('EncryptionInfo') && names.includes('EncryptedPackage');
}

/** A password-protected Word file (a .doc with its encryption flag, or an encrypted .docx package). */
export function encryptedDocument(): ReadError {
  return new ReadError('encrypted', {
    'zh-cn': '文档设有打开密码，无法读取；请在 Word 或 WPS 中取消密码后另存',
    en: 'the document is password-protected and cannot be read; remove the password in Word or WPS and save it again',
  });
}

export function openCompoundFile(bytes: Uint8Array): CompoundFile {
  if (bytes.length < 512 || !isCompoundFile(bytes)) throw brokenCompoundFile();
  const data = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (at: number) => {
    if (at + 4 > bytes.length) throw brokenCompoundFile();
    return data.getUint32(at, true);
  };
  const sectorShift = data.getUint16(0x1e, true);
  const miniShift = data.getUint16(0x20, true);
  if ((sectorShift !== 9 && sectorShift !== 12) || miniShift !== 6) throw brokenCompoundFile();
  const sectorSize = 1 << sectorShift;
  const sectorCount = Math.max(0, Math.ceil((bytes.length - sectorSize) / sectorSize));
  const sectorAt = (sector: number) => {
    if (sector >= sectorCount) throw brokenCompoundFile();
    return (sector + 1) * sectorSize;
  };

  const fat = readFat(u32, sectorAt, sectorSize, sectorCount);
  const chain = (start: number, table: Uint32Array): number[] => {
    const sectors: number[] = [];
    for (let s = start; s !== END_OF_CHAIN; s = table[s]) {
      if (s >= table.length || sectors.length >= table.length) throw brokenCompoundFile();
      sectors.push(s);
    }
    return sectors;
  };
  const readChain = (start: number, size: number): Uint8Array => {
    if (size > bytes.length) throw brokenCompoundFile();
    const out = new Uint8Array(size);
    let at = 0;
    for (const s of chain(start, fat)) {
      if (at >= size) break;
      const from = sectorAt(s);
      const part = bytes.subarray(from, Math.min(from + sectorSize, from + size - at, bytes.length));
      out.set(part, at);
      at += part.length;
    }
    if (at < size) throw brokenCompoundFile();
    return out;
  };

  const directoryBytes = concatSectors(chain(u32(0x30), fat).map(sectorAt), bytes, sectorSize);
  const entries = readDirectory(directoryBytes, sectorShift === 9);
  const root = entries[0];
  if (!root || root.type !== 5) throw brokenCompoundFile();
  const miniCutoff = u32(0x38);
  const miniFat = littleEndianWords(concatSectors(chain(u32(0x3c), fat).map(sectorAt), bytes, sectorSize));
  let miniStream: Uint8Array | undefined;

  const readStream = (entry: DirectoryEntry): Uint8Array => {
    if (entry.size >= miniCutoff) return readChain(entry.start, entry.size);
    miniStream ??= readChain(root.start, root.size);
    if (entry.size > miniStream.length) throw brokenCompoundFile();
    const out = new Uint8Array(entry.size);
    let at = 0;
    for (const s of chain(entry.start, miniFat)) {
      if (at >= entry.size) break;
      const from = s * 64;
      const part = miniStream.subarray(from, Math.min(from + 64, from + entry.size - at));
      out.set(part, at);
      at += part.length;
    }
    if (at < entry.size) throw brokenCompoundFile();
    return out;
  };

  const topLevel = rootChildren(entries);
  return {
    streamNames: () => [...topLevel.keys()],
    stream: (name) => {
      const entry = topLevel.get(name);
      return entry ? readStream(entry) : undefined;
    },
  };
}

/** The FAT: its sectors are listed in the header's 109 slots, then in a chain of DIFAT sectors. */
function readFat(u32: (at: number) => number, sectorAt: (s: number) => number, sectorSize: number, sectorCount: number): Uint32Array {
  const fatSectorCount = u32(0x2c);
  if (fatSectorCount > sectorCount) throw brokenCompoundFile();
  const fatSectors: number[] = [];
  for (let i = 0; i < 109 && fatSectors.length < fatSectorCount; i++) fatSectors.push(u32(0x4c + i * 4));
  let difat = u32(0x44);
  for (let hops = 0; fatSectors.length < fatSectorCount; hops++) {
    if (difat === END_OF_CHAIN || difat === NO_STREAM || hops > sectorCount) throw brokenCompoundFile();
    const at = sectorAt(difat);
    for (let i = 0; i < sectorSize / 4 - 1 && fatSectors.length < fatSectorCount; i++) fatSectors.push(u32(at + i * 4));
    difat = u32(at + sectorSize - 4);
  }
  const perSector = sectorSize / 4;
  const fat = new Uint32Array(fatSectors.length * perSector);
  fatSectors.forEach((sector, i) => {
    const at = sectorAt(sector);
    for (let j = 0; j < perSector; j++) fat[i * perSector + j] = u32(at + j * 4);
  });
  return fat;
}

function littleEndianWords(bytes: Uint8Array): Uint32Array {
  const data = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const words = new Uint32Array(bytes.length >> 2);
  for (let i = 0; i < words.length; i++) words[i] = data.getUint32(i * 4, true);
  return words;
}

function concatSectors(offsets: number[], bytes: Uint8Array, sectorSize: number): Uint8Array {
  const out = new Uint8Array(offsets.length * sectorSize);
  offsets.forEach((from, i) => out.set(bytes.subarray(from, from + sectorSize), i * sectorSize));
  return out;
}

function readDirectory(bytes: Uint8Array, version3: boolean): DirectoryEntry[] {
  const data = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries: DirectoryEntry[] = [];
  for (let at = 0; at + 128 <= bytes.length; at += 128) {
    const nameBytes = Math.min(data.getUint16(at + 0x40, true), 64);
    const name = new TextDecoder('utf-16le').decode(bytes.subarray(at, at + Math.max(0, nameBytes - 2)));
    const high = version3 ? 0 : data.getUint32(at + 0x7c, true);
    entries.push({
      name,
      type: data.getUint8(at + 0x42),
      left: data.getUint32(at + 0x44, true),
      right: data.getUint32(at + 0x48, true),
      child: data.getUint32(at + 0x4c, true),
      start: data.getUint32(at + 0x74, true),
      size: data.getUint32(at + 0x78, true) + high * 0x100000000,
    });
  }
  return entries;
}

/** The streams among the root's children: a red-black tree walked through its left, right links, each entry visited once. */
function rootChildren(entries: DirectoryEntry[]): Map<string, DirectoryEntry> {
  const streams = new Map<string, DirectoryEntry>();
  const seen = new Set<number>();
  const pending = [entries[0].child];
  while (pending.length > 0) {
    const id = pending.pop()!;
    if (id === NO_STREAM || seen.has(id)) continue;
    const entry = entries[id];
    if (!entry) throw brokenCompoundFile();
    seen.add(id);
    if (entry.type === STREAM) streams.set(entry.name, entry);
    pending.push(entry.left, entry.right);
  }
  return streams;
}
