/** The readers that run in a browser worker (vscode.dev): web pages and .docx. PDF (pdf.js's size) and .doc need the desktop. */
import { readDocx } from './docx';
import { readHtml } from './html';
import { convertWith, type ConvertedSource } from './dispatch';
import type { TextForm } from './render';

export function convertSource(bytes: Uint8Array, name: string, form: TextForm): Promise<ConvertedSource> {
  return convertWith({ pdf: undefined, docx: (b) => readDocx(b), doc: undefined, html: readHtml }, bytes, name, form);
}
