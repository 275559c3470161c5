/** The extension in desktop VS Code (and code-server): the language server runs in Node, over IPC. */
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';
import { activateWith, CLIENT_ID, CLIENT_NAME, type GovreportApi } from './activate';

export { deactivate, type GovreportApi } from './activate';

export function activate(context: vscode.ExtensionContext): GovreportApi {
  return activateWith(context, (ctx, options) => {
    const module = ctx.asAbsolutePath('dist/server.js');
    return new LanguageClient(
      CLIENT_ID,
      CLIENT_NAME,
      {
        run: { module, transport: TransportKind.ipc },
        debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
      },
      options,
    );
  });
}
