import * as assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import type { GovreportApi } from '../../../client/src/extension';
import type { ShownStatus } from '../../../client/src/status';
import { fixturePath, poll } from './wait';

// The status bar item's text cannot be read through VS Code's API: the extension's API gives what
// its two items show, read from the items themselves.

const NOT_A_REPORT = 'Not an annual report';
const CHECKING = 'Checking the report…';

suite('the status of the report on screen', () => {
  let api: GovreportApi;
  let folder: vscode.Uri;

  /** A copy of a rule fixture as the repository holds it (other suites edit and save the workspace's copies). */
  const copyOf = (fixture: string, name: string) => {
    const uri = vscode.Uri.joinPath(folder, name);
    copyFileSync(fixturePath('rules', fixture), uri.fsPath);
    return uri;
  };
  /** Shows the document and records what the items show from then on, until the report's check is in. */
  const showAndWatch = async (uri: vscode.Uri) => {
    const seen: ShownStatus[] = [];
    const watch = api.status.onDidUpdate((s) => seen.push(s));
    try {
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      const checked = await poll(() => {
        const now = api.status.shown();
        return now.statusBar.visible && !now.statusBar.text.includes(CHECKING) ? now : undefined;
      }, `the check of ${uri.path} in the status bar`);
      return { seen, checked };
    } finally {
      watch.dispose();
    }
  };
  const counts = (uri: vscode.Uri) => {
    const diagnostics = vscode.languages.getDiagnostics(uri);
    const of = (severity: vscode.DiagnosticSeverity) => diagnostics.filter((d) => d.severity === severity).length;
    return [of(vscode.DiagnosticSeverity.Error), of(vscode.DiagnosticSeverity.Warning)];
  };
  /** The time of day as the UI's locale writes it, of one of the seconds since `from`. */
  const timeSince = (from: number, text: string) => {
    for (let t = Math.floor(from / 1000) * 1000; t <= Date.now(); t += 1000) {
      const time = new Date(t).toLocaleTimeString(vscode.env.language);
      if (text.endsWith(time)) return time;
    }
    return undefined;
  };

  suiteSetup(async () => {
    api = await vscode.extensions.getExtension<GovreportApi>('govreport.govreport')!.activate();
    folder = vscode.workspace.workspaceFolders![0].uri;
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('a report with wrong totals: the status bar item gives its errors and warnings and its format, and opens the Problems panel', async () => {
    const started = Date.now();
    const uri = copyOf('2019-tsv-row-total.txt', 'status-row-total.txt');
    const { checked } = await showAndWatch(uri);
    // What the Problems panel lists for the report.
    await poll(() => (vscode.languages.getDiagnostics(uri).length > 0 ? true : undefined), 'the diagnostics of the report');
    assert.deepEqual(counts(uri), [3, 1]);
    assert.equal(checked.statusBar.text, '$(error) 3 $(warning) 1 · 2019 format');
    assert.equal(checked.statusBar.command, 'workbench.actions.view.problems');
    const [format, line, click] = checked.statusBar.tooltip!.split('\n');
    assert.equal(format, '2019 format (trial)');
    assert.match(line, /^Errors: 3, warnings: 1, other findings: 2 · checked at /);
    assert.ok(timeSince(started, line), `${line} ends with a time of the last seconds as ${vscode.env.language} writes it`);
    assert.equal(click, 'Click to show the Problems panel.');
    assert.equal(checked.language.text, '2019 format (trial)');
    assert.match(checked.language.detail!, /^6 problems \(3 errors\) · checked at /);
  });

  test('a Markdown report: “checking” until its first check is in, never “not an annual report”', async () => {
    const uri = copyOf('2019-markdown-column-total.md', 'status-report.md');
    const { seen, checked } = await showAndWatch(uri);
    assert.equal(vscode.window.activeTextEditor?.document.languageId, 'markdown');
    const onScreen = seen.filter((s) => s.document === uri.toString());
    assert.deepEqual(
      onScreen.filter((s) => !s.statusBar.visible || s.language.text === NOT_A_REPORT),
      [],
      'with the report on screen, the status bar item was hidden or the language status said it is not a report',
    );
    // Until its check is in, the report is said to be checked; the check may also be in before the editor shows it.
    const first = onScreen[0];
    if (first.language.busy) assert.deepEqual([first.statusBar.text, first.language.text], [`$(loading~spin) ${CHECKING}`, CHECKING]);
    else assert.equal(first.statusBar.text, checked.statusBar.text);
    assert.match(checked.statusBar.text, / · 2019 format$/);
    assert.equal(checked.language.busy, false);
  });

  test('with govreport.enable off, the status bar item says the report is not checked rather than that it has no problems', async () => {
    const uri = vscode.Uri.joinPath(folder, 'status-row-total.txt');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const govreport = () => vscode.workspace.getConfiguration('govreport');
    await govreport().update('enable', false, vscode.ConfigurationTarget.Global);
    try {
      const shown = await poll(() => {
        const now = api.status.shown();
        return now.statusBar.text.startsWith('$(circle-slash)') ? now : undefined;
      }, 'the status bar item to say the report is not checked');
      assert.equal(shown.statusBar.text, '$(circle-slash) 2019 format');
      assert.equal(
        shown.statusBar.tooltip,
        '2019 format (trial)\nNot checked: govreport.enable is off, or the report is larger than govreport.maxDocumentSize.',
      );
    } finally {
      await govreport().update('enable', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  test('beside a document that is not a report, the status bar item is hidden', async () => {
    const notes = await vscode.workspace.openTextDocument({ language: 'markdown', content: '# 会议纪要\n\n一、会议内容\n' });
    await vscode.window.showTextDocument(notes);
    const shown = await poll(() => (api.status.shown().statusBar.visible ? undefined : api.status.shown()), 'the status bar item to hide');
    // VS Code shows the language status item beside every Markdown document.
    assert.equal(shown.language.text, NOT_A_REPORT);
  });
});
