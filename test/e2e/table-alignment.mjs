// Measures how the Markdown tables of reports line up in a real VS Code (code-server + headless
// Chromium, the editor's default font): for every pipe table, the x position of each row's `|` as
// the editor draws it. Prints, for each table, how far the `|`s of its content rows lie apart and how
// far the separator row's lie from them; exits with 1 when a content row is off by more than 1 px.
// Usage: node test/e2e/table-alignment.mjs [--format] [FILE.md ...]
// - with files: measures them as they are, or after Format Document with --format;
// - without: converts the web pages of test/fixtures/published to Markdown with the CLI and measures
//   each as converted, and after Format Document of a copy whose table padding was taken out.
// Builds the extension first; needs a CJK font, e.g. fonts-noto-cjk.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { SetupError, buildExtension, checkCjkFont, chromiumPath, launchChromium, log, repoRoot, startCodeServer, tempDir } from './code-server.mjs';

// Tall enough for the editor to draw every line of a converted report at once (it draws only the visible lines).
const VIEWPORT = { width: 1600, height: 12_000 };
const TOLERANCE_PX = 1;
const PIPE_LINE = /^\s*\|/;
const SEPARATOR_LINE = /^\s*\|(?:\s*:?-+:?\s*\|)+\s*$/;

/** The report's pipe tables with their padding taken out: every cell trimmed to its text, one space either side. */
function unaligned(text) {
  return text
    .split('\n')
    .map((line) => {
      if (!PIPE_LINE.test(line)) return line;
      const cells = line
        .trim()
        .slice(1, -1)
        .split(/(?<!\\)\|/);
      return `| ${cells.map((c) => c.trim()).join(' | ')} |`;
    })
    .join('\n');
}

/** The files to measure, written into `workspace`: each with whether Format Document is to run first. */
function prepare(workspace, files, format) {
  if (files.length > 0) {
    return files.map((file) => {
      const target = path.join(workspace, path.basename(file));
      fs.copyFileSync(file, target);
      return { file: target, format };
    });
  }
  const published = path.join(repoRoot, 'test/fixtures/published');
  const jobs = [];
  for (const page of fs.readdirSync(published).filter((f) => f.endsWith('.html'))) {
    const converted = spawnSync(process.execPath, [path.join(repoRoot, 'dist/cli.js'), 'convert', path.join(published, page), '--to', 'md'], {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    });
    if (converted.status !== 0) throw new SetupError(`govreport convert ${page} failed: ${converted.stderr}`);
    const name = page.replace(/\.html$/, '');
    const asConverted = path.join(workspace, `${name}.md`);
    const toFormat = path.join(workspace, `${name}.unaligned.md`);
    fs.writeFileSync(asConverted, converted.stdout);
    fs.writeFileSync(toFormat, unaligned(converted.stdout));
    jobs.push({ file: asConverted, format: false }, { file: toFormat, format: true });
  }
  return jobs;
}

/** In the page: every drawn line of the editor, top to bottom, with its text and the x of each unescaped `|`. */
function drawnLines() {
  const lines = [...document.querySelectorAll('.part.editor .monaco-editor .view-lines .view-line')];
  return lines
    .map((line) => {
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      let text = '';
      const pipes = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (let i = 0; i < node.data.length; i++) {
          if (node.data[i] === '|' && !text.endsWith('\\')) {
            const range = document.createRange();
            range.setStart(node, i);
            range.setEnd(node, i + 1);
            pipes.push(range.getBoundingClientRect().left);
          }
          text += node.data[i];
        }
      }
      return { top: parseFloat(line.style.top), height: line.getBoundingClientRect().height, text: text.replace(/\u00a0/g, ' '), pipes };
    })
    .sort((a, b) => a.top - b.top);
}

/** Consecutive drawn pipe lines, as tables. */
function tablesOf(lines) {
  const tables = [];
  let current;
  for (const line of lines) {
    if (!PIPE_LINE.test(line.text)) {
      current = undefined;
      continue;
    }
    if (!current) tables.push((current = []));
    current.push(line);
  }
  return tables;
}

const spread = (xs) => Math.max(...xs) - Math.min(...xs);

