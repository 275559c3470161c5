import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection } from 'vscode-languageserver-protocol/node';
import {
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  ShutdownRequest,
  type InitializeResult,
} from 'vscode-languageserver-protocol';

export const serverPath = join(__dirname, '..', '..', 'dist', 'server.js');

/** VS Code's capability (vscode-languageclient): a code action's edit is resolved when the action is picked. */
export const resolvesEdits = { textDocument: { codeAction: { resolveSupport: { properties: ['edit'] } } } };

/** The bundled server started as an editor would: `node dist/server.js --stdio`. */
export class LspClient {
  readonly connection: ProtocolConnection;
  readonly stderr: string[] = [];
  readonly logs: string[] = [];
  /** What the server showed the user (window/showMessage and window/showMessageRequest). */
  readonly shown: string[] = [];
  #process: ChildProcess;

  private constructor(proc: ChildProcess) {
    this.#process = proc;
    proc.stderr!.on('data', (chunk) => this.stderr.push(String(chunk)));
    this.connection = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    this.connection.onNotification('window/logMessage', (p: { message: string }) => {
      this.logs.push(p.message);
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

  static async start(
    capabilities: object = {},
    workspaceFolders: { uri: string; name: string }[] | null = null,
  ): Promise<{ client: LspClient; result: InitializeResult }> {
    const client = new LspClient(spawn(process.execPath, [serverPath, '--stdio'], { stdio: 'pipe' }));
    const result = await client.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities,
      workspaceFolders,
      locale: 'zh-cn',
    });
    await client.connection.sendNotification(InitializedNotification.type, {});
    return { client, result };
  }

  async open(uri: string, text: string, languageId = 'govreport', version = 1): Promise<void> {
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
  }

  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.#process.once('exit', (code) => resolve(code)));
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    const code = await exited;
    this.connection.dispose();
    return code;
  }
}
