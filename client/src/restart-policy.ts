/**
 * What to do when the language server stops unexpectedly: restart it and tell the user, unless it has
 * stopped too often lately — then leave it stopped and say so. Pure (no `vscode`): the clock and the
 * two (localized) messages come in as parameters, so the decision is unit-tested.
 */
export interface RestartPolicyOptions {
  /** The current time in milliseconds (Date.now in the extension). */
  now: () => number;
  /** Shown on each restart. */
  restartMessage: string;
  /** Shown when the server is not restarted any more. */
  giveUpMessage: string;
  /** This many stops within `windowMs` (the latest included) and the server is not restarted. Default 5. */
  maxStops?: number;
  /** Default 3 minutes. */
  windowMs?: number;
}

export interface RestartDecision {
  restart: boolean;
  message: string;
}

export const MAX_STOPS = 5;
export const STOP_WINDOW_MS = 3 * 60_000;

/** Returns the function to call on each unexpected stop; it remembers the earlier stops. */
export function restartPolicy(options: RestartPolicyOptions): () => RestartDecision {
  const maxStops = options.maxStops ?? MAX_STOPS;
  const windowMs = options.windowMs ?? STOP_WINDOW_MS;
  const stops: number[] = [];
  return () => {
    const now = options.now();
    stops.push(now);
    while (stops.length > 0 && now - stops[0] > windowMs) stops.shift();
    return stops.length >= maxStops ? { restart: false, message: options.giveUpMessage } : { restart: true, message: options.restartMessage };
  };
}
