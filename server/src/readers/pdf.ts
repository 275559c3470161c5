/**
 * The PDF reader: pdf.js (legacy build, run in this thread: see pdf/pdfjs.ts) gives each page's text
 * items and operators; pdf/ turns them into paragraphs and tables. No fonts, canvas or eval are needed,
 * only, for text in fonts that are not embedded, the predefined CMaps the caller gives (options.cMaps).
 */
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { fileTooLarge } from './dispatch';
import { keepTextLimit } from './limit';
import { LIMITS, ReadError, type ReaderNote, type ReadResult } from './model';
import { readOperators, textRuns, type PdfTextItem } from './pdf/extract';
import type { PageContent } from './pdf/geometry';
import { layoutPages } from './pdf/layout';
import { loadPdfJs, type PdfJs } from './pdf/pdfjs';
import { MAX_RULES } from './pdf/tables';

/** The bytes of a predefined Adobe CMap in pdf.js's packed form (.bcmap), by its name (UniGB-UCS2-H); rejects one it does not have. */
export type CMapSource = (name: string) => Promise<Uint8Array>;

export interface PdfReadOptions {
  /** Where the CMaps of fonts that are not embedded come from: without them, text in such fonts is not read (and noted). */
  cMaps?: CMapSource;
}

/** Reads a PDF's text into blocks. Throws a ReadError for a file that is not a readable PDF or has no text. */
export async function readPdf(bytes: Uint8Array, { cMaps }: PdfReadOptions = {}): Promise<ReadResult> {
  if (bytes.length > LIMITS.fileBytes) throw fileTooLarge();
  const { getDocument, OPS } = await loadPdfJs();
  const task = getDocument({
    // pdf.js may take over the buffer it is given.
    data: bytes.slice(),
    verbosity: 0,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    CMapReaderFactory: cMapReaderFactory(cMaps),
  });
  try {
    const document = await task.promise.catch((error: unknown) => {
      throw (error as { name?: unknown } | null)?.name === 'PasswordException' ? encrypted() : corrupt();
    });
    const notes: ReaderNote[] = [];
    const { pages, fontsLost } = await readPages(document, OPS, notes);
    if (pages.every((p) => p.runs.length === 0)) throw fontsLost ? undecodable() : noText();
    const kept = keepTextLimit(layoutPages(pages));
    return { kind: 'pdf', blocks: kept.blocks, notes: [...notes, ...kept.notes] };
  } finally {
    await task.destroy();
  }
}

/** The class pdf.js makes its CMap reader from (with `new`): the CMaps come from `cMaps`, never from a file path or URL of pdf.js's own. */
function cMapReaderFactory(cMaps: CMapSource | undefined) {
  return class {
    async fetch({ name }: { name: string }) {
      if (!cMaps) throw new Error(`no CMap ${name}`);
      return { cMapData: await cMaps(name), isCompressed: true };
    }
  };
}

const encrypted = () =>
  new ReadError('encrypted', {
    'zh-cn': 'PDF 设有打开密码，无法读取；请取消密码后另存',
    en: 'the PDF is password-protected and cannot be read; remove the password and save it again',
  });

const corrupt = () => new ReadError('corrupt', { 'zh-cn': '文件已损坏：不是有效的 PDF 文件', en: 'the file is damaged: not a valid PDF file' });

const undecodable = () =>
  new ReadError('unsupported', {
    'zh-cn': 'PDF 的文字所用字体无法读取（未嵌入且编码不受支持的字体，或没有编码信息），读不出文字',
    en: 'the PDF’s text is in fonts that cannot be read (not embedded and in an unsupported encoding, or without an encoding)',
  });

const noText = () =>
  new ReadError('no-text', {
    'zh-cn': 'PDF 是扫描件或图片，没有可读取的文字（本工具不做文字识别）',
    en: 'the PDF is a scan or an image: it has no text to read (this tool does no OCR)',
  });

/**
 * The pages up to LIMITS.pdfPages, or until their text passes LIMITS.textChars; what was not read is
 * noted. `fontsLost`: some text was drawn in fonts pdf.js could not load (its text is missing).
 */
