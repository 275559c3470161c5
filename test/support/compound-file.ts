/**
 * A minimal OLE compound file ([MS-CFB] version 3) holding the given streams at its root — enough
 * to stand for what Office writes when it encrypts a .docx (EncryptionInfo + EncryptedPackage),
 * which LibreOffice's command line cannot make. Each stream is padded to the 4096-byte mini-stream
 * cutoff so that all of them live in regular sectors.
 */
const SECTOR = 512;
const FREE = 0xffffffff;
const END_OF_CHAIN = 0xfffffffe;
const FAT_SECTOR = 0xfffffffd;
const NO_STREAM = 0xffffffff;

export function compoundFile(streams: Record<string, Uint8Array>): Uint8Array {
  const entries = Object.entries(streams).map(([name, data]) => {
    const size = Math.max(4096, Math.ceil(data.length / SECTOR) * SECTOR);
    const padded = new Uint8Array(size);
    padded.set(data);
    return { name, data: padded };
  });
  if (entries.length > 3) throw new Error('compoundFile: at most 3 streams (one directory sector)');
  // Sector 0 is the FAT, sector 1 the directory, the streams follow one after the other.
  const streamStarts: number[] = [];
  let next = 2;
  for (const entry of entries) {
    streamStarts.push(next);
    next += entry.data.length / SECTOR;
  }
  if (next > SECTOR / 4) throw new Error('compoundFile: the streams need more than one FAT sector');
  const file = new Uint8Array(SECTOR * (next + 1));
  const view = new DataView(file.buffer);

  file.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  view.setUint16(0x18, 0x3e, true);
  view.setUint16(0x1a, 3, true);
  view.setUint16(0x1c, 0xfffe, true);
  view.setUint16(0x1e, 9, true);
  view.setUint16(0x20, 6, true);
  view.setUint32(0x2c, 1, true);
  view.setUint32(0x30, 1, true);
  view.setUint32(0x38, 4096, true);
  view.setUint32(0x3c, END_OF_CHAIN, true);
  view.setUint32(0x44, END_OF_CHAIN, true);
  for (let i = 0; i < 109; i++) view.setUint32(0x4c + i * 4, i === 0 ? 0 : FREE, true);

  const fat = SECTOR;
  for (let i = 0; i < SECTOR / 4; i++) view.setUint32(fat + i * 4, FREE, true);
  view.setUint32(fat, FAT_SECTOR, true);
  view.setUint32(fat + 4, END_OF_CHAIN, true);
  entries.forEach((entry, e) => {
    const sectors = entry.data.length / SECTOR;
    for (let s = 0; s < sectors; s++) view.setUint32(fat + (streamStarts[e] + s) * 4, s === sectors - 1 ? END_OF_CHAIN : streamStarts[e] + s + 1, true);
    file.set(entry.data, SECTOR * (streamStarts[e] + 1));
  });

  const directory = SECTOR * 2;
  const writeEntry = (index: number, name: string, type: number, child: number, right: number, start: number, size: number) => {
    const at = directory + index * 128;
    for (let i = 0; i < name.length; i++) view.setUint16(at + i * 2, name.charCodeAt(i), true);
    view.setUint16(at + 0x40, (name.length + 1) * 2, true);
    view.setUint8(at + 0x42, type);
    view.setUint8(at + 0x43, 1);
    view.setUint32(at + 0x44, NO_STREAM, true);
    view.setUint32(at + 0x48, right, true);
    view.setUint32(at + 0x4c, child, true);
    view.setUint32(at + 0x74, start, true);
    view.setUint32(at + 0x78, size, true);
  };
  writeEntry(0, 'Root Entry', 5, entries.length > 0 ? 1 : NO_STREAM, NO_STREAM, END_OF_CHAIN, 0);
  // The root's children as a degenerate tree: each entry's right sibling is the next.
  entries.forEach((entry, e) => writeEntry(e + 1, entry.name, 2, NO_STREAM, e + 1 < entries.length ? e + 2 : NO_STREAM, streamStarts[e], entry.data.length));
  return file;
}
