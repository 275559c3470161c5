/** Every reader, for Node (the desktop server and the CLI). Loaded on first use: pdf.js is most of its size. */
import { readCMapFile } from '../node/cmaps';
import { readDoc } from './doc';
import { readDocx } from './docx';
import { readHtml } from './html';
import { readPdf } from './pdf';
import { convertWith, readWith, type ConvertedSource, type Readers } from './dispatch';
import type { ReadResult } from './model';
import type { TextForm } from './render';

const readers: Readers = { pdf: (bytes) => readPdf(bytes, { cMaps: readCMapFile }), docx: (bytes) => readDocx(bytes), doc: readDoc, html: readHtml };

export function readSource(bytes: Uint8Array, name: string): Promise<ReadResult> {
  return readWith(readers, bytes, name);
}

export function convertSource(bytes: Uint8Array, name: string, form: TextForm): Promise<ConvertedSource> {
  return convertWith(readers, bytes, name, form);
}
