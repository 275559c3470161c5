/**
 * The language server's Node entry point: `node dist/server.js --stdio` for any LSP client,
 * `--node-ipc` when VS Code starts it.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../lsp/server';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findConfigFile } from './config-file';
import { createNodeWorkspaceIndex } from './workspace-index';

startServer(createConnection(ProposedFeatures.all), {
  workspaceIndex: createNodeWorkspaceIndex,
  configFile: (uri) => (uri.startsWith('file:') ? findConfigFile(dirname(fileURLToPath(uri))) : undefined),
});
