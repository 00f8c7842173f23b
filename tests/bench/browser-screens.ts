// The coverage, model-to-model and target-framework screens in Chromium at 50 models × 12 phases: time from
// switching screen (data already cached) or review (data fetched) until the screen's rows are in the DOM and a
// frame has been painted. Also the pure computations behind them, in Node.
import { buildCrosswalk } from '../../shared/crosswalk/crosswalk.ts';
import { computeCoverage } from '../../shared/crosswalk/coverage.ts';
import { deriveModelCrosswalk } from '../../shared/crosswalk/compose.ts';
import { hasBuiltClient, hasChromium, launchBrowser, watchConsoleErrors } from '../support/browser.ts';
import { startTestServer } from '../support/server.ts';
import { addSyntheticReview } from './synthetic.ts';
import { time } from './stats.ts';
import { line, measureScript, MODELS, PHASES, REPS, timeSwitch, type Target } from './browser-timing.ts';

export async function benchBrowserScreens(): Promise<void> {
  const server = await startTestServer();
  try {
    const reviewId = addSyntheticReview(server.wb, MODELS, PHASES);
    const cw = buildCrosswalk(server.wb.repos.snapshot(reviewId));
    const a = cw.models[0]?.framework.id ?? 0;
    const b = cw.models[1]?.framework.id ?? 0;
    console.log(line(`computeCoverage, ${MODELS} × ${PHASES} (Node)`, time(() => computeCoverage(cw), 200)));
    console.log(line(`deriveModelCrosswalk, one pair (Node)`, time(() => deriveModelCrosswalk(cw, a, b), 200)));
    console.log(line(`deriveModelCrosswalk, all ${MODELS * (MODELS - 1)} ordered pairs (Node)`, time(() => {
      for (const x of cw.models) for (const y of cw.models) if (x !== y) deriveModelCrosswalk(cw, x.framework.id, y.framework.id);
    }, 5, 1)));

    if (!hasChromium) {
      console.log('browser timings skipped: no Chromium (see tests/support/browser.ts)');
      return;
    }
    if (!hasBuiltClient()) {
      console.log('browser timings skipped: build the client first (npm run build)');
      return;
    }
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const errors: string[] = [];
      watchConsoleErrors(page, errors);
      await page.goto(`${server.url}/#/framework`);
      await page.getByLabel('Current review').waitFor();
      const slug = server.wb.repos.reviews.require(reviewId).slug;
      const title = `Synthetic ${MODELS} × ${PHASES}`;
      const coverage: Target = { hash: `#/r/${slug}/coverage`, selector: '.coverage-table tbody tr', count: MODELS };
      const framework: Target = { hash: `#/r/${slug}/framework`, selector: '.stage-table tbody tr', count: 6 };
      const pairwise: Target = { hash: `#/r/${slug}/pairwise`, selector: '.pairwise-table tbody tr', count: 1 };

      // switching review fetches the 50-model crosswalk and renders the current screen with it
      const t0 = Date.now();
      await page.getByLabel('Current review').selectOption(slug);
      await page.locator('.stage-table').waitFor();
      await page.getByRole('heading', { name: title, level: 1 }).waitFor();
      console.log(`select the ${MODELS} × ${PHASES} review on the framework screen (fetch + render): ${Date.now() - t0} ms`);

      console.log(line(`coverage screen render, ${MODELS} × ${PHASES}`, await timeSwitch(page, coverage, framework)));
      console.log(line(`framework screen render (wheel + Table 2), ${MODELS} models`, await timeSwitch(page, framework, coverage)));
      console.log(line(`model-to-model screen render, ${MODELS} models`, await timeSwitch(page, pairwise, coverage)));

      await page.evaluate(measureScript(coverage));
      const openCell: number[] = [];
      for (let i = 0; i < REPS; i++) {
        const t = performance.now();
        await page.locator(`[data-cell="${i % MODELS}-${i % 6}"]`).click();
        await page.locator('.cov-panel').waitFor();
        openCell.push(performance.now() - t);
      }
      console.log(line('open a coverage cell (click to panel, via CDP)', openCell.sort((x, y) => x - y)));

      await page.evaluate(measureScript(framework));
      const openStage: number[] = [];
      for (let i = 0; i < REPS; i++) {
        const t = performance.now();
        await page.locator(`svg.wheel [data-stage-index="${i % 6}"]`).click();
        await page.locator('.wheel-panel h3').getByText(`Stage ${(i % 6) + 1}`, { exact: true }).waitFor();
        openStage.push(performance.now() - t);
      }
      console.log(line(`open a wheel stage, ${MODELS} models' phases listed (click to panel, via CDP)`, openStage.sort((x, y) => x - y)));
      if (errors.length > 0) console.log(`console errors during the run: ${errors.join(' | ')}`);
    } finally {
      await browser.close();
    }
  } finally {
    await server.close();
  }
}
