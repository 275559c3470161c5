/**
 * Corpus reports in all four published forms, made the way a drafter's files are made: the HTML of
 * `reportToHtml`, LibreOffice's Word file of it, and the .doc and PDF LibreOffice makes of that Word
 * file. LibreOffice's HTML import widens a column to its longest number, so the Word file's column
 * widths are set back to the HTML's before the .doc and the PDF are made from it: there, long
 * labels and long numbers wrap inside their cells as they do in published reports.
 *
 * One LibreOffice run per target, every report at once, each run with its own profile so that runs
 * in parallel don't clash. Everything is written under one new folder in the OS temp dir.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { readFixture } from './fixtures';
import { reportToHtml } from './render-html';

export type DocumentForm = 'html' | 'docx' | 'doc' | 'pdf';

export const DOCUMENT_FORMS: readonly DocumentForm[] = ['html', 'docx', 'doc', 'pdf'];

export interface RenderedDocuments {
  /** The folder holding every file; remove it when done. */
  dir: string;
  /** For each report name (a corpus text fixture without .txt), the path of each form. */
  paths: Map<string, Record<DocumentForm, string>>;
}

const run = promisify(execFile);

/** LibreOffice's export filter for each target. */
const FILTER: Record<Exclude<DocumentForm, 'html'>, string> = { docx: 'MS Word 2007 XML', doc: 'MS Word 97', pdf: 'writer_pdf_Export' };

/** Renders the corpus reports `names` (test/fixtures/corpus/NAME.txt) to .html, .docx, .doc and .pdf. */
export async function renderCorpusDocuments(names: readonly string[]): Promise<RenderedDocuments> {
  await requireSoffice();
  const dir = mkdtempSync(join(tmpdir(), 'govreport-rendered-'));
  try {
    const paths = new Map(
      names.map((name) => [name, Object.fromEntries(DOCUMENT_FORMS.map((form) => [form, join(dir, `${name}.${form}`)])) as Record<DocumentForm, string>]),
    );
    const html = new Map<string, string>();
    for (const [name, files] of paths) {
      html.set(name, reportToHtml(readFixture('corpus', `${name}.txt`)));
      writeFileSync(files.html, html.get(name)!);
    }
    const htmlFiles = [...paths.values()].map((p) => p.html);
    // The HTML import of Writer (not the default Writer/Web one, which exports no Word formats).
    await convert(dir, 'docx', htmlFiles, ['--infilter=HTML (StarWriter)']);
    for (const [name, files] of paths) writeFileSync(files.docx, withColumnWidths(readFileSync(files.docx), htmlColumnWidths(html.get(name)!)));
    const docx = [...paths.values()].map((p) => p.docx);
    await Promise.all([convert(dir, 'doc', docx), convert(dir, 'pdf', docx)]);
    return { dir, paths };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

export async function requireSoffice(): Promise<void> {
  try {
    await run('soffice', ['--version'], { timeout: 60_000 });
  } catch {
    throw new Error('soffice (LibreOffice) is needed to render the test documents; on Debian: apt-get install libreoffice-writer-nogui fonts-noto-cjk');
  }
}

/** One LibreOffice run converting `files` to `target` into `dir`, with a profile of its own. */
export async function convert(dir: string, target: Exclude<DocumentForm, 'html'>, files: string[], options: string[] = []): Promise<void> {
  const profile = mkdtempSync(join(tmpdir(), 'govreport-soffice-'));
  try {
    const args = [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      '--headless',
      ...options,
      '--convert-to',
      `${target}:${FILTER[target]}`,
      '--outdir',
      dir,
      ...files,
    ];
    const { stdout, stderr } = await run('soffice', args, { timeout: 180_000 });
    const missing = files.map((f) => f.replace(/\.[a-z]+$/, `.${target}`)).filter((f) => !existsSync(f));
    if (missing.length > 0) throw new Error(`soffice made no ${missing.join(', ')}:\n${stdout}${stderr}`);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Each table's column widths in points, from the `<col width>` (CSS pixels) of the HTML's tables, in document order. */
function htmlColumnWidths(html: string): number[][] {
  return [...html.matchAll(/<colgroup>(.*?)<\/colgroup>/g)].map((group) =>
    [...group[1].matchAll(/<col width="(\d+)">/g)].map((col) => (Number(col[1]) * 3) / 4),
  );
}

/** The Word file with each table's grid, table and cell widths set to `widths` (points), table by table. */
function withColumnWidths(docx: Uint8Array, widths: number[][]): Uint8Array {
  const files = unzipSync(docx);
  const xml = strFromU8(files['word/document.xml']);
  let t = 0;
  const patched = xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, (table) => {
    const columns = widths[t++]?.map((w) => Math.round(w * 20));
    const grid = table.match(/<w:gridCol /g)?.length ?? 0;
    if (!columns || columns.length !== grid) throw new Error(`Word table ${t} has ${grid} grid columns, its HTML table ${columns?.length ?? 'none'}`);
    const sum = (from: number, span: number) => columns.slice(from, from + span).reduce((a, b) => a + b, 0);
    return table
      .replace(/<w:tblW [^>]*\/>/, `<w:tblW w:w="${sum(0, columns.length)}" w:type="dxa"/>`)
      .replace(/<w:tblGrid>[\s\S]*?<\/w:tblGrid>/, `<w:tblGrid>${columns.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`)
      .replace(/<w:tr[ >][\s\S]*?<\/w:tr>/g, (row) => {
        let column = 0;
        return keptTogether(row).replace(/<w:tc>[\s\S]*?<\/w:tc>/g, (cell) => {
          const span = Number(/<w:gridSpan w:val="(\d+)"\/>/.exec(cell)?.[1] ?? 1);
          const width = sum(column, span);
          column += span;
          return cell.replace(/<w:tcW [^>]*\/>/, `<w:tcW w:w="${width}" w:type="dxa"/>`);
        });
      });
  });
  if (t !== widths.length) throw new Error(`the Word file has ${t} tables, the HTML ${widths.length}`);
  files['word/document.xml'] = strToU8(patched);
  return zipSync(files);
}

/**
 * The row with Word's 「允许跨页断行」 off: a page break falls between rows, never inside one, so
 * that where the pages break does not hang on the fonts' exact metrics.
 */
function keptTogether(row: string): string {
  if (row.includes('<w:cantSplit/>')) return row;
  if (row.includes('<w:trPr>')) return row.replace('<w:trPr>', '<w:trPr><w:cantSplit/>');
  return row.replace(/^<w:tr([ >][^>]*)?>/, (open) => `${open}<w:trPr><w:cantSplit/></w:trPr>`);
}
