/**
 * The 「年度报告」 view in the Explorer: the workspace's reports by organ and year, each with its
 * problem counts (an open report's as the editor checks it, the others' as on disk); a click opens
 * one. The language server lists them (govreport/reports) and says when the list may have changed.
 * The view shows once the workspace is found to hold a report.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { looksLikeReport } from '../../server/src/engine/detect';
import { REPORTS, REPORTS_CHANGED, type FindingCounts, type ListedReport, type ReportGroup } from '../../server/src/lsp/protocol';

export const REPORTS_VIEW = 'govreport.reports';
export const REFRESH_REPORTS_COMMAND = 'govreport.refreshReports';
/** Set once the workspace holds a report: the view then stays, saying so when its list empties. */
const SHOW_VIEW = 'govreport.showReportsView';
/** The files the server indexes, looked into at startup for a report (the first 8 KB of each, as UTF-8). */
const CANDIDATES = '**/*.{txt,md,markdown,govreport}';
const MAX_CANDIDATES = 200;
const SAMPLE_BYTES = 8192;

/** `withOrgan`: the organ's only report, shown with its organ's name; `withFile`: one of several reports of its organ's year, told apart by its file's name. */
type Node = { kind: 'organ'; group: ReportGroup } | { kind: 'report'; report: ListedReport; withOrgan: boolean; withFile: boolean };

/** A tree item as the view shows it, for the end-to-end tests. */
export interface ShownReportItem {
  label: string;
  description: string | undefined;
  tooltip: string | undefined;
  icon: string | undefined;
  command: { command: string; arguments: string[] } | undefined;
  children: ShownReportItem[];
}

export interface ReportsViewApi {
  /** The view's tree, as it shows it now. */
  items(): ShownReportItem[];
  /** Fires each time the view has a new list. */
  readonly onDidUpdate: vscode.Event<void>;
}

/** `startedClient` is asked for only once the workspace holds a report, or the server runs anyway (`serverReady`). */
export function registerReportsView(
  context: vscode.ExtensionContext,
  startedClient: () => Promise<BaseLanguageClient>,
  serverReady: Promise<void>,
): ReportsViewApi {
  let groups: ReportGroup[] = [];
  let client: BaseLanguageClient | undefined;
  const changed = new vscode.EventEmitter<Node | undefined>();
  const updated = new vscode.EventEmitter<void>();

  /** Refreshes under way: only the last one asked for shows its list (answers may come out of order). */
  let asked = 0;
  const refresh = async () => {
    if (!client) return;
    const ask = ++asked;
    try {
      const answer = await client.sendRequest<ReportGroup[]>(REPORTS);
      if (ask !== asked) return;
      groups = answer;
    } catch (error) {
      client.error('Listing the reports of the workspace failed.', error);
      return;
    }
    if (groups.length > 0) void vscode.commands.executeCommand('setContext', SHOW_VIEW, true);
    changed.fire(undefined);
    updated.fire();
  };
  const connect = (c: BaseLanguageClient) => {
    if (!client) context.subscriptions.push(c.onNotification(REPORTS_CHANGED, () => void refresh()));
    client = c;
    return refresh();
  };

  const childrenOf = (node: Node | undefined): Node[] => (node?.kind === 'organ' ? yearsOf(node.group) : node ? [] : topLevel(groups));
  const treeItemOf = (node: Node): vscode.TreeItem => (node.kind === 'organ' ? organItem(node.group) : reportItem(node));
  const shownTree = (nodes: Node[]): ShownReportItem[] => nodes.map((node) => shownItem(treeItemOf(node), shownTree(childrenOf(node))));
  const provider: vscode.TreeDataProvider<Node> = { onDidChangeTreeData: changed.event, getChildren: childrenOf, getTreeItem: treeItemOf };
  const view = vscode.window.createTreeView(REPORTS_VIEW, { treeDataProvider: provider, showCollapseAll: true });
  context.subscriptions.push(
    view,
    changed,
    updated,
    vscode.commands.registerCommand(REFRESH_REPORTS_COMMAND, async () => connect(await startedClient())),
  );

  void serverReady.then(startedClient).then(connect);
  void workspaceHasReport().then(async (found) => found && connect(await startedClient()));

  return { items: () => shownTree(topLevel(groups)), onDidUpdate: updated.event };
}

