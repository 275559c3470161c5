// Takes the README pictures in the code-server workbench with the extension loaded (one
// code-server per UI language, one browser, a fresh browser context per picture):
// - docs/images/outline.png: seed 003 open, the Outline view expanded beside it and the Problems panel below;
// - docs/images/quick-fix.png: the faulty report rules/2019-tsv-row-total.txt, the cursor on its wrong
//   total, the Problems panel listing the diagnostic and the quick-fix menu offering the correction;
// - docs/images/snippets.png: beside seed 004, a new untitled govreport document where `gr21` has been
//   typed, the suggestion widget listing the gr21-… snippets and its details pane previewing
//   gr21-art20-6's table;
// - docs/images/insert-table.png: seed 004 open and "govreport: Insert statutory table…" run from the
//   command palette, the 2021 format chosen and the second quick pick listing that format's tables;
// - docs/images/open-pdf.png: the published PDF 淮安市洪泽区人民政府_2023.pdf opened from Quick Open, the
//   offer to open it as a report taken: the converted report read-only beside it, its Outline, and the
//   Problems panel with its wrong 行政复议 总计 and the page of the PDF it is on;
// - docs/images/convert-table.png: seed 004 after "govreport: Convert table to Markdown" with the
//   cursor in its 第二十条第（六）项 table, which the editor now shows as a Markdown pipe table;
// - docs/images/walkthrough.png: under the Chinese UI, the Getting Started walkthrough opened from the
//   command palette over seed 004, its step 新建年度报告 expanded with its button and its page;
// - docs/images/status.png: under the Chinese UI, the faulty report rules/2019-tsv-row-total.txt at its
//   wrong total (with its inlay hint), the Problems panel, and the status bar item giving the report's
//   errors, warnings and format, its tooltip open.
// - docs/images/preview.png: the faulty report rules/2019-tsv-row-total.txt at its wrong total, and
//   beside it the preview opened from the editor title's button, table 三 with the wrong cell marked.
// - docs/images/reports-view.png: under the Chinese UI, the Explorer's 年度报告 view listing the
//   workspace's reports by organ and year with their problems, beside the faulty report it lists.
// Usage: node test/e2e/screenshot.mjs [outline|quick-fix|snippets|insert-table|open-pdf|convert-table|walkthrough|status|preview|reports-view ...] (all pictures unless named; builds the
// extension first; needs a CJK font, e.g. fonts-noto-cjk)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  SetupError,
  buildExtension,
  checkCjkFont,
  chromiumPath,
  launchChromium,
  log,
  repoRoot,
  seedWorkspace,
  startCodeServer,
  tempDir,
} from './code-server.mjs';

const VIEWPORT = { width: 1400, height: 900 };
// What the status bar shows for the govreport language: its first alias.
const LANGUAGE_NAME = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).contributes.languages[0].aliases[0];

/** Puts the editor's cursor at `line`:`column` (1-based, in characters) with Go to Line. */
async function goTo(page, line, column = 1) {
  await page.keyboard.press('Control+1'); // focus the editor
  await page.keyboard.press('Control+G');
  await page.keyboard.type(`${line}:${column}`);
  await page.keyboard.press('Enter');
  // The status bar's Col counts tab stops and wide characters, so only the line is compared.
  await page.locator('[id="status.editor.selection"]', { hasText: `Ln ${line},` }).waitFor({ timeout: 30_000 });
}

/** Opens the Problems panel; with `showing`, waits for the entry showing that text and returns it. */
async function openProblems(page, showing) {
  await page.keyboard.press('Control+Shift+M');
  await page.locator('.markers-panel-container').first().waitFor({ timeout: 30_000 });
  if (!showing) return undefined;
  const entry = page.locator('.markers-panel .monaco-list-row', { hasText: showing }).first();
  await entry.waitFor({ timeout: 60_000 });
  return entry;
}

/** Runs the command titled `title` (as the palette lists it, category included) from the command palette. */
async function runCommand(page, title) {
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').first().waitFor({ timeout: 30_000 });
  await page.keyboard.type(title);
  // Enter runs the focused row: wait until the filtered list has put the command there.
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: title }).first().waitFor({ timeout: 30_000 });
  await page.keyboard.press('Enter');
}

/** A row of the open quick pick showing `text`; with `focused`, only the focused row. */
const quickPickRow = (page, text, { focused = false } = {}) =>
  page.locator(`.quick-input-list .monaco-list-row${focused ? '.focused' : ''}`, { hasText: text }).first();

