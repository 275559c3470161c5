/**
 * The language server's browser entry point (vscode.dev, github.dev): it runs in a web worker.
 * Without a file system there is no workspace index and no `.govreportrc.json`: the settings apply.
 * Web pages and Word files are read here too; PDF files need the desktop.
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { startServer } from '../lsp/server';
import { convertSource } from '../readers/browser';

declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

startServer(createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self)), { convertSource });
