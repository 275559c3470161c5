/** Finding, reading and writing report files as offices keep them: UTF-8 (with or without BOM), UTF-16, GBK/GB18030. */
import { detect } from 'chardet';
import iconv from 'iconv-lite';
import { readdir, realpathSync, statSync, type Dirent } from 'node:fs';
import { relative, resolve } from 'node:path';
import { glob, type GlobOptions } from 'tinyglobby';
import { isBinary, looksMisdecoded } from '../engine/detect';
import { errorText, readErrorText, readRegularFile } from '../node/regular-file';
import type { Locale } from '../rules';
import { say } from '../rules/types';
import { SOURCE_EXTENSIONS } from '../readers/dispatch';
import { replaceFile, WriteRefused, type Refusal } from './replace-file';

export { readErrorText };

export interface ReportFile {
  path: string;
  text: string;
  /** The encoding the file was read in (and is written back in): utf-8, utf-16le, utf-16be, gb18030, … */
  encoding: string;
  bom: boolean;
  /** The bytes read: `--fix` replaces the file only while it still holds exactly these. */
  bytes: Buffer;
  /** False when some bytes could not be decoded (they read as U+FFFD), so the text cannot be written back without changing them. */
  lossless: boolean;
}

export type ReadResult = { kind: 'text'; file: ReportFile } | { kind: 'binary'; path: string };

/** A file or folder named on the command line, or found in a folder, that could not be read. */
export interface Unreadable {
  path: string;
  error: string;
}

/** What a folder is searched for: report text, and the PDF, Word and web-page forms reports are published in. */
const REPORT_EXTENSIONS = ['txt', 'md', 'markdown', 'govreport', ...SOURCE_EXTENSIONS.map((ext) => ext.slice(1))];
const FOLDER_PATTERN = `**/*.{${REPORT_EXTENSIONS.join(',')}}`;
const FOLDER_OPTIONS: GlobOptions = { caseSensitiveMatch: false, ignore: ['**/node_modules/**', '**/.git/**'] };

/**
 * The files named by the arguments: files as they are (a symbolic link followed), folders searched
 * for reports, globs expanded. Folder searches and globs never follow symbolic links, so they stay in
 * the folder given; a folder they cannot read is reported, not left out. A file found twice (by two
 * arguments, or through a link) is checked once.
 */
export async function expandArguments(args: string[], cwd: string): Promise<{ files: string[]; missing: string[]; unreadable: Unreadable[] }> {
  const files = new Map<string, string>();
  const missing: string[] = [];
  const unreadable: Unreadable[] = [];
  const add = (path: string) => {
    const real = realPathOr(path);
    if (!files.has(real)) files.set(real, path);
  };
  for (const arg of args) {
    const path = resolve(cwd, arg);
    let stat;
    try {
      stat = statSync(path);
    } catch (error) {
      if (!isMissing(error)) {
        unreadable.push({ path, error: errorText(error) });
        continue;
      }
    }
    if (stat?.isDirectory()) for (const f of await globNoting(FOLDER_PATTERN, { ...FOLDER_OPTIONS, cwd: path }, unreadable)) add(f);
    else if (stat) add(path);
    else {
      const matches = await globNoting(arg, { cwd }, unreadable);
      if (matches.length === 0) missing.push(arg);
      for (const f of matches) add(f);
    }
  }
  return { files: [...files.values()].sort(), missing, unreadable };
}

/** tinyglobby without symbolic links, noting each folder it cannot read (it would skip them silently). */
function globNoting(pattern: string, options: GlobOptions, unreadable: Unreadable[]): Promise<string[]> {
  const noting = (path: string, how: { withFileTypes: true }, callback: (error: NodeJS.ErrnoException | null, entries: Dirent[]) => void) =>
    readdir(path, how, (error, entries) => {
      if (error && !isMissing(error)) unreadable.push({ path: path.replace(/(.)[\\/]$/, '$1'), error: errorText(error) });
      callback(error, entries);
    });
  return glob(pattern, { ...options, absolute: true, onlyFiles: true, followSymbolicLinks: false, fs: { readdir: noting as unknown as typeof readdir } });
}

