import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import type { GovreportApi } from '../../../client/src/extension';
import { languageServers } from './processes';
import { poll, ruleOf, until, withTimeout } from './wait';

suite('the language server, restarted after a crash', () => {
  let serverModule: string;

  suiteSetup(async () => {
    const extension = vscode.extensions.getExtension<GovreportApi>('govreport.govreport')!;
    serverModule = path.join(extension.extensionPath, 'dist', 'server.js');
    await withTimeout((await extension.activate()).serverReady(), 'the language server to start');
  });

  test('killed, the server is started again and the open report gets its diagnostics back', async () => {
    const folder = vscode.workspace.workspaceFolders![0];
    const editor = await vscode.window.showTextDocument(
      await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'rules', '2021-tsv-other-handling.txt')),
    );
    const uri = editor.document.uri;
    const sums = () =>
      vscode.languages
        .getDiagnostics(uri)
        .filter((d) => ruleOf(d) === 'table.sum-mismatch')
        .map((d) => `${d.range.start.line}:${d.range.start.character}`);
    await until(vscode.languages.onDidChangeDiagnostics, () => (sums().length === 2 ? true : undefined), 'the two sum-mismatch diagnostics');
    assert.deepEqual(sums(), ['63:6', '63:22']);

    const [server, ...others] = languageServers(serverModule);
    assert.ok(server, `no process running ${serverModule} below the extension host (pid ${process.pid})`);
    assert.deepEqual(others, [], 'one language server');
    // The diagnostics of a stopped server are cleared: seeing them go proves the ones that come back are new.
    let cleared = false;
    const watch = vscode.languages.onDidChangeDiagnostics(() => (cleared ||= vscode.languages.getDiagnostics(uri).length === 0));
    try {
      process.kill(server, 'SIGKILL');
      await poll(() => {
        const now = languageServers(serverModule);
        return now.length === 1 && now[0] !== server ? now[0] : undefined;
      }, 'a new language server process');
      await poll(() => (cleared && sums().length === 2 ? true : undefined), 'the diagnostics to be cleared and to come back');
      assert.deepEqual(sums(), ['63:6', '63:22']);
    } finally {
      watch.dispose();
    }
  });
});
