import * as assert from 'node:assert/strict';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import type { GovreportApi } from '../../../client/src/extension';
import type { ShownReportItem } from '../../../client/src/reports-view';
import { poll, until, withTimeout } from './wait';

const FAULTY = 'rules/2019-tsv-row-total.txt';
const SEED = '000_cf77e8731c91250a.txt';
/** The only report of its organ in the workspace. */
const ALONE = '003_721881aa274abb1a.txt';

/** The tree's report items (those that open a file), wherever they are in it. */
const reportItems = (items: ShownReportItem[]): ShownReportItem[] => items.flatMap((item) => (item.command ? [item] : reportItems(item.children)));

/** What the view says of a report with these diagnostics. */
function countsText(diagnostics: readonly vscode.Diagnostic[]): string {
  const count = (severity: vscode.DiagnosticSeverity) => diagnostics.filter((d) => d.severity === severity).length;
  const plural = (n: number, what: string) => (n === 0 ? '' : `${n} ${what}${n === 1 ? '' : 's'}`);
  const errors = count(vscode.DiagnosticSeverity.Error);
  const warnings = count(vscode.DiagnosticSeverity.Warning);
  const others = diagnostics.length - errors - warnings;
  const worst = [plural(errors, 'error'), plural(warnings, 'warning')].filter(Boolean).join(' · ');
  return worst || plural(others, 'other finding') || 'no problems';
}

suite('the Reports view: the workspace’s reports by organ and year', () => {
  let api: GovreportApi;
  let folder: vscode.Uri;
  let items: ShownReportItem[];
  const itemOf = (name: string) => {
    const uri = vscode.Uri.joinPath(folder, name).toString();
    const item = reportItems(items).find((i) => i.command?.arguments[0] === uri);
    assert.ok(item, `${name} is not in the view: ${JSON.stringify(items, null, 1)}`);
    return item;
  };

  suiteSetup(async () => {
    api = await vscode.extensions.getExtension<GovreportApi>('govreport.govreport')!.activate();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    folder = vscode.workspace.workspaceFolders![0].uri;
    // No report is open: the view finds the workspace's reports by itself and starts the server to list them.
    await withTimeout(api.serverReady(), 'the language server to start');
    items = await until(api.reports.onDidUpdate, () => (api.reports.items().length > 0 ? api.reports.items() : undefined), 'the reports in the view');
  });

  /** Opens the report from its item, as a click does, and answers with its item and the diagnostics the editor then shows. */
  const openFromView = async (name: string) => {
    const item = itemOf(name);
    const uri = vscode.Uri.joinPath(folder, name);
    assert.equal(item.command?.command, 'vscode.open');
    await vscode.commands.executeCommand(item.command.command, vscode.Uri.parse(item.command.arguments[0]));
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
    const diagnostics = await poll(() => {
      const shown = vscode.languages.getDiagnostics(uri);
      return shown.length > 0 ? shown : undefined;
    }, `the diagnostics of ${name}`);
    return { item, diagnostics };
  };

  test('a click opens the report, whose diagnostics are those the view counted', async () => {
    assert.ok(reportItems(items).length >= 5, JSON.stringify(items, null, 1));
    const { item, diagnostics } = await openFromView(FAULTY);
    assert.equal(item.icon, 'error');
    assert.match(item.tooltip ?? '', /^rules\/2019-tsv-row-total\.txt\n2019/);
    assert.equal(item.description, countsText(diagnostics));
  });

  test('reports are listed under their organ, years told apart by file name; an organ’s only report with its organ', async () => {
    const longde = items.find((i) => i.label === '隆德县联财镇');
    const fixtures = [
      '000_cf77e8731c91250a.txt',
      '2019-markdown-column-total.md',
      '2019-tsv-column-total.txt',
      FAULTY.slice('rules/'.length),
      '2019-with-2021-rows.txt',
    ].map((file) => `2019 · ${file}`);
    // Other suites add copies of these reports to the workspace (a GB18030 copy, a renamed one): the fixtures are listed in order among them.
    assert.deepEqual(
      longde?.children.map((c) => c.label).filter((label) => fixtures.includes(label)),
      fixtures,
    );
    // Its reports' problems added up: those with errors have warnings too.
    assert.match(longde.description ?? '', /^\d+ errors · \d+ warnings?$/);
    // Other suites edit this seed on disk and put it back: the view catches up with the file as it is.
    const { diagnostics } = await openFromView(SEED);
    const seed = vscode.Uri.joinPath(folder, SEED).toString();
    await until(
      api.reports.onDidUpdate,
      () => (reportItems(api.reports.items()).find((i) => i.command?.arguments[0] === seed)?.description === countsText(diagnostics) ? true : undefined),
      `the view to count ${SEED} as the Problems panel does`,
    );
    // Its organ's only report stands at the top level, with its organ (once any copy another suite made is gone).
    const uri = vscode.Uri.joinPath(folder, ALONE).toString();
    const alone = await until(
      api.reports.onDidUpdate,
      () => api.reports.items().find((i) => i.command?.arguments[0] === uri),
      `${ALONE} at the top level of the view`,
    );
    assert.equal(alone.label, '柴河镇人民政府 · 2019');
  });

  test('an open report’s counts follow its edits, unsaved', async () => {
    const { diagnostics } = await openFromView(ALONE);
    assert.equal(diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length, 0);
    const editor = vscode.window.activeTextEditor!;
    // （七）总计's 自然人: 5 where the rows above add up to 0.
    assert.equal(editor.document.lineAt(71).text.slice(0, 9), '\t(七) 总计\t0');
    await editor.edit((edit) => edit.replace(new vscode.Range(71, 8, 71, 9), '5'));
    try {
      const shown = await until(
        api.reports.onDidUpdate,
        () => {
          const now = vscode.languages.getDiagnostics(editor.document.uri);
          const item = reportItems(api.reports.items()).find((i) => i.command?.arguments[0] === editor.document.uri.toString());
          return now.some((d) => d.severity === vscode.DiagnosticSeverity.Error) && item?.description === countsText(now) ? item : undefined;
        },
        'the view to count the error typed in',
      );
      assert.equal(shown.icon, 'error');
      assert.equal(editor.document.isDirty, true);
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });
});
