// Headless Debian Chromium through playwright-core. Without a Chromium the browser tests skip loudly — except
// under CI, where a missing browser is a failure.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../server/paths.ts';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = fs.existsSync(CHROMIUM_PATH);
/**
 * How long a page action or wait may take before it fails: generous, since CI shares its cores and a loaded machine
 * takes seconds where a quiet one takes milliseconds; every wait ends as soon as its condition holds.
 */
export const PAGE_TIMEOUT = 20_000;

if (!hasChromium) {
  const message = `Chromium not found at ${CHROMIUM_PATH}: browser tests cannot run. Install it (apt-get install -y chromium) or set CHROMIUM_PATH.`;
  if (process.env.CI) throw new Error(message);
  console.warn(`\n\u001b[33m*** SKIPPING BROWSER TESTS: ${message} ***\u001b[0m\n`);
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--no-first-run', '--disable-quic', '--disable-sync',
    ],
  });
}

/**
 * Counts the page's requests in flight, so a test can wait until the screen has finished loading before it
 * changes data behind the screen's back (otherwise a late refetch may or may not pick the change up).
 */
export function trackNetwork(page: Page): { quiet: (quietMs?: number, timeoutMs?: number) => Promise<void> } {
  let inFlight = 0;
  let lastChange = Date.now();
  const change = (delta: number) => {
    inFlight += delta;
    lastChange = Date.now();
  };
  page.on('request', () => change(1));
  page.on('requestfinished', () => change(-1));
  page.on('requestfailed', () => change(-1));
  return {
    async quiet(quietMs = 250, timeoutMs = 8000) {
      const started = Date.now();
      while (inFlight > 0 || Date.now() - lastChange < quietMs) {
        if (Date.now() - started > timeoutMs) throw new Error(`network still busy after ${timeoutMs} ms (${inFlight} in flight)`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
  };
}

/** Browser tests run against the built client (npm test builds it first); say so plainly when it is missing. */
export const hasBuiltClient = (): boolean => fs.existsSync(path.join(ROOT, 'dist/client/index.html'));

export function requireBuiltClient(): void {
  if (!hasBuiltClient()) {
    throw new Error('Build the client first: npm run build (npm test does it)');
  }
}

/** Collects console errors (with where they came from) and uncaught page errors, for a "no console errors" check. */
export function watchConsoleErrors(page: Page, errors: string[]): void {
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${m.text()} @ ${m.location().url}:${m.location().lineNumber}`);
  });
  page.on('pageerror', (e) => errors.push(e.message));
}
