/** A PDF, Word file or web page read from disk into report text, with the readers loaded on first use. */
import { basename } from 'node:path';
import { IrregularFileError, readRegularFile } from '../node/regular-file';
import { fileTooLarge, isSourceFile, type ConvertedSource } from '../readers/dispatch';
import { LIMITS } from '../readers/model';
import type { TextForm } from '../readers/render';

export { isSourceFile };

/** Reads and converts a source file; a file it cannot read throws a ReadError with its message. */
export async function convertSourceFile(path: string, form: TextForm): Promise<ConvertedSource> {
  const bytes = new Uint8Array(readSourceBytes(path));
  const { convertSource } = await import('../readers');
  return convertSource(bytes, basename(path), form);
}

function readSourceBytes(path: string): Buffer {
  try {
    return readRegularFile(path, LIMITS.fileBytes);
  } catch (error) {
    throw error instanceof IrregularFileError && error.reason === 'too-large' ? fileTooLarge() : error;
  }
}
