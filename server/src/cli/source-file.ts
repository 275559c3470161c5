/** A PDF, Word file or web page read from disk into report text, with the readers loaded on first use. */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { fileTooLarge, isSourceFile, type ConvertedSource } from '../readers/dispatch';
import { LIMITS } from '../readers/model';
import type { TextForm } from '../readers/render';

export { isSourceFile };

/** Reads and converts a source file; a file it cannot read throws a ReadError with its message. */
export async function convertSourceFile(path: string, form: TextForm): Promise<ConvertedSource> {
  if (statSync(path).size > LIMITS.fileBytes) throw fileTooLarge();
  const bytes = new Uint8Array(readFileSync(path));
  const { convertSource } = await import('../readers');
  return convertSource(bytes, basename(path), form);
}
