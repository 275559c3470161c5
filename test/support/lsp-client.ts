import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection } from 'vscode-languageserver-protocol/node';
import {
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  ShutdownRequest,
  MessageType,
  type InitializeResult,
  type LogMessageParams,
} from 'vscode-languageserver-protocol';
import type { ServerOptions } from '../../server/src/lsp/server';

export const serverPath = join(__dirname, '..', '..', 'dist', 'server.js');

/** VS Code's capability (vscode-languageclient): a code action's edit is resolved when the action is picked. */
export const resolvesEdits = { textDocument: { codeAction: { resolveSupport: { properties: ['edit'] } } } };

export interface StartOptions {
  /** What the client answers `workspace/configuration` with, from the first request on (the `govreport` section). */
  settings?: unknown;
}

/** The bundled server started as an editor would: `node dist/server.js --stdio`. */
/** What the server logs, rightly, for params of the wrong shape: a test sending such params expects these. */
export const MALFORMED_PARAMS_ERRORS = [
  /^govreport: [\w/]+: invalid params: /,
  // vscode-jsonrpc refuses a notification whose params are not an object…
  /^Notification [\w/$]+ defines parameters by name but received parameters by position$/,
  // …and vscode-languageserver's own $/setTrace handler reads `params.value` of null params.
  /^Notification handler '\$\/setTrace' failed with message: Cannot read properties of null \(reading 'value'\)$/,
];

export class LspClient {
  readonly connection: ProtocolConnection;
  readonly stderr: string[] = [];
  readonly logs: string[] = [];
  /** The errors the server logged: a failed handler is answered empty, so only its log tells a test it failed. */
  readonly errors: string[] = [];
  /** The errors a test provokes on purpose (expectErrors): every other one fails `stop`. */
  readonly #expectedErrors: RegExp[] = [];
  /** What the server showed the user (window/showMessage and window/showMessageRequest). */
  readonly shown: string[] = [];
  /** Ends the server: the process's exit code, or null for an in-process server. */
  readonly #end: () => Promise<number | null>;
  readonly #awaitedLogs: { pattern: RegExp; resolve: (message: string) => void }[] = [];
  /** The process id `initialize` gives the server, which then watches it (every 3 s): none for a server in this process. */
  readonly #parentProcess: number | null;

  private constructor(
    output: NodeJS.ReadableStream,
    input: NodeJS.WritableStream,
    end: (client: LspClient) => Promise<number | null>,
    parentProcess: number | null,
  ) {
    this.connection = createProtocolConnection(new StreamMessageReader(output), new StreamMessageWriter(input));
    this.#end = () => end(this);
    this.#parentProcess = parentProcess;
    this.connection.onNotification('window/logMessage', (p: LogMessageParams) => {
      this.logs.push(p.message);
      if (p.type === MessageType.Error) this.errors.push(p.message);
      for (const awaited of this.#awaitedLogs) if (awaited.pattern.test(p.message)) awaited.resolve(p.message);
    });
    this.connection.onRequest('window/showMessageRequest', (p: { message: string }) => {
      this.shown.push(p.message);
      return null;
    });
    this.connection.onNotification('window/showMessage', (p: { message: string }) => {
      this.shown.push(p.message);
    });
    this.connection.listen();
  }

  /** `node dist/server.js --stdio`, not yet initialized. */
  static spawn(): LspClient {
    const proc = spawn(process.execPath, [serverPath, '--stdio'], { stdio: 'pipe' });
    const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
    const client = new LspClient(
      proc.stdout!,
      proc.stdin!,
      async (self) => {
        await self.connection.sendRequest(ShutdownRequest.type);
        await self.connection.sendNotification(ExitNotification.type);
        return exited;
      },
      process.pid,
    );
    proc.stderr!.on('data', (chunk) => client.stderr.push(String(chunk)));
    return client;
  }

  /**
   * startServer in this process, with options the bundled server does not take (a failing
   * configFile…); not yet initialized. It is never sent `exit`, which would end this process.
   */
  static async inProcess(options: ServerOptions): Promise<LspClient> {
    // Loaded here: the other tests run the bundled server only.
    const [{ createConnection, ProposedFeatures }, { connectionOptions }, { startServer }] = await Promise.all([
      import('vscode-languageserver/node'),
      import('../../server/src/lsp/connection-options'),
      import('../../server/src/lsp/server'),
    ]);
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    const server = createConnection(ProposedFeatures.all, new StreamMessageReader(toServer), new StreamMessageWriter(toClient), connectionOptions);
    startServer(server, options);
    return new LspClient(
      toClient,
      toServer,
      async (self) => {
        await self.connection.sendRequest(ShutdownRequest.type);
        server.dispose();
        return null;
      },
      null,
    );
  }

  static async start(
    capabilities: object = {},
    workspaceFolders: { uri: string; name: string }[] | null = null,
    options: StartOptions = {},
  ): Promise<{ client: LspClient; result: InitializeResult }> {
    const client = LspClient.spawn();
    return { client, result: await client.initialize(capabilities, workspaceFolders, options) };
  }

  /** `initialize` then `initialized`, as an editor does. */
  async initialize(capabilities: object = {}, workspaceFolders: { uri: string; name: string }[] | null = null, options: StartOptions = {}) {
    if ('settings' in options) this.connection.onRequest('workspace/configuration', () => [options.settings]);
    const result = await this.connection.sendRequest(InitializeRequest.type, {
      processId: this.#parentProcess,
      rootUri: null,
      capabilities,
      workspaceFolders,
      locale: 'zh-cn',
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    return result;
  }

  /** The first log message that matches, logged already or when it comes. */
  logged(pattern: RegExp): Promise<string> {
    const message = this.logs.find((l) => pattern.test(l));
    return message !== undefined ? Promise.resolve(message) : new Promise((resolve) => this.#awaitedLogs.push({ pattern, resolve }));
  }

  async open(uri: string, text: string, languageId = 'govreport', version = 1): Promise<void> {
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
  }

  /** Errors matching these the test provokes on purpose: `stop` does not fail on them. */
  expectErrors(...patterns: RegExp[]): void {
    this.#expectedErrors.push(...patterns);
  }

  /** Ends the server; fails if it logged an error the test did not expect (a handler that threw and was answered empty). */
  async stop(): Promise<number | null> {
    const code = await this.#end();
    this.connection.dispose();
    const unexpected = this.errors.filter((e) => !this.#expectedErrors.some((pattern) => pattern.test(e)));
    assert.deepEqual(unexpected, [], 'the server logged errors no test expected');
    return code;
  }
}