async function readPages(document: PDFDocumentProxy, ops: PdfJs['OPS'], notes: ReaderNote[]): Promise<{ pages: PageContent[]; fontsLost: boolean }> {
  const pages: PageContent[] = [];
  const imageOnly: number[] = [];
  const lostText: number[] = [];
  const unreadable: number[] = [];
  const ruled: number[] = [];
  let chars = 0;
  for (let number = 1; number <= Math.min(document.numPages, LIMITS.pdfPages) && chars <= LIMITS.textChars; number++) {
    try {
      const page = await document.getPage(number);
      const { content, images, tooManyRules, fontsLost } = await readPage(page, number, ops);
      page.cleanup();
      if (content.runs.length === 0 && images) imageOnly.push(number);
      if (fontsLost) lostText.push(number);
      if (tooManyRules) ruled.push(number);
      chars += content.runs.reduce((sum, run) => sum + run.text.length, 0);
      pages.push(content);
    } catch {
      unreadable.push(number);
    }
  }
  if (pages.length === 0) throw corrupt();
  const read = pages.length + unreadable.length;
  if (read < document.numPages) notes.push(truncated(document.numPages, read));
  if (imageOnly.length > 0)
    notes.push(
      pagesNote(
        'skipped-content',
        imageOnly,
        '是图片，其中的文字未读取（本工具不做文字识别）',
        'image only: any text in it was not read (this tool does no OCR)',
      ),
    );
  if (unreadable.length > 0) notes.push(pagesNote('skipped-content', unreadable, '已损坏，未能读取', 'damaged: it could not be read'));
  if (lostText.length > 0)
    notes.push(
      pagesNote('skipped-content', lostText, '有文字的字体无法读取，这些文字未读取', 'some text is in fonts that cannot be read; that text was not read'),
    );
  if (ruled.length > 0) notes.push(pagesNote('tables-as-text', ruled, '线条过多，其中的表格按文字读取', 'too many drawn lines: its tables were read as text'));
  return { pages, fontsLost: lostText.length > 0 };
}

async function readPage(page: PDFPageProxy, number: number, ops: PdfJs['OPS']) {
  const viewport = page.getViewport({ scale: 1 });
  const [text, operators] = await Promise.all([page.getTextContent(), page.getOperatorList()]);
  const items = text.items.filter((item): item is PdfTextItem & typeof item => 'str' in item);
  const isVerticalFont = (name: string) => page.commonObjs.has(name) && (page.commonObjs.get(name) as { vertical?: boolean }).vertical === true;
  // One rule past the limit tells that the page has too many to be read as tables.
  const { rules, verticalRuns, textFonts } = readOperators(operators.fnArray, operators.argsArray, ops, viewport.transform, isVerticalFont, MAX_RULES + 1);
  // A font pdf.js could not load stands in its objects as the error's message.
  const fontsLost = [...textFonts].some((name) => page.commonObjs.has(name) && typeof page.commonObjs.get(name) === 'string');
  const imageOps = [ops.paintImageXObject, ops.paintInlineImageXObject, ops.paintImageMaskXObject, ops.paintImageXObjectRepeat];
  const tooManyRules = rules.length > MAX_RULES;
  const content: PageContent = {
    page: number,
    width: viewport.width,
    height: viewport.height,
    runs: [...textRuns(items, viewport.transform), ...verticalRuns],
    rules: tooManyRules ? [] : rules,
  };
  return { content, images: operators.fnArray.some((fn) => imageOps.includes(fn)), tooManyRules, fontsLost };
}

function truncated(total: number, read: number): ReaderNote {
  return {
    code: 'truncated',
    message: { 'zh-cn': `PDF 共 ${total} 页，只读取了前 ${read} 页`, en: `the PDF has ${total} pages; only the first ${read} were read` },
  };
}

function pagesNote(code: ReaderNote['code'], pages: readonly number[], zh: string, en: string): ReaderNote {
  return { code, message: { 'zh-cn': `第 ${pages.join('、')} 页${zh}`, en: `page${pages.length > 1 ? 's' : ''} ${pages.join(', ')}: ${en}` } };
}
