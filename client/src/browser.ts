/** The extension in vscode.dev and github.dev: the language server runs in a web worker. */
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { activateWith, CLIENT_ID, CLIENT_NAME, type GovreportApi } from './activate';

export { deactivate, type GovreportApi } from './activate';

export function activate(context: vscode.ExtensionContext): GovreportApi {
  return activateWith(context, (ctx, options) => {
    const worker = new Worker(vscode.Uri.joinPath(ctx.extensionUri, 'dist/browser/server.js').toString(true));
    return new LanguageClient(CLIENT_ID, CLIENT_NAME, worker, options);
  });
}
