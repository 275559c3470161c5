/** The readers that run in a browser worker (vscode.dev): web pages and Word files. PDF (pdf.js is most of the readers' size) needs the desktop. */
import { readDoc } from './doc';
import { readDocx } from './docx';
import { readHtml } from './html';
import { convertWith, type ConvertedSource } from './dispatch';
import type { TextForm } from './render';

export function convertSource(bytes: Uint8Array, name: string, form: TextForm): Promise<ConvertedSource> {
  return convertWith({ pdf: undefined, docx: (b) => readDocx(b), doc: readDoc, html: readHtml }, bytes, name, form);
}
