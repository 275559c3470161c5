/**
 * 「汇总下级报告…」: the statutory tables of a folder's reports of one year summed by the language server
 * into a roll-up report, opened as a new untitled report (nothing is written until the user saves it).
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { ROLLUP, type RollupParams, type RollupResult } from '../../server/src/lsp/protocol';

export const ROLLUP_COMMAND = 'govreport.rollup';

/** For automation (other extensions, tests): what skips the questions; the folder as a URI or its string. */
interface RollupArgs {
  folder?: vscode.Uri | string;
  year?: number;
  organ?: string;
}

export function registerRollupCommand(context: vscode.ExtensionContext, client: () => Promise<LanguageClient>): void {
  context.subscriptions.push(
    // From the Explorer's context menu the folder clicked comes as the first argument.
    vscode.commands.registerCommand(ROLLUP_COMMAND, (args?: RollupArgs | vscode.Uri) => rollup(client, args instanceof vscode.Uri ? { folder: args } : args)),
  );
}

async function rollup(client: () => Promise<LanguageClient>, args: RollupArgs = {}): Promise<RollupResult | undefined> {
  const folder = args.folder === undefined ? await chooseFolder() : typeof args.folder === 'string' ? vscode.Uri.parse(args.folder) : args.folder;
  if (!folder) return undefined;
  const c = await client();
  const ask = (params: RollupParams) => c.sendRequest<RollupResult>(ROLLUP, params);
  const found = await ask({ folder: folder.toString() });
  if (!found.ok) return fail(found);
  if (found.years.length === 0) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('No report in {0} gives its year: there is nothing to roll up.', folder.path.slice(folder.path.lastIndexOf('/') + 1)),
    );
    return found;
  }
  const year = args.year ?? (await chooseYear(found.years));
  if (year === undefined) return undefined;
  const organ = args.organ ?? (await askOrgan(found.organ));
  if (!organ) return undefined;
  const answer = await ask({ folder: folder.toString(), year, organ });
  if (!answer.ok) return fail(answer);
  const made = answer.rollup!;
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'govreport', content: made.text }));
  const message = vscode.l10n.t(
    'Rolled up the {0} reports of {1} unit(s); {2} report(s) left out, {3} expected unit(s) with no report.',
    made.year,
    made.summed.length,
    made.leftOut.length,
    made.missing.length,
  );
  const details = [
    ...made.leftOut.map((l) => vscode.l10n.t('Left out {0}: {1}', l.name, l.reason)),
    ...(made.missing.length > 0 ? [vscode.l10n.t('No report from: {0}', made.missing.join('、'))] : []),
  ];
  if (details.length === 0) void vscode.window.showInformationMessage(message);
  else void vscode.window.showWarningMessage(message, { detail: details.join('\n') });
  return answer;
}

function fail(result: { message: string }): RollupResult {
  void vscode.window.showErrorMessage(result.message);
  return { ok: false, message: result.message };
}

async function chooseFolder(): Promise<vscode.Uri | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 1) return folders[0].uri;
  const chosen = await vscode.window.showOpenDialog({
    canSelectFolders: true,
    canSelectFiles: false,
    defaultUri: folders[0]?.uri,
    title: vscode.l10n.t('Roll up reports'),
    openLabel: vscode.l10n.t('Roll Up This Folder'),
  });
  return chosen?.[0];
}

async function chooseYear(years: readonly number[]): Promise<number | undefined> {
  const picked = await vscode.window.showQuickPick(
    years.map((year) => ({ label: String(year), year })),
    { title: vscode.l10n.t('Roll up reports'), placeHolder: vscode.l10n.t('Year reported on') },
  );
  return picked?.year;
}

async function askOrgan(suggested: string): Promise<string | undefined> {
  const organ = await vscode.window.showInputBox({
    title: vscode.l10n.t('Roll up reports'),
    prompt: vscode.l10n.t('Name of the organ making the roll-up'),
    value: suggested,
    validateInput: (value) => (value.trim() ? undefined : vscode.l10n.t('Enter the name of the organ')),
  });
  return organ?.trim() || undefined;
}
