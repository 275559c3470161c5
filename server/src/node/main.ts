/**
 * The language server's Node entry point: `node dist/server.js --stdio` for any LSP client,
 * `--node-ipc` when VS Code starts it.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { connectionOptions } from '../lsp/connection-options';
import { startServer } from '../lsp/server';
import { dirname, sep } from 'node:path';
import type { ConfigFile } from '../config/config';
import { findConfigFile } from './config-file';
import { localPath } from './local-path';
import { createNodeWorkspaceIndex } from './workspace-index';
import { createNodeWorkspaceFiles } from './workspace-files';

/** The configuration file of each folder, looked up once (not on every keystroke) until one changes on disk. */
const configFiles = new Map<string, ConfigFile | undefined>();

startServer(createConnection(ProposedFeatures.all, connectionOptions), {
  workspaceIndex: createNodeWorkspaceIndex,
  configFile: (uri, workspaceFolders) => {
    const path = localPath(uri);
    if (path === undefined) return undefined;
    const folder = dirname(path);
    if (!configFiles.has(folder)) configFiles.set(folder, findConfigFile(folder, workspaceFolderOf(folder, workspaceFolders)));
    return configFiles.get(folder);
  },
  configFilesChanged: () => configFiles.clear(),
  // The readers are their own bundle (pdf.js is most of it), loaded when the first source is opened.
  convertSource: async (bytes, name, form) => (await import('../readers')).convertSource(bytes, name, form),
  // The export to Word likewise (the docx library), loaded on the first export.
  exportDocx: async (report) => (await import('../publish')).exportDocx(report),
  workspaceFiles: createNodeWorkspaceFiles(),
});

/** The innermost workspace folder holding `folder` (the lookup of `.govreportrc.json` stops there), if any. */
function workspaceFolderOf(folder: string, workspaceFolders: readonly string[]): string | undefined {
  return workspaceFolders
    .map(localPath)
    .filter((root): root is string => root !== undefined && (folder === root || folder.startsWith(root.endsWith(sep) ? root : root + sep)))
    .reduce<string | undefined>((innermost, root) => (innermost === undefined || root.length > innermost.length ? root : innermost), undefined);
}