/** How far apart the `|`s of a table's rows are drawn: among its content rows, and of its separator row from them. */
function alignmentOf(rows) {
  const columns = rows[0].pipes.length;
  const same = rows.every((r) => r.pipes.length === columns);
  const content = rows.filter((r) => !SEPARATOR_LINE.test(r.text));
  const separator = rows.find((r) => SEPARATOR_LINE.test(r.text));
  let contentPx = 0;
  let separatorPx = 0;
  if (same) {
    for (let k = 0; k < columns; k++) {
      const xs = content.map((r) => r.pipes[k]);
      contentPx = Math.max(contentPx, spread(xs));
      if (separator) separatorPx = Math.max(separatorPx, Math.abs(separator.pipes[k] - xs[0]));
    }
  }
  const widthPx = Math.max(...rows.map((r) => r.pipes.at(-1) - r.pipes[0]));
  const chars = Math.max(...rows.map((r) => r.text.length));
  return { line: Math.round(rows[0].top / rows[0].height) + 1, rows: rows.length, columns: columns - 1, same, contentPx, separatorPx, widthPx, chars };
}

async function measure(page, server, { file, format }) {
  await page.goto(server.workbenchUrl({ openFile: file }));
  const editor = page.locator('.part.editor .monaco-editor .view-lines').first();
  await editor.waitFor({ timeout: 60_000 });
  await page.locator('.part.editor .monaco-editor .view-line', { hasText: '|' }).first().waitFor({ timeout: 60_000 });
  if (format) {
    // The breadcrumbs name the report's title from the extension's outline once its language server has read it.
    await page.locator('.breadcrumbs-control', { hasText: '报告' }).first().waitFor({ timeout: 60_000 });
    const before = (await page.evaluate(drawnLines)).map((l) => l.text);
    await page.keyboard.press('Control+1');
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').first().waitFor({ timeout: 30_000 });
    await page.keyboard.type('Format Document');
    await page
      .locator('.quick-input-list .monaco-list-row.focused', { hasText: /^Format Document/ })
      .first()
      .waitFor({ timeout: 30_000 });
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      (texts) =>
        [...document.querySelectorAll('.part.editor .monaco-editor .view-lines .view-line')].some(
          (l) => !texts.includes(l.textContent.replace(/\u00a0/g, ' ')),
        ),
      before,
      { timeout: 60_000 },
    );
  }
  return tablesOf(await page.evaluate(drawnLines)).map(alignmentOf);
}

async function main() {
  chromiumPath();
  checkCjkFont();
  buildExtension();
  const tmp = tempDir('table-alignment');
  const workspace = path.join(tmp, 'workspace');
  fs.mkdirSync(workspace);
  const args = process.argv.slice(2);
  const jobs = prepare(
    workspace,
    args.filter((a) => a !== '--format'),
    args.includes('--format'),
  );
  const server = await startCodeServer({
    workspace,
    settings: {
      'files.autoSave': 'off',
      'editor.minimap.enabled': false,
      // An inlay hint (「20 应为 26」) pushes the rest of its row aside: what is measured is the text's layout.
      'editor.inlayHints.enabled': 'off',
      '[markdown]': { 'editor.wordWrap': 'off' },
    },
  });
  let browser;
  let misaligned = 0;
  try {
    browser = await launchChromium();
    for (const job of jobs) {
      const context = await browser.newContext({ viewport: VIEWPORT });
      try {
        const page = await context.newPage();
        const tables = await measure(page, server, job);
        log(`${path.basename(job.file)}${job.format ? ' after Format Document' : ''}:`);
        for (const t of tables) {
          const verdict = !t.same
            ? 'rows of different column counts'
            : `content rows within ${t.contentPx.toFixed(1)} px, separator row within ${t.separatorPx.toFixed(1)} px`;
          log(`  line ${t.line}: ${t.rows} rows × ${t.columns} columns, ${verdict}; ${t.widthPx.toFixed(0)} px, ${t.chars} characters wide`);
          if (t.same && t.contentPx > TOLERANCE_PX) misaligned++;
        }
      } finally {
        await context.close().catch(() => {});
      }
    }
  } finally {
    await browser?.close().catch(() => {});
    await server.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  if (misaligned > 0) {
    log(`${misaligned} table(s) whose content rows do not line up within ${TOLERANCE_PX} px`);
    process.exitCode = 1;
  }
}

main().catch((e) => {
  console.error(e instanceof SetupError ? `[e2e] ${e.message}` : e);
  process.exit(e instanceof SetupError ? 2 : 1);
});
