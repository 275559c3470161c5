/**
 * Regenerates test/fixtures/extracted/: report text as it reaches govreport after extraction from a PDF.
 *
 * Each corpus report is exported to Word in the official layout (the CLI's `export`), rendered to
 * PDF by LibreOffice, and read back by poppler's pdftotext: `NAME.layout.txt` (`pdftotext -layout`,
 * space-aligned tables) and `NAME.raw.txt` (`pdftotext`, one cell per line). The real published
 * PDFs in test/fixtures/published/ are read the same way. The expected findings
 * (`NAME.….expected.json`) are written by hand after checking each one; this script never touches them.
 *
 * Needs: `npm run build` (dist/cli.js), LibreOffice (`soffice`) and poppler-utils (`pdftotext`).
 * Usage: node scripts/make-extracted-fixtures.mjs
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const fixtures = join(root, 'test', 'fixtures');
const out = join(fixtures, 'extracted');

/** Corpus reports rendered through Word and PDF: a wrong total (2020), 2019 and 2021 formats, the 2008 era (2016). */
const corpusReports = ['平潭综合实验区_2020', '上海市人民政府办公厅_2019', '淮安市洪泽区人民政府_2024', '平潭综合实验区_2016'];
/** Real published PDFs, read as they are. */
const publishedPdfs = ['淮安市洪泽区人民政府_2023', '淮安市人民政府_2024'];

const run = (command, args) => execFileSync(command, args, { stdio: ['ignore', 'ignore', 'inherit'] });

function extract(pdf, name) {
  run('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, join(out, `${name}.layout.txt`)]);
  run('pdftotext', ['-enc', 'UTF-8', pdf, join(out, `${name}.raw.txt`)]);
}

mkdirSync(out, { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'govreport-extracted-'));
try {
  for (const name of corpusReports) {
    const text = join(work, `${name}.txt`);
    copyFileSync(join(fixtures, 'corpus', `${name}.txt`), text);
    run(process.execPath, [join(root, 'dist', 'cli.js'), 'export', text, '--to', 'docx', '-o', work, '--force']);
    run('soffice', [
      '--headless',
      `-env:UserInstallation=file://${join(work, 'profile')}`,
      '--convert-to',
      'pdf',
      '--outdir',
      work,
      join(work, `${name}.docx`),
    ]);
    extract(join(work, `${name}.pdf`), name);
  }
  for (const name of publishedPdfs) extract(join(fixtures, 'published', `${name}.pdf`), `${name}_published`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
