/**
 * The language server's Node entry point: `node dist/server.js --stdio` for any LSP client,
 * `--node-ipc` when VS Code starts it.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../lsp/server';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ConfigFile } from '../config/config';
import { findConfigFile } from './config-file';
import { createNodeWorkspaceIndex } from './workspace-index';

/** The configuration file of each folder, looked up once (not on every keystroke) until one changes on disk. */
const configFiles = new Map<string, ConfigFile | undefined>();

startServer(createConnection(ProposedFeatures.all), {
  workspaceIndex: createNodeWorkspaceIndex,
  configFile: (uri) => {
    if (!uri.startsWith('file:')) return undefined;
    const folder = dirname(fileURLToPath(uri));
    if (!configFiles.has(folder)) configFiles.set(folder, findConfigFile(folder));
    return configFiles.get(folder);
  },
  configFilesChanged: () => configFiles.clear(),
  // The readers are their own bundle (pdf.js is most of it), loaded when the first source is opened.
  convertSource: async (bytes, name, form) => (await import('../readers')).convertSource(bytes, name, form),
});