/** Each picture: the report it opens (relative to the workspace) and how it arranges the workbench. */
const SHOTS = {
  outline: {
    file: '003_721881aa274abb1a.txt',
    async arrange(page) {
      // Give the Outline the Explorer's room: collapse the folder tree, then open the Outline.
      const folderHeader = page.locator('.pane-header', { hasText: 'WORKSPACE' }).first();
      if ((await folderHeader.getAttribute('aria-expanded')) === 'true') await folderHeader.click();
      await page.keyboard.press('Control+Alt+O');
      await page.locator('.outline-pane .monaco-list-row', { hasText: '一、总体情况' }).first().waitFor({ timeout: 30_000 });
      await openProblems(page);
      // Put the cursor in part 一: the breadcrumbs then name it from the extension's outline.
      await goTo(page, 7);
      await page.locator('.breadcrumbs-control', { hasText: '一、总体情况' }).first().waitFor({ timeout: 30_000 });
    },
  },
  'quick-fix': {
    // table.sum-mismatch on the 总计 cell of line 62 (zero-based 61:31-32): 5 where the row sums to 4.
    file: 'rules/2019-tsv-row-total.txt',
    async arrange(page) {
      // The diagnostic is in once the Problems panel lists it; the code actions can then be asked for.
      const problem = await openProblems(page, 'should be 4');
      // Selected, it stays highlighted (with a lightbulb of its own) however early the diagnostics came.
      await problem.click();
      await goTo(page, 62, 32);
      // The breadcrumbs name the table from the extension's outline once it has caught up with the cursor.
      await page.locator('.breadcrumbs-control', { hasText: '表三 收到和处理政府信息公开申请情况' }).first().waitFor({ timeout: 30_000 });
      await page.keyboard.press('Control+.');
      await page.locator('.action-widget', { hasText: 'Change 「（一）予以公开」/「总计」 to 4' }).first().waitFor({ timeout: 30_000 });
    },
  },
  snippets: {
    // Opened first so that the language server is up: a completion provider registered while the
    // suggestion widget is open would refresh it and move its focus back to the first row.
    file: '004_5af3a546c32e05da.txt',
    async arrange(page) {
      await goTo(page, 23);
      // The breadcrumbs name the part from the extension's outline once the server has answered.
      await page.locator('.breadcrumbs-control', { hasText: '二、主动公开政府信息情况' }).first().waitFor({ timeout: 30_000 });
      // A new untitled document in the govreport language (the keybinding below passes the language).
      await page.keyboard.press('Control+Alt+N');
      await page.locator('.tab.active', { hasText: 'Untitled-1' }).waitFor({ timeout: 30_000 });
      await page.locator('[id="status.editor.mode"]', { hasText: LANGUAGE_NAME }).waitFor({ timeout: 60_000 });
      await page.locator('.monaco-editor.focused').first().waitFor({ timeout: 30_000 });
      await page.keyboard.type('gr21');
      await page.locator('.monaco-editor .view-line', { hasText: 'gr21' }).first().waitFor({ timeout: 30_000 });
      // Quick suggestions are off (see the settings), so the first Control+Space brings the widget up.
      await page.keyboard.press('Control+Space');
      const widget = page.locator('.suggest-widget.visible');
      for (const prefix of ['gr21-art20-1', 'gr21-report', 'gr21-table4'])
        await widget.locator('.monaco-list-row', { hasText: prefix }).first().waitFor({ timeout: 30_000 });
      await widget.locator('.monaco-list-row.focused', { hasText: 'gr21-art20-1' }).waitFor({ timeout: 30_000 });
      // Down to gr21-art20-6, whose table fits the details pane.
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await widget.locator('.monaco-list-row.focused', { hasText: 'gr21-art20-6' }).waitFor({ timeout: 30_000 });
      // With the widget up, Control+Space opens the details pane: the focused snippet's table.
      await page.keyboard.press('Control+Space');
      await page.locator('.suggest-details', { hasText: '行政强制' }).first().waitFor({ timeout: 30_000 });
    },
  },
  'insert-table': {
    file: '004_5af3a546c32e05da.txt',
    async arrange(page) {
      await goTo(page, 24); // the empty line before part 二's tables, where the table would go in
      await runCommand(page, 'govreport: Insert statutory table');
      // First the format: the 2021 one comes first.
      await quickPickRow(page, '2021年版年度报告格式', { focused: true }).waitFor({ timeout: 30_000 });
      await page.keyboard.press('Enter');
      // Then that format's tables, each with the prefix of its snippet.
      await quickPickRow(page, '第二十条第（一）项').waitFor({ timeout: 30_000 });
      await quickPickRow(page, 'gr21-table4').waitFor({ timeout: 30_000 });
    },
  },
  'open-pdf': {
    // Opened first so that the language server is up when the PDF is offered as a report.
    file: '004_5af3a546c32e05da.txt',
    async arrange(page) {
      // The PDF as VS Code opens it (a binary file); govreport offers to open it as a report.
      await page.keyboard.press('Control+P');
      await page.locator('.quick-input-widget input').first().waitFor({ timeout: 30_000 });
      await page.keyboard.type('淮安市洪泽区人民政府_2023.pdf');
      await quickPickRow(page, '淮安市洪泽区人民政府_2023.pdf', { focused: true }).waitFor({ timeout: 30_000 });
      await page.keyboard.press('Enter');
      const offer = page.locator('.notification-toast', { hasText: 'is an annual report' }).first();
      await offer.waitFor({ timeout: 60_000 });
      await offer.locator('.monaco-button', { hasText: 'Open as report' }).click();
      await page.locator('.tab.active', { hasText: '淮安市洪泽区人民政府_2023.pdf.govreport' }).waitFor({ timeout: 60_000 });
      // The editor area to the report: the PDF's bytes are nothing to look at.
      await runCommand(page, 'View: Close Editors in Other Groups');
      await page
        .locator('.tab', { hasText: '淮安市洪泽区人民政府_2023.pdf' })
        .first()
        .waitFor({ state: 'detached', timeout: 30_000 })
        .catch(() => {});
      const folderHeader = page.locator('.pane-header', { hasText: 'WORKSPACE' }).first();
      if ((await folderHeader.getAttribute('aria-expanded')) === 'true') await folderHeader.click();
      await page.keyboard.press('Control+Alt+O');
      await page.locator('.outline-pane .monaco-list-row', { hasText: '四、政府信息公开行政复议、行政诉讼情况' }).first().waitFor({ timeout: 30_000 });
      // The wrong 总计 of table 四, with the page of the PDF it is on.
      const problem = await openProblems(page, 'should be 11');
      await problem.click();
      await page.locator('.markers-panel .monaco-list-row', { hasText: 'in the source: page 4' }).first().waitFor({ timeout: 30_000 });
    },
  },
  'convert-table': {
    file: '004_5af3a546c32e05da.txt',
    async arrange(page) {
      // The 行政处罚 row of the 第二十条第（六）项 table (zero-based line 33).
      await goTo(page, 34);
      // The breadcrumbs name the table from the extension's outline once the server has read the report.
      await page.locator('.breadcrumbs-control', { hasText: '第二十条第（六）项' }).first().waitFor({ timeout: 30_000 });
      await runCommand(page, 'govreport: Convert table to Markdown');
      await page.locator('.monaco-editor .view-line', { hasText: '| 行政处罚 | 14 |' }).first().waitFor({ timeout: 30_000 });
      await page.locator('.monaco-editor .view-line', { hasText: '|---|---|---|---|' }).first().waitFor({ timeout: 30_000 });
    },
  },
  walkthrough: {
    // Under the Chinese UI: the extension's texts in Chinese (VS Code's own stay English, see startCodeServer).
    locale: 'zh-cn',
    file: '004_5af3a546c32e05da.txt',
    async arrange(page) {
      await runCommand(page, 'Welcome: Open Walkthrough...');
      await quickPickRow(page, '开始使用：政府信息公开工作年度报告').click();
      const step = page.locator('.getting-started-step', { hasText: '新建年度报告' }).first();
      await step.click();
      await page.locator('.getting-started-step.expanded', { hasText: '新建年度报告' }).waitFor({ timeout: 30_000 });
      // The step's Markdown page (new-report.nls.zh-cn.md) is drawn in a webview.
      const media = page.frameLocator('.getting-started-media iframe').frameLocator('iframe');
      await media.locator('h2', { hasText: '为什么不用 Ctrl+N？' }).waitFor({ timeout: 30_000 });
      await page.mouse.move(0, 0); // no hover highlight on the step under the pointer
    },
  },
  status: {
    locale: 'zh-cn',
    // table.sum-mismatch on the 总计 cell of line 62: 5 where the row sums to 4.
    file: 'rules/2019-tsv-row-total.txt',
    async arrange(page) {
      await openProblems(page, '应为 4');
      await goTo(page, 62, 32);
      const item = page.locator('.statusbar-item', { hasText: '2019年版' }).first();
      await item.locator('.codicon-error').waitFor({ timeout: 30_000 });
      await item.hover();
      await page.locator('.workbench-hover', { hasText: '检查于' }).first().waitFor({ timeout: 30_000 });
    },
  },
  preview: {
    // table.sum-mismatch on the 总计 cell of line 62: 5 where the row sums to 4.
    file: 'rules/2019-tsv-row-total.txt',
    async arrange(page) {
      await page.keyboard.press('Control+B'); // the editor and its preview get the Explorer's room
      await goTo(page, 58);
      await page.locator('.editor-actions .action-label[aria-label^="Open Preview to the Side"]').first().click();
      // The webview's page, in the frame inside its iframe; the preview scrolls with the editor.
      const preview = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
      await preview.locator('th', { hasText: '申请人情况' }).first().waitFor({ timeout: 60_000 });
      // Clicking the marked cell selects the wrong total in the editor.
      await preview.locator('td.mark-error', { hasText: '5' }).first().click();
      await page.locator('[id="status.editor.selection"]', { hasText: 'Ln 62,' }).waitFor({ timeout: 30_000 });
      await page.mouse.move(0, 0);
    },
  },
  'reports-view': {
    locale: 'zh-cn',
    file: 'rules/2019-tsv-row-total.txt',
    async arrange(page) {
      // Give the view the Explorer's room: collapse the folder tree.
      const folderHeader = page.locator('.pane-header', { hasText: 'WORKSPACE' }).first();
      if ((await folderHeader.getAttribute('aria-expanded')) === 'true') await folderHeader.click();
      const viewHeader = page.locator('.pane-header', { hasText: '年度报告' }).first();
      if ((await viewHeader.getAttribute('aria-expanded')) !== 'true') await viewHeader.click();
      const view = page.locator('.pane', { has: viewHeader }).first();
      await view.locator('.monaco-list-row', { hasText: '2019-tsv-row-total.txt' }).first().waitFor({ timeout: 60_000 });
      await view.locator('.monaco-list-row', { hasText: '柴河镇人民政府 · 2019年' }).first().waitFor({ timeout: 30_000 });
      await openProblems(page, '应为 4');
      await page.mouse.move(0, 0);
    },
  },
};

