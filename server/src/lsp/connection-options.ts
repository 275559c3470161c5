import { InitializeRequest, Message, type ConnectionOptions, type RequestMessage } from 'vscode-languageserver';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * An `initialize` request as vscode-languageserver can read it: params and capabilities that are not
 * objects become empty ones, and a process id that is not a process's is dropped. The library reads
 * them (`params.capabilities.workspace`, `process.kill(params.processId)`) before any handler of ours
 * can check them: a malformed one would answer an internal error, or stop the server 3 seconds later.
 */
function usableInitialize(request: RequestMessage): RequestMessage {
  const params = isObject(request.params) ? request.params : {};
  const processId = Number.isSafeInteger(params.processId) && (params.processId as number) > 0 ? params.processId : null;
  return { ...request, params: { ...params, processId, capabilities: isObject(params.capabilities) ? params.capabilities : {} } };
}

/** The options of the server's connection: every message passes here before the library dispatches it. */
export const connectionOptions: ConnectionOptions = {
  messageStrategy: {
    handleMessage: (message, next) => next(Message.isRequest(message) && message.method === InitializeRequest.method ? usableInitialize(message) : message),
  },
};
