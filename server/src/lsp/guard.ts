/**
 * Wraps request handlers so that an internal error is logged and answered with an empty
 * result: a bug in one check must never take an editor feature down with an exception.
 */
export function guardWith(log: { error(message: string): void }) {
  return <P, R>(name: string, fallback: R, handler: (params: P) => R | Promise<R>) =>
    async (params: P): Promise<R> => {
      try {
        return await handler(params);
      } catch (error) {
        log.error(`govreport: ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        return fallback;
      }
    };
}
