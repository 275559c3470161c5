import * as assert from 'node:assert/strict';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import type { GovreportApi } from '../../../client/src/extension';
import { seedOutlines, type ExpectedNode } from '../../support/seed-outlines';
import { until, withTimeout } from './wait';

const KINDS = new Map<vscode.SymbolKind, ExpectedNode['kind']>([
  [vscode.SymbolKind.File, 'title'],
  [vscode.SymbolKind.Package, 'appendix'],
  [vscode.SymbolKind.Struct, 'table'],
  [vscode.SymbolKind.String, 'section'],
]);

function outline(symbols: vscode.DocumentSymbol[]): ExpectedNode[] {
  return symbols.map((s) => ({
    kind: KINDS.get(s.kind) ?? 'section',
    name: s.name,
    start: s.range.start.line,
    end: s.range.end.line,
    children: outline(s.children),
  }));
}

suite('outline of the seed reports', () => {
  let api: GovreportApi;

  suiteSetup(async () => {
    const extension = vscode.extensions.getExtension<GovreportApi>('govreport.govreport');
    assert.ok(extension, 'the govreport extension is not installed');
    api = await extension.activate();
  });

  for (const [seed, expected] of Object.entries(seedOutlines)) {
    suite(seed, () => {
      let uri: vscode.Uri;

      suiteSetup(async () => {
        const folder = vscode.workspace.workspaceFolders?.[0];
        assert.ok(folder, 'no workspace folder is open');
        uri = vscode.Uri.joinPath(folder.uri, seed);
        await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      });

      test('the plain-text report switches to the govreport language', async () => {
        // The client switches the language by reopening the document under the new id: wait for any switch, then see which.
        const doc = await until(
          vscode.workspace.onDidOpenTextDocument,
          () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && d.languageId !== 'plaintext'),
          `${seed} to leave the plaintext language`,
        );
        assert.equal(doc.languageId, 'govreport');
        await withTimeout(api.serverReady(), 'the language server to start');
      });

      test('Outline: the title, the parts, their sub-sections and tables, with their ranges', async () => {
        const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
        assert.deepEqual(outline(symbols ?? []), expected);
      });

      test('folding: every part folds from its heading line to its last line', async () => {
        const ranges = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', uri);
        const folds = new Set((ranges ?? []).map((r) => `${r.start}-${r.end}`));
        for (const part of expected.filter((n) => n.kind === 'section' && n.end > n.start)) {
          assert.ok(folds.has(`${part.start}-${part.end}`), `${part.name} does not fold (${[...folds].join(', ')})`);
        }
      });
    });
  }
});
