/** Types of what TypeScript tests take from code-server.mjs. */
import type { Browser } from 'playwright-core';

/** Headless Chromium as the e2e tests and screenshots launch it (Setup error when it is not installed). */
export function launchChromium(): Promise<Browser>;