/** An organ with one report is one item (平潭综合实验区 · 2023年); one with several, a folder of its years. */
function topLevel(groups: readonly ReportGroup[]): Node[] {
  return groups.map((group) =>
    group.reports.length === 1 ? { kind: 'report', report: group.reports[0], withOrgan: true, withFile: false } : { kind: 'organ', group },
  );
}

function yearsOf(group: ReportGroup): Node[] {
  return group.reports.map((report) => ({
    kind: 'report',
    report,
    withOrgan: false,
    withFile: group.reports.some((other) => other !== report && other.year === report.year),
  }));
}

function organItem(group: ReportGroup): vscode.TreeItem {
  const item = new vscode.TreeItem(group.organ, vscode.TreeItemCollapsibleState.Expanded);
  item.id = `organ:${group.organ}`;
  const total = group.reports.reduce((sum, r) => ({ errors: sum.errors + r.errors, warnings: sum.warnings + r.warnings, others: sum.others + r.others }), {
    errors: 0,
    warnings: 0,
    others: 0,
  });
  item.description = countsText(total);
  item.iconPath = new vscode.ThemeIcon('organization');
  item.contextValue = 'govreport.organ';
  return item;
}

function reportItem({ report, withOrgan, withFile }: Extract<Node, { kind: 'report' }>): vscode.TreeItem {
  const uri = vscode.Uri.parse(report.uri);
  const year = vscode.l10n.t({ message: '{0}', args: [report.year], comment: 'a report year' });
  const label = [withOrgan ? report.organ : '', year, withFile ? uri.path.slice(uri.path.lastIndexOf('/') + 1) : ''].filter(Boolean).join(' · ');
  const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
  item.id = report.uri;
  item.description = countsText(report);
  item.tooltip = [vscode.workspace.asRelativePath(uri), report.formatName, countsText(report)].join('\n');
  item.iconPath = severityIcon(report);
  item.command = { title: vscode.l10n.t('Open'), command: 'vscode.open', arguments: [uri] };
  item.contextValue = 'govreport.report';
  return item;
}

/** 「2 个错误 · 1 个警告」, the other findings only when there is nothing worse, or 「无问题」. */
function countsText({ errors, warnings, others }: FindingCounts): string {
  const parts = [
    errors === 1 ? vscode.l10n.t('1 error') : errors > 1 ? vscode.l10n.t('{0} errors', errors) : '',
    warnings === 1 ? vscode.l10n.t('1 warning') : warnings > 1 ? vscode.l10n.t('{0} warnings', warnings) : '',
  ].filter(Boolean);
  if (parts.length > 0) return parts.join(' · ');
  if (others > 0) return others === 1 ? vscode.l10n.t('1 other finding') : vscode.l10n.t('{0} other findings', others);
  return vscode.l10n.t('no problems');
}

function severityIcon({ errors, warnings, others }: FindingCounts): vscode.ThemeIcon {
  if (errors > 0) return new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
  if (warnings > 0) return new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
  if (others > 0) return new vscode.ThemeIcon('info', new vscode.ThemeColor('problemsInfoIcon.foreground'));
  return new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
}

function shownItem(item: vscode.TreeItem, children: ShownReportItem[]): ShownReportItem {
  const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
  return {
    label,
    description: typeof item.description === 'string' ? item.description : undefined,
    tooltip: typeof item.tooltip === 'string' ? item.tooltip : undefined,
    icon: item.iconPath instanceof vscode.ThemeIcon ? item.iconPath.id : undefined,
    command: item.command && { command: item.command.command, arguments: (item.command.arguments ?? []).map(String) },
    children,
  };
}

/** Whether a text file of the workspace reads as a report (by its first bytes, as UTF-8): the server is then started to list them. */
async function workspaceHasReport(): Promise<boolean> {
  if (!vscode.workspace.workspaceFolders?.length) return false;
  const files = await vscode.workspace.findFiles(CANDIDATES, '**/node_modules/**', MAX_CANDIDATES);
  const decoder = new TextDecoder();
  for (const file of files) {
    try {
      const bytes = await vscode.workspace.fs.readFile(file);
      if (looksLikeReport(decoder.decode(bytes.subarray(0, SAMPLE_BYTES)))) return true;
    } catch {
      // A file gone or unreadable since it was listed: not a report to show.
    }
  }
  return false;
}
