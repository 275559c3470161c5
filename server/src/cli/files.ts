/** Reading and writing report files as offices keep them: UTF-8 (with or without BOM), UTF-16, GBK/GB18030. */
import { detect } from 'chardet';
import iconv from 'iconv-lite';
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { glob } from 'tinyglobby';

export interface ReportFile {
  path: string;
  text: string;
  /** The encoding the file was read in (and is written back in): utf-8, utf-16le, utf-16be, gb18030, … */
  encoding: string;
  bom: boolean;
}

export type ReadResult = { kind: 'text'; file: ReportFile } | { kind: 'binary'; path: string };

/** What a folder is searched for: report text, and the PDF, Word and web-page forms reports are published in. */
const REPORT_EXTENSIONS = ['txt', 'md', 'markdown', 'govreport', 'pdf', 'docx', 'doc', 'html', 'htm'];
const BINARY_SAMPLE = 8192;

/** The files named by the arguments: files as they are, folders searched for reports, globs expanded. */
export async function expandArguments(args: string[], cwd: string): Promise<{ files: string[]; missing: string[] }> {
  const files = new Set<string>();
  const missing: string[] = [];
  for (const arg of args) {
    const path = resolve(cwd, arg);
    const stat = statOrUndefined(path);
    if (stat?.isFile()) files.add(path);
    else if (stat?.isDirectory())
      for (const f of await glob(`**/*.{${REPORT_EXTENSIONS.join(',')}}`, {
        cwd: path,
        absolute: true,
        caseSensitiveMatch: false,
        ignore: ['**/node_modules/**', '**/.git/**'],
      }))
        files.add(f);
    else {
      const matches = await glob(arg, { cwd, absolute: true, onlyFiles: true });
      if (matches.length === 0) missing.push(arg);
      for (const f of matches) files.add(f);
    }
  }
  return { files: [...files].sort(), missing };
}

function statOrUndefined(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** Reads a file, deciding its encoding: a BOM, else valid UTF-8, else what the bytes look like (GB18030 for Chinese). */
export function readReportFile(path: string): ReadResult {
  const bytes = readFileSync(path);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return text(path, bytes.subarray(3), 'utf-8', true);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return text(path, bytes.subarray(2), 'utf-16le', true);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return text(path, bytes.subarray(2), 'utf-16be', true);
  if (bytes.subarray(0, BINARY_SAMPLE).includes(0)) return { kind: 'binary', path };
  try {
    return text(path, bytes, 'utf-8', false, new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    const guessed = detect(bytes);
    const encoding = guessed && iconv.encodingExists(guessed) && !/^(UTF|ISO-8859|windows-125)/i.test(guessed) ? guessed.toLowerCase() : 'gb18030';
    return text(path, bytes, encoding, false);
  }
}

function text(path: string, bytes: Uint8Array, encoding: string, bom: boolean, decoded?: string): ReadResult {
  return { kind: 'text', file: { path, text: decoded ?? iconv.decode(Buffer.from(bytes), encoding), encoding, bom } };
}

/** Writes the text back in the file's own encoding, atomically: a temporary file renamed over the original. */
export function writeReportFile(file: ReportFile, text: string): void {
  const body = iconv.encode(text, file.encoding, { addBOM: file.bom });
  const temporary = join(dirname(file.path), `.${basename(file.path)}.govreport-${process.pid}.tmp`);
  writeFileSync(temporary, body, { mode: statSync(file.path).mode });
  renameSync(temporary, file.path);
}
