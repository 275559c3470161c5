/**
 * The few parts of a zip archive a reader needs, inflated within a bound on what they really
 * inflate to: a zip bomb's headers lie about sizes, so only the bytes actually produced count.
 */
import { Inflate } from 'fflate';
import { ReadError } from './model';

interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  localHeaderOffset: number;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const ZIP64_END_LOCATOR = 0x07064b50;
const ZIP64_END_OF_CENTRAL_DIRECTORY = 0x06064b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
/** Compressed bytes handed to the inflater at a time: deflate expands at most ~1032×, so one step overshoots the bound by at most ~16 MB. */
const INFLATE_STEP = 16 * 1024;

export function brokenZip(): ReadError {
  return new ReadError('corrupt', { 'zh-cn': '文件已损坏：不是有效的 .docx（zip）文件', en: 'the file is damaged: not a valid .docx (zip) file' });
}

export function inflatedTooLarge(bound: number): ReadError {
  const mb = Math.round(bound / 1024 / 1024);
  return new ReadError('too-large', {
    'zh-cn': `文档解压后超过 ${mb} MB，未读取（可能是恶意构造的文件）`,
    en: `the document inflates to more than ${mb} MB and was not read (it may be a hostile file)`,
  });
}

/**
 * The named entries (matched without regard to case, as OPC part names are) that the archive
 * holds, inflated; absent ones are left out. Together they may inflate to at most `maxInflated` bytes.
 */
export function readZipEntries(bytes: Uint8Array, names: readonly string[], maxInflated: number): Map<string, Uint8Array> {
  const wanted = new Map(names.map((n) => [n.toLowerCase(), n]));
  const found = new Map<string, Uint8Array>();
  const budget = { left: maxInflated, bound: maxInflated };
  for (const entry of centralDirectory(bytes)) {
    const name = wanted.get(entry.name.toLowerCase());
    if (name === undefined || found.has(name)) continue;
    found.set(name, inflateEntry(bytes, entry, budget));
  }
  return found;
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function centralDirectory(bytes: Uint8Array): ZipEntry[] {
  const data = view(bytes);
  const end = findEndOfCentralDirectory(data);
  let count = data.getUint16(end + 10, true);
  let size = data.getUint32(end + 12, true);
  let offset = data.getUint32(end + 16, true);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) ({ count, size, offset } = zip64End(data, end));
  if (offset + size > bytes.length) throw brokenZip();
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || data.getUint32(at, true) !== CENTRAL_FILE_HEADER) throw brokenZip();
    const nameLength = data.getUint16(at + 28, true);
    const extraLength = data.getUint16(at + 30, true);
    const commentLength = data.getUint16(at + 32, true);
    if (at + 46 + nameLength + extraLength > bytes.length) throw brokenZip();
    const entry: ZipEntry = {
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      flags: data.getUint16(at + 8, true),
      method: data.getUint16(at + 10, true),
      compressedSize: data.getUint32(at + 20, true),
      localHeaderOffset: data.getUint32(at + 42, true),
    };
    applyZip64Extra(data, at + 46 + nameLength, extraLength, entry, data.getUint32(at + 24, true) === 0xffffffff);
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function findEndOfCentralDirectory(data: DataView): number {
  const last = data.byteLength - 22;
  for (let at = last; at >= 0 && at >= last - 0xffff; at--) {
    if (data.getUint32(at, true) === END_OF_CENTRAL_DIRECTORY) return at;
  }
  throw brokenZip();
}

function zip64End(data: DataView, end: number): { count: number; size: number; offset: number } {
  const locator = end - 20;
  if (locator < 0 || data.getUint32(locator, true) !== ZIP64_END_LOCATOR) throw brokenZip();
  const record = Number(data.getBigUint64(locator + 8, true));
  if (record + 56 > data.byteLength || data.getUint32(record, true) !== ZIP64_END_OF_CENTRAL_DIRECTORY) throw brokenZip();
  return {
    count: Number(data.getBigUint64(record + 32, true)),
    size: Number(data.getBigUint64(record + 40, true)),
    offset: Number(data.getBigUint64(record + 48, true)),
  };
}

/** Sizes and offsets too large for 32 bits sit in the zip64 extra field, in a fixed order, each only if its 32-bit field is all ones. */
function applyZip64Extra(data: DataView, start: number, length: number, entry: ZipEntry, hasUncompressedSize: boolean): void {
  for (let at = start; at + 4 <= start + length;) {
    const id = data.getUint16(at, true);
    const size = data.getUint16(at + 2, true);
    if (id === 0x0001) {
      let field = at + 4 + (hasUncompressedSize ? 8 : 0);
      const next = () => {
        if (field + 8 > at + 4 + size) throw brokenZip();
        const value = Number(data.getBigUint64(field, true));
        field += 8;
        return value;
      };
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
      if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = next();
      return;
    }
    at += 4 + size;
  }
}

function inflateEntry(bytes: Uint8Array, entry: ZipEntry, budget: { left: number; bound: number }): Uint8Array {
  if (entry.flags & 0x0001)
    throw new ReadError('encrypted', { 'zh-cn': '文档的压缩包设有密码，无法读取', en: 'the document’s zip archive is password-protected and cannot be read' });
  const data = view(bytes);
  const local = entry.localHeaderOffset;
  if (local + 30 > bytes.length || data.getUint32(local, true) !== LOCAL_FILE_HEADER) throw brokenZip();
  const start = local + 30 + data.getUint16(local + 26, true) + data.getUint16(local + 28, true);
  if (start + entry.compressedSize > bytes.length) throw brokenZip();
  const compressed = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) {
    spend(budget, compressed.length);
    return compressed;
  }
  if (entry.method !== 8) throw brokenZip();
  return inflateBounded(compressed, budget);
}

function spend(budget: { left: number; bound: number }, bytes: number): void {
  budget.left -= bytes;
  if (budget.left < 0) throw inflatedTooLarge(budget.bound);
}

function inflateBounded(compressed: Uint8Array, budget: { left: number; bound: number }): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate((chunk) => {
    spend(budget, chunk.length);
    chunks.push(chunk);
    total += chunk.length;
  });
  try {
    for (let at = 0; at < compressed.length || at === 0; at += INFLATE_STEP) {
      inflater.push(compressed.subarray(at, at + INFLATE_STEP), at + INFLATE_STEP >= compressed.length);
    }
  } catch (error) {
    if (error instanceof ReadError) throw error;
    throw brokenZip();
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
