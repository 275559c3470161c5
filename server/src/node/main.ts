/**
 * The language server's Node entry point: `node dist/server.js --stdio` for any LSP client,
 * `--node-ipc` when VS Code starts it.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../lsp/server';
import { createNodeWorkspaceIndex } from './workspace-index';

startServer(createConnection(ProposedFeatures.all), { workspaceIndex: createNodeWorkspaceIndex });
