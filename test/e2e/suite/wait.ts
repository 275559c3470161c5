import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';

export const WAIT_MS = 20_000;

/** Resolves with check()'s first defined result, checking now and again whenever `event` fires. */
export function until<T>(event: vscode.Event<unknown>, check: () => T | undefined, what: string): Promise<T> {
  const now = check();
  if (now !== undefined) return Promise.resolve(now);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out after ${WAIT_MS} ms waiting for ${what}`));
    }, WAIT_MS);
    const sub = event(() => {
      const value = check();
      if (value === undefined) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(value);
    });
  });
}

export function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${WAIT_MS} ms waiting for ${what}`)), WAIT_MS)),
  ]);
}

/** A diagnostic's rule id: with a documentation link, VS Code gives `code` as `{ value, target }`. */
export function ruleOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  return typeof code === 'object' ? String(code.value) : code === undefined ? undefined : String(code);
}

/** Resolves with check()'s first defined result, checking every `intervalMs`: for what raises no event. */
export function poll<T>(check: () => T | undefined, what: string, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  return new Promise((resolve, reject) => {
    const tick = () => {
      let value: T | undefined;
      try {
        value = check();
      } catch (error) {
        reject(error);
        return;
      }
      if (value !== undefined) resolve(value);
      else if (Date.now() > deadline) reject(new Error(`timed out after ${WAIT_MS} ms waiting for ${what}`));
      else setTimeout(tick, intervalMs);
    };
    tick();
  });
}

/** For vscode.executeCodeActionProvider: how many of the actions VS Code resolves (all of ours), as it does when one is picked. */
export const RESOLVE_ALL = 100;

/** A fixture of the repository, as the repository holds it (other suites edit and save the workspace's copies); the suite runs from dist/test/e2e…/. */
export const fixturePath = (folder: string, name: string) => join(__dirname, '..', '..', '..', 'test', 'fixtures', folder, name);

export const readRepoFixture = (folder: string, name: string) => readFileSync(fixturePath(folder, name), 'utf8');
