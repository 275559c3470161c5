import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { ReadSourceResult } from '../../server/src/lsp/protocol';
import { fixturesDir, readFixture } from '../support/fixtures';

/**
 * The browser build of the language server (vscode.dev, github.dev) in a real web worker of headless
 * Chromium, spoken to as the web extension host's language client does: JSON-RPC messages by postMessage.
 */
const ORIGIN = 'http://govreport.test';
const serverBundle = join(__dirname, '..', '..', 'dist', 'browser', 'server.js');

/** Debian's Chromium (or CHROMIUM); without it the test stops with the command that installs it. */
function chromiumPath(): string {
  const found = process.env.CHROMIUM || spawnSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).stdout.trim();
  if (!found) throw new Error('Chromium not found: run `node scripts/system-packages.mjs` (as root it installs it), or set CHROMIUM=/path/to/chromium');
  return found;
}

describe('dist/browser/server.js in a web worker', () => {
  let browser: Browser;
  let page: Page;

  before(async () => {
    browser = await chromium.launch({
      executablePath: chromiumPath(),
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    page = await browser.newPage();
    await page.route(`${ORIGIN}/**`, (route) => {
      const path = new URL(route.request().url()).pathname;
      if (path === '/server.js') return route.fulfill({ contentType: 'text/javascript', body: readFileSync(serverBundle) });
      if (path === '/readers.js') return route.fulfill({ contentType: 'text/javascript', body: readFileSync(join(serverBundle, '..', 'readers.js')) });
      return route.fulfill({ contentType: 'text/html', body: '<!doctype html><meta charset="utf-8"><title>worker</title>' });
    });
    await page.goto(`${ORIGIN}/`);
    await page.evaluate(() => {
      const worker = new Worker('/server.js');
      const pending = new Map<number, (result: unknown) => void>();
      let id = 0;
      worker.onmessage = (e) => {
        const message = e.data as { id?: number; result?: unknown; method?: string };
        if (message.id !== undefined && !message.method) pending.get(message.id)?.(message.result);
        else if (message.id !== undefined && message.method) worker.postMessage({ jsonrpc: '2.0', id: message.id, result: null });
      };
      const w = window as unknown as Record<string, unknown>;
      w.request = (method: string, params: unknown) =>
        new Promise((resolve) => {
          pending.set(++id, resolve);
          worker.postMessage({ jsonrpc: '2.0', id, method, params });
        });
      w.notify = (method: string, params: unknown) => worker.postMessage({ jsonrpc: '2.0', method, params });
    });
  });
  after(async () => {
    await browser?.close();
  });

  const request = (method: string, params: unknown) =>
    page.evaluate(([m, p]) => (window as unknown as { request: (m: string, p: unknown) => Promise<unknown> }).request(m as string, p), [
      method,
      params,
    ] as const);
  const notify = (method: string, params: unknown) =>
    page.evaluate(([m, p]) => (window as unknown as { notify: (m: string, p: unknown) => void }).notify(m as string, p), [method, params] as const);

  test('initializes, outlines a seed and reports its findings, with no Node built-ins', async () => {
    const init = (await request('initialize', { processId: null, rootUri: null, capabilities: {}, locale: 'zh-cn' })) as { serverInfo: { name: string } };
    assert.equal(init.serverInfo.name, 'govreport');
    await notify('initialized', {});
    const uri = 'vscode-vfs://github/seeds/004.txt';
    await notify('textDocument/didOpen', {
      textDocument: { uri, languageId: 'govreport', version: 1, text: readFixture('seeds', '004_5af3a546c32e05da.txt') },
    });
    const symbols = (await request('textDocument/documentSymbol', { textDocument: { uri } })) as { name: string }[];
    assert.deepEqual(
      symbols.map((s) => s.name),
      [
        '沙坡头区宣和镇 2021 年政府信息公开工作年度报告',
        '一、总体情况',
        '二、主动公开政府信息情况',
        '三、收到和处理政府信息公开申请情况',
        '五、存在的主要问题及改进情况',
        '六、其他需要报告的事项',
      ],
    );
    const report = (await request('textDocument/diagnostic', { textDocument: { uri } })) as { items: { code: string }[] };
    assert.deepEqual(
      report.items.map((d) => d.code),
      JSON.parse(readFixture('seeds', '004_5af3a546c32e05da.expected.json')).map((f: { code: string }) => f.code),
    );
  });
  test('reads web pages and Word files in the browser; a PDF is refused as needing the desktop', async () => {
    const read = (folder: string, name: string) =>
      request('govreport/readSource', {
        uri: `govreport-source:/reports/${name}.govreport`,
        source: `vscode-vfs://github/reports/${name}`,
        name,
        data: readFileSync(join(fixturesDir, folder, name)).toString('base64'),
      }) as Promise<ReadSourceResult>;
    const page = await read('published', '平潭综合实验区_2020.html');
    assert.ok(page.ok && page.kind === 'html');
    assert.match(page.text, /^\| [ \u3000]+\| （七）总计[ \u3000]+\| [ \u3000]+\| 20[ \u3000]/m);
    const docx = await read('published', '政务公开年报模版_2021格式.docx');
    assert.ok(docx.ok && docx.kind === 'docx');
    const doc = await read('readers', '平潭综合实验区_2020.doc');
    assert.ok(doc.ok && doc.kind === 'doc');
    assert.deepEqual(await read('published', '淮安市洪泽区人民政府_2023.pdf'), {
      ok: false,
      reason: 'needs-desktop',
      message: '读取 PDF 需要桌面版 VS Code，网页版暂不支持',
    });
  });
});
