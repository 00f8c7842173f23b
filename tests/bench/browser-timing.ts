// Timing screens in Chromium: switch to a screen by its URL hash and measure until its rows are in the DOM and a
// frame has been painted. Shared by the browser benchmarks of the workbench's screens.
import type { Page } from 'playwright-core';
import { fmt, percentile } from './stats.ts';

export const MODELS = 50;
export const PHASES = 12;
export const REPS = 15;

export interface Target { hash: string; selector: string; count: number }

// A string, not a function: the page must not depend on helpers the TypeScript loader injects into functions.
export const measureScript = (t: Target): string => `(async () => {
  const t0 = performance.now();
  location.hash = ${JSON.stringify(t.hash)};
  const ready = () => document.querySelectorAll(${JSON.stringify(t.selector)}).length >= ${t.count};
  if (!ready()) {
    await new Promise((resolve) => {
      const obs = new MutationObserver(() => { if (ready()) { obs.disconnect(); resolve(); } });
      obs.observe(document.body, { childList: true, subtree: true });
    });
  }
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  return performance.now() - t0;
})()`;

export async function timeSwitch(page: Page, to: Target, away: Target): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < REPS + 2; i++) {
    await page.evaluate(measureScript(away));
    const ms = (await page.evaluate(measureScript(to))) as number;
    if (i >= 2) out.push(ms);
  }
  return out.sort((a, b) => a - b);
}

export const line = (name: string, sorted: number[]): string =>
  `${name}: p50 ${fmt(percentile(sorted, 50))}, p95 ${fmt(percentile(sorted, 95))}, max ${fmt(sorted[sorted.length - 1] ?? NaN)} (${sorted.length} runs)`;