function selectedShots() {
  const names = process.argv.slice(2);
  const unknown = names.filter((n) => !(n in SHOTS));
  if (unknown.length) throw new SetupError(`unknown picture ${unknown.join(', ')}; known: ${Object.keys(SHOTS).join(', ')}`);
  return names.length ? names : Object.keys(SHOTS);
}

async function main() {
  const names = selectedShots();
  chromiumPath();
  checkCjkFont();
  buildExtension();
  const tmp = tempDir('screenshot');
  const workspace = seedWorkspace(tmp);
  // One code-server for each UI language the pictures are taken in.
  const locales = [...new Set(names.map((name) => SHOTS[name].locale))];
  const startServer = (locale) =>
    startCodeServer({
      workspace,
      locale,
      settings: {
        'outline.collapseItems': 'alwaysExpand',
        'editor.minimap.enabled': false,
        'editor.occurrencesHighlight': 'off', // comes late or not at all: a picture without it every time
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        'window.commandCenter': false,
        // Suggestions only on Control+Space: with the widget up, it toggles the details pane instead.
        'editor.quickSuggestions': { other: 'off', comments: 'off', strings: 'off' },
      },
      keybindings: [
        { key: 'ctrl+alt+o', command: 'outline.focus' },
        { key: 'ctrl+alt+n', command: 'workbench.action.files.newUntitledFile', args: { languageId: 'govreport' } },
      ],
    });
  let browser;
  let server;
  try {
    browser = await launchChromium();
    for (const locale of locales) {
      await server?.stop();
      server = await startServer(locale);
      for (const name of names.filter((n) => SHOTS[n].locale === locale)) {
        const { file, arrange } = SHOTS[name];
        // A context of its own: a fresh workbench layout, not the previous picture's.
        const context = await browser.newContext({ viewport: VIEWPORT });
        try {
          const page = await context.newPage();
          await page.goto(server.workbenchUrl({ openFile: path.join(workspace, file) }));
          await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 60_000 });
          // The status bar names the language once the extension has recognised the report.
          await page.locator('[id="status.editor.mode"]', { hasText: LANGUAGE_NAME }).waitFor({ timeout: 60_000 });
          await arrange(page).catch(async (e) => {
            const shot = path.join(os.tmpdir(), `govreport-screenshot-${name}-failed.png`);
            await page.screenshot({ path: shot }).then(
              () => log(`the workbench when it failed: ${shot}`),
              () => {},
            );
            throw e;
          });

          const output = path.join(repoRoot, 'docs/images', `${name}.png`);
          fs.mkdirSync(path.dirname(output), { recursive: true });
          await page.screenshot({ path: output });
          log(`wrote ${path.relative(repoRoot, output)}`);
        } finally {
          await context.close().catch(() => {});
        }
      }
    }
  } finally {
    await browser?.close().catch(() => {});
    await server?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e instanceof SetupError ? `[e2e] ${e.message}` : e);
  process.exit(e instanceof SetupError ? 2 : 1);
});
