import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import * as z from 'zod/mini';

/** The client's params don't have the shape a handler reads: answered with an InvalidParams error, never run. */
export class InvalidParams extends Error {}

/** A handler that reads its params only once they parse with `schema`; otherwise it throws InvalidParams (for the guard to answer). */
export function parsed<S extends z.ZodMiniType, R>(schema: S, handler: (params: z.infer<S>) => R): (params: unknown) => R {
  return (params) => {
    const result = schema.safeParse(params);
    if (!result.success) throw new InvalidParams(describeIssues(result.error.issues));
    return handler(result.data);
  };
}

/** What is wrong with params, in one line: `textDocument.uri: expected string; …`. */
function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const what = (issue: z.core.$ZodIssue) =>
    issue.code === 'invalid_type' ? `expected ${issue.expected}` : issue.code === 'invalid_value' ? `expected one of ${issue.values.join(', ')}` : issue.code;
  return issues.map((issue) => `${issue.path.join('.') || 'params'}: ${what(issue)}`).join('; ');
}

/**
 * Wraps request handlers so that an internal error is logged and answered with an empty
 * result: a bug in one check must never take an editor feature down with an exception.
 * Malformed params (InvalidParams) are logged and answered with an InvalidParams error.
 */
export function guardWith(log: { error(message: string): void }) {
  return <P, R>(name: string, fallback: R, handler: (params: P) => R | Promise<R>) =>
    async (params: P): Promise<R | ResponseError<never>> => {
      try {
        return await handler(params);
      } catch (error) {
        if (error instanceof InvalidParams) {
          log.error(`govreport: ${name}: invalid params: ${error.message}`);
          return new ResponseError<never>(ErrorCodes.InvalidParams, `${name}: ${error.message}`);
        }
        log.error(`govreport: ${name} failed: ${errorText(error)}`);
        return fallback;
      }
    };
}

/** An exception as the log shows it: its stack when it has one. */
export function errorText(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
