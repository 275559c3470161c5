import * as assert from 'node:assert/strict';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';

suite('the manifest and the client agree', () => {
  suiteSetup(async () => {
    await vscode.extensions.getExtension('govreport.govreport')!.activate();
  });

  test('every command the manifest contributes is registered once the extension is active', async () => {
    const contributed = (vscode.extensions.getExtension('govreport.govreport')!.packageJSON.contributes.commands as { command: string }[]).map(
      (c) => c.command,
    );
    assert.ok(contributed.length >= 8, 'the manifest lists the commands');
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(
      contributed.filter((c) => !registered.has(c)),
      [],
    );
  });
});
