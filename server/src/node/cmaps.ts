/**
 * The predefined Adobe CMaps (pdf.js's packed .bcmap files) the PDF reader needs to read text in
 * Chinese fonts that are not embedded (STSong-Light in UniGB-UCS2-H, GBK-EUC-H...). Only the GB ones
 * listed in cmaps.json are shipped: scripts/build.mjs copies them into dist/cmaps/, beside the
 * readers' bundle dist/readers.js. Run from source (tsx), they are read from pdfjs-dist itself.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import shipped from './cmaps.json';

/** The bytes of a shipped CMap; any other name is refused as if it were missing, from source as in the bundle. */
export async function readCMapFile(name: string): Promise<Uint8Array> {
  if (!shipped.includes(name)) throw new Error(`the CMap ${name} is not shipped`);
  return readFile(join(cMapDirectory(), `${name}.bcmap`));
}

/** Beside the bundle; or, run from source, in pdfjs-dist (resolved when asked: a bundle has no node_modules to resolve it in). */
function cMapDirectory(): string {
  if (!__filename.endsWith('.ts')) return join(__dirname, 'cmaps');
  return join(dirname(createRequire(__filename).resolve('pdfjs-dist/package.json')), 'cmaps');
}
