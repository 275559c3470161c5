import * as assert from 'node:assert/strict';
import { suite, suiteSetup, teardown, test } from 'mocha';
import * as vscode from 'vscode';
import type { GovreportApi } from '../../../client/src/extension';
import { poll, ruleOf, until, withTimeout } from './wait';

const chinese = vscode.env.language.toLowerCase().startsWith('zh');

/** What the command asked through VS Code's dialogs, which a test cannot click. */
interface Asked {
  warnings: { message: string; options: vscode.MessageOptions; items: string[] }[];
  saveDialogs: vscode.SaveDialogOptions[];
  informations: string[];
}

/**
 * Answers the command's dialogs in place of the user: the modal warning with `confirm` (an item's
 * title, or undefined for Cancel), the save dialog with `target` (undefined for Cancel). The
 * extension and its tests share one `vscode` API object, so the command calls these.
 */
function answerDialogs(confirm: string | undefined, target: (defaultUri: vscode.Uri | undefined) => vscode.Uri | undefined): Asked {
  const asked: Asked = { warnings: [], saveDialogs: [], informations: [] };
  const window = vscode.window as { -readonly [K in keyof typeof vscode.window]: (typeof vscode.window)[K] };
  window.showWarningMessage = (async (message: string, options: vscode.MessageOptions, ...items: string[]) => {
    asked.warnings.push({ message, options, items });
    return items.find((item) => item === confirm);
  }) as typeof vscode.window.showWarningMessage;
  window.showSaveDialog = async (options) => {
    asked.saveDialogs.push(options ?? {});
    return target(options?.defaultUri);
  };
  window.showInformationMessage = (async (message: string) => {
    asked.informations.push(message);
    return undefined;
  }) as typeof vscode.window.showInformationMessage;
  return asked;
}

const { showWarningMessage, showSaveDialog, showInformationMessage } = vscode.window;

async function exists(uri: vscode.Uri): Promise<boolean> {
  return vscode.workspace.fs.stat(uri).then(
    () => true,
    () => false,
  );
}

suite('export to Word', () => {
  let folder: vscode.Uri;
  suiteSetup(async () => {
    await vscode.extensions.getExtension<GovreportApi>('govreport.govreport')!.activate();
    folder = vscode.workspace.workspaceFolders![0].uri;
  });
  teardown(async () => {
    Object.assign(vscode.window, { showWarningMessage, showSaveDialog, showInformationMessage });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  /** Opens a workspace report and waits for its findings. */
  async function openReport(name: string, errors: number): Promise<vscode.Uri> {
    const uri = vscode.Uri.joinPath(folder, name);
    const { document } = await vscode.window.showTextDocument(uri);
    await poll(() => (document.languageId === 'govreport' ? true : undefined), `${name} to be read as a report`);
    const api = await vscode.extensions.getExtension<GovreportApi>('govreport.govreport')!.activate();
    await withTimeout(api.serverReady(), 'the language server to start');
    await until(
      vscode.languages.onDidChangeDiagnostics,
      () => (vscode.languages.getDiagnostics(uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length === errors ? true : undefined),
      `${errors} error(s) on ${name}`,
    );
    return uri;
  }

  // seeds/004: table 三 lacks its last rows, part 四 is missing (2 errors).
  test('a report with errors: the confirmation lists them; cancelled, nothing is written; confirmed, NAME.docx where the save dialog says', async () => {
    const uri = await openReport('004_5af3a546c32e05da.txt', 2);
    const errors = vscode.languages.getDiagnostics(uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
    const listed = errors.map((d) =>
      chinese ? `第 ${d.range.start.line + 1} 行：${d.message}（${ruleOf(d)}）` : `line ${d.range.start.line + 1}: ${d.message} (${ruleOf(d)})`,
    );
    const beside = vscode.Uri.joinPath(folder, '004_5af3a546c32e05da.docx');
    const anyway = chinese ? '仍然导出' : 'Export Anyway';

    const cancelled = answerDialogs(undefined, (defaultUri) => defaultUri);
    await vscode.commands.executeCommand('govreport.exportWord');
    assert.deepEqual(cancelled.warnings, [
      {
        message: chinese ? '报告有 2 个错误，仍然导出为 Word 吗？' : 'The report has 2 error(s). Export it to Word anyway?',
        options: { modal: true, detail: listed.join('\n') },
        items: [anyway],
      },
    ]);
    assert.deepEqual(cancelled.saveDialogs, [], 'no save dialog once cancelled');
    assert.equal(await exists(beside), false);

    const target = vscode.Uri.joinPath(folder, 'export', '导出.docx');
    const confirmed = answerDialogs(anyway, () => target);
    await vscode.commands.executeCommand('govreport.exportWord');
    assert.equal(confirmed.warnings.length, 1);
    assert.equal(confirmed.saveDialogs[0].defaultUri?.toString(), beside.toString(), 'offered NAME.docx beside the report');
    const written = await vscode.workspace.fs.readFile(target);
    assert.equal(Buffer.from(written.subarray(0, 2)).toString('latin1'), 'PK', 'a zip (.docx)');
    assert.deepEqual(confirmed.informations, [chinese ? '已导出到 导出.docx。' : 'Exported to 导出.docx.']);
    assert.equal(await exists(beside), false, 'written only where the save dialog said');
  });

  test('a report without errors: no confirmation, the save dialog offers NAME.docx beside it', async () => {
    await openReport('001_6ba39ebe6f690d1f.txt', 0);
    const asked = answerDialogs(undefined, (defaultUri) => defaultUri);
    await vscode.commands.executeCommand('govreport.exportWord');
    assert.deepEqual(asked.warnings, []);
    const beside = vscode.Uri.joinPath(folder, '001_6ba39ebe6f690d1f.docx');
    assert.equal(asked.saveDialogs[0].defaultUri?.toString(), beside.toString());
    const written = await vscode.workspace.fs.readFile(beside);
    assert.equal(Buffer.from(written.subarray(0, 2)).toString('latin1'), 'PK');
    await vscode.workspace.fs.delete(beside);
  });
});
