import { isBinary, looksLikeReport, looksMisdecoded } from '../engine/detect';

export const LANGUAGE_ID = 'govreport';

/**
 * Whether the language server reads a document it was sent as a report: a `govreport` document, or
 * with content detection on one whose content reads as a report. Binary files and text decoded with
 * the wrong encoding (the client offers to reopen it) get nothing: there is nothing to read.
 */
export function servedAsReport(languageId: string, text: string, contentDetection: boolean): boolean {
  if (isBinary(text) || looksMisdecoded(text)) return false;
  return languageId === LANGUAGE_ID || (contentDetection && looksLikeReport(text));
}