/** "cannot read NAME: why", NAME relative to the working folder. */
export function unreadableText({ path, error }: Unreadable, cwd: string, locale: Locale): string {
  const name = relative(cwd, path) || path;
  return say(locale, `无法读取 ${name}：${error}`, `cannot read ${name}: ${error}`);
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

function realPathOr(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

const BOMS = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

/**
 * Reads a file, deciding its encoding: a BOM, else UTF-8 unless the bytes read as UTF-8 are thick with
 * undecodable sequences (as the editor decides), else what the bytes look like (GB18030 for Chinese).
 * A few stray bytes in a UTF-8 file stay U+FFFD in a UTF-8 text (and the file is not `lossless`).
 */
export function readReportFile(path: string): ReadResult {
  const bytes = readRegularFile(path);
  const bom = BOMS.find((b) => b.bytes.every((byte, i) => bytes[i] === byte));
  if (bom) return text(path, bytes, bom.encoding, true, iconv.decode(bytes.subarray(bom.bytes.length), bom.encoding));
  const utf8 = new TextDecoder('utf-8').decode(bytes);
  if (isBinary(utf8)) return { kind: 'binary', path };
  if (!looksMisdecoded(utf8)) return text(path, bytes, 'utf-8', false, utf8);
  const guessed = detect(bytes);
  const encoding = guessed && iconv.encodingExists(guessed) && !/^(UTF|ISO-8859|windows-125)/i.test(guessed) ? guessed.toLowerCase() : 'gb18030';
  return text(path, bytes, encoding, false, iconv.decode(bytes, encoding));
}

function text(path: string, bytes: Buffer, encoding: string, bom: boolean, decoded: string): ReadResult {
  return { kind: 'text', file: { path, text: decoded, encoding, bom, bytes, lossless: encode(decoded, encoding, bom).equals(bytes) } };
}

function encode(text: string, encoding: string, bom: boolean): Buffer {
  return iconv.encode(text, encoding, { addBOM: bom });
}

/**
 * Writes the text back in the file's own encoding, in place of the file read (see replace-file.ts);
 * refused when the file holds bytes that were not decoded, or changed since it was read.
 */
export function writeReportFile(file: ReportFile, text: string): void {
  if (!file.lossless) throw new WriteRefused(file.path, 'undecodable');
  replaceFile(file.path, file.bytes, encode(text, file.encoding, file.bom));
}

const PLACES_SHOWN = 5;

/** Where the text holds U+FFFD for bytes that could not be decoded, as 1-based line:column, the first few of them. */
export function undecodableNote(file: ReportFile, locale: Locale): string {
  const places: string[] = [];
  file.text.split(/\r\n|\r|\n/).forEach((line, i) => {
    for (let at = line.indexOf('\ufffd'); at >= 0; at = line.indexOf('\ufffd', at + 1)) places.push(`${i + 1}:${at + 1}`);
  });
  const shown = places.slice(0, PLACES_SHOWN).join(', ');
  const more = places.length - PLACES_SHOWN;
  const where =
    places.length === 0
      ? ''
      : say(locale, `（显示为 �）：${shown}${more > 0 ? ` 等 ${places.length} 处` : ''}`, ` (shown as �) at ${shown}${more > 0 ? ` and ${more} more` : ''}`);
  return say(
    locale,
    `有无法按 ${file.encoding} 解码的字节${where}；--fix 不会改写本文件`,
    `bytes that cannot be decoded as ${file.encoding}${where}; --fix leaves this file unchanged`,
  );
}

/** Why a file was not written, in the user's language. */
export function refusalText(reason: Refusal, locale: Locale): string {
  switch (reason) {
    case 'read-only':
      return say(locale, '文件为只读，或无权写入', 'the file is read-only, or not writable by you');
    case 'changed':
      return say(locale, '检查后文件已被修改，未覆盖其修改（请重新运行）', 'the file changed after it was checked; its changes were kept (run again)');
    case 'undecodable':
      return say(locale, '文件有无法解码的字节，写回会改变它们', 'the file holds bytes that could not be decoded, and writing it back would change them');
  }
}
