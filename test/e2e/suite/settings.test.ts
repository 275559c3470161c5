import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import type { GovreportApi } from '../../../client/src/extension';
import { languageServers } from './processes';
import { poll, ruleOf, withTimeout } from './wait';

suite('settings read before the first diagnostics', () => {
  let serverModule: string;
  const govreport = () => vscode.workspace.getConfiguration('govreport');

  suiteSetup(async () => {
    const extension = vscode.extensions.getExtension<GovreportApi>('govreport.govreport')!;
    serverModule = path.join(extension.extensionPath, 'dist', 'server.js');
    await withTimeout((await extension.activate()).serverReady(), 'the language server to start');
    await govreport().update('rules', { 'part.missing': 'off' }, vscode.ConfigurationTarget.Global);
  });
  suiteTeardown(() => govreport().update('rules', undefined, vscode.ConfigurationTarget.Global));

  test('with govreport.rules turning part.missing off, a server that starts with the report open never shows part.missing', async () => {
    const folder = vscode.workspace.workspaceFolders![0];
    // A report no other suite edits, with a part missing (its findings: part.title, report.format-mismatch, part.missing).
    const uri = vscode.Uri.joinPath(folder.uri, 'rules', '2019-with-2021-rows.txt');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const codes = () => vscode.languages.getDiagnostics(uri).map(ruleOf);
    await poll(
      () => (codes().includes('report.format-mismatch') && !codes().includes('part.missing') ? true : undefined),
      'the running server to apply the setting',
    );

    const [server, ...others] = languageServers(serverModule);
    assert.ok(server, `no process running ${serverModule} below the extension host (pid ${process.pid})`);
    assert.deepEqual(others, [], 'one language server');
    // Every set of diagnostics the report gets from the moment the server is killed: cleared, then the new server's.
    const seen: (string | undefined)[][] = [];
    const watch = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) seen.push(codes());
    });
    try {
      process.kill(server, 'SIGKILL');
      await poll(() => {
        const now = languageServers(serverModule);
        return now.length === 1 && now[0] !== server ? true : undefined;
      }, 'a new language server process');
      await poll(() => (seen.some((c) => c.length === 0) && codes().includes('report.format-mismatch') ? true : undefined), 'the new server’s diagnostics');
      assert.deepEqual(
        seen.filter((c) => c.includes('part.missing')),
        [],
        'a set of diagnostics showed part.missing',
      );
    } finally {
      watch.dispose();
    }
  });
});
