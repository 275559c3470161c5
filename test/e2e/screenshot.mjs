// Takes docs/images/outline.png: seed 003 open in the code-server workbench with the extension
// loaded, the Outline view expanded beside it and the Problems panel below.
// Usage: node test/e2e/screenshot.mjs (builds the extension first; needs a CJK font, e.g. fonts-noto-cjk)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { SetupError, buildExtension, chromiumPath, launchChromium, log, repoRoot, seedWorkspace, startCodeServer, tempDir } from './code-server.mjs';

const SEED = '003_721881aa274abb1a.txt';
const output = path.join(repoRoot, 'docs/images/outline.png');
// What the status bar shows for the govreport language: its first alias.
const LANGUAGE_NAME = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).contributes.languages[0].aliases[0];

function checkCjkFont() {
  const fonts = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).stdout ?? '';
  if (!fonts.trim()) throw new SetupError('no Chinese font for Chromium: apt-get install -y --no-install-recommends fonts-noto-cjk');
}

async function main() {
  chromiumPath();
  checkCjkFont();
  buildExtension();
  const tmp = tempDir('screenshot');
  const workspace = seedWorkspace(tmp);
  const server = await startCodeServer({
    workspace,
    settings: {
      'outline.collapseItems': 'alwaysExpand',
      'editor.minimap.enabled': false,
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
      'window.commandCenter': false,
    },
    keybindings: [{ key: 'ctrl+alt+o', command: 'outline.focus' }],
  });
  let browser;
  try {
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(server.workbenchUrl({ openFile: path.join(workspace, SEED) }));
    await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 60_000 });
    // The status bar names the language once the extension has recognised the report.
    await page.locator('[id="status.editor.mode"]', { hasText: LANGUAGE_NAME }).waitFor({ timeout: 60_000 });

    // Give the Outline the Explorer's room: collapse the folder tree, then open the Outline.
    const folderHeader = page.locator('.pane-header', { hasText: 'WORKSPACE' }).first();
    if ((await folderHeader.getAttribute('aria-expanded')) === 'true') await folderHeader.click();
    await page.keyboard.press('Control+Alt+O');
    await page.locator('.outline-pane .monaco-list-row', { hasText: '一、总体情况' }).first().waitFor({ timeout: 30_000 });
    await page.keyboard.press('Control+Shift+M'); // Problems panel
    await page.locator('.markers-panel-container').first().waitFor({ timeout: 30_000 });
    // Put the cursor in part 一: the breadcrumbs then name it from the extension's outline.
    await page.keyboard.press('Control+1');
    await page.keyboard.press('Control+G');
    await page.keyboard.type('7');
    await page.keyboard.press('Enter');
    await page.locator('.breadcrumbs-control', { hasText: '一、总体情况' }).first().waitFor({ timeout: 30_000 });

    fs.mkdirSync(path.dirname(output), { recursive: true });
    await page.screenshot({ path: output });
    log(`wrote ${path.relative(repoRoot, output)}`);
  } finally {
    await browser?.close().catch(() => {});
    await server.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e instanceof SetupError ? `[e2e] ${e.message}` : e);
  process.exit(e instanceof SetupError ? 2 : 1);
});
