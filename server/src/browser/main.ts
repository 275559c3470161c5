/**
 * The language server's browser entry point (vscode.dev, github.dev): it runs in a web worker.
 * Without a file system there is no workspace index and no `.govreportrc.json`: the settings apply.
 * Web pages and Word files are read here too, by readers.js beside this file, loaded when the first
 * one is opened; PDF files need the desktop.
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { connectionOptions } from '../lsp/connection-options';
import { startServer } from '../lsp/server';
import type { ConvertSource } from '../lsp/sources';

declare const self: ConstructorParameters<typeof BrowserMessageReader>[0] & {
  location: { href: string };
  importScripts(url: string): void;
  /** Set by readers.js (an iife with this global name). */
  govreportReaders?: { convertSource: ConvertSource };
};

const convertSource: ConvertSource = (bytes, name, form) => {
  if (!self.govreportReaders) self.importScripts(new URL('readers.js', self.location.href).href);
  return self.govreportReaders!.convertSource(bytes, name, form);
};

startServer(createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self), connectionOptions), { convertSource });
