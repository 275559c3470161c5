/**
 * Which reader a source needs, decided by its bytes before its name: government sites serve
 * web pages saved as `.doc`, RTF files named `.doc` and Word files named `.wps`.
 */
import { ReadError, LIMITS, type ReaderNote, type ReadResult, type SourceKind, type SourcePlace } from './model';
import { renderReport, type TextForm } from './render';

/** The file name extensions read as sources (beside the text forms .txt, .md and .govreport). */
export const SOURCE_EXTENSIONS = ['.pdf', '.docx', '.doc', '.html', '.htm'] as const;

export function isSourceFile(name: string): boolean {
  const lower = name.toLowerCase();
  return SOURCE_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

export type Readers = { [K in SourceKind]: ((bytes: Uint8Array) => ReadResult | Promise<ReadResult>) | undefined };

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) => signature.every((b, i) => bytes[at + i] === b);

/** The reader a file's bytes call for; its name decides only when the bytes don't tell. */
export function sniffSourceKind(bytes: Uint8Array, name: string): SourceKind | 'rtf' | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (head.includes('%PDF-')) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'docx';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'doc';
  if (head.startsWith('{\\rtf')) return 'rtf';
  if (/<(!doctype html|html|head|body|meta|table|div|p)[\s>]/i.test(head)) return 'html';
  const lower = name.toLowerCase();
  if (lower.endsWith('.html') || lower.endsWith('.htm')) return 'html';
  return undefined;
}

/** A source file beyond LIMITS.fileBytes: refused before it is read. */
export function fileTooLarge(): ReadError {
  const mb = LIMITS.fileBytes / 1024 / 1024;
  return new ReadError('too-large', { 'zh-cn': `文件超过 ${mb} MB，未读取`, en: `the file is larger than ${mb} MB and was not read` });
}

/** Reads a source with the reader its bytes call for; every way it can fail is a ReadError with one clear message. */
export async function readWith(readers: Readers, bytes: Uint8Array, name: string): Promise<ReadResult> {
  if (bytes.length > LIMITS.fileBytes) throw fileTooLarge();
  if (bytes.length === 0) throw new ReadError('corrupt', { 'zh-cn': '文件是空的', en: 'the file is empty' });
  const kind = sniffSourceKind(bytes, name);
  if (kind === 'rtf')
    throw new ReadError('unsupported', {
      'zh-cn': '这是 RTF 文件（只是扩展名为 .doc），暂不支持；请用 Word 或 WPS 另存为 .docx',
      en: 'this is an RTF file (only named .doc), which is not supported; save it as .docx from Word or WPS',
    });
  if (kind === undefined)
    throw new ReadError('unsupported', {
      'zh-cn': '无法识别的文件类型：不是 PDF、Word 或网页文件',
      en: 'unrecognised file type: not a PDF, Word document or web page',
    });
  const reader = readers[kind];
  if (!reader)
    throw new ReadError('needs-desktop', {
      'zh-cn': `读取 ${SOURCE_LABELS[kind]} 需要桌面版 VS Code，网页版暂不支持`,
      en: `reading ${SOURCE_LABELS[kind]} needs the desktop VS Code; the web build cannot`,
    });
  try {
    return await reader(bytes);
  } catch (error) {
    if (error instanceof ReadError) throw error;
    throw new ReadError('corrupt', {
      'zh-cn': `无法读取此 ${SOURCE_LABELS[kind]}：${error instanceof Error ? error.message : String(error)}`,
      en: `cannot read this ${SOURCE_LABELS[kind]}: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
}

/** Each kind of source as messages name it. */
export const SOURCE_LABELS: Record<SourceKind, string> = { pdf: 'PDF', docx: 'Word (.docx)', doc: 'Word 97–2003 (.doc)', html: 'HTML' };

/** A source converted to report text: the text, where each of its lines came from, and what could not be read faithfully. */
export interface ConvertedSource {
  kind: SourceKind;
  text: string;
  sources: (SourcePlace | undefined)[];
  notes: ReaderNote[];
}

export async function convertWith(readers: Readers, bytes: Uint8Array, name: string, form: TextForm): Promise<ConvertedSource> {
  const result = await readWith(readers, bytes, name);
  return { kind: result.kind, ...renderReport(result, form), notes: result.notes };
}
