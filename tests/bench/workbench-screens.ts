// The crosswalk, alignment board, lanes, models and quick find at 50 models × 12 phases: suggestions and crossing
// detection in Node, then in Chromium the time from switching screen until its rows are in the DOM and a frame is
// painted, the latency of an optimistic alignment (click to the alignment on screen), and quick find's answer time.
import { buildCrosswalk } from '../../shared/crosswalk/crosswalk.ts';
import { findCrossings } from '../../shared/crosswalk/crossings.ts';
import { suggestAlignments } from '../../shared/crosswalk/suggest.ts';
import { hasBuiltClient, hasChromium, launchBrowser, watchConsoleErrors } from '../support/browser.ts';
import { startTestServer } from '../support/server.ts';
import { addSyntheticReview } from './synthetic.ts';
import { time } from './stats.ts';
import { line, measureScript, MODELS, PHASES, REPS, timeSwitch, type Target } from './browser-timing.ts';

export async function benchWorkbenchScreens(): Promise<void> {
  const server = await startTestServer();
  try {
    const reviewId = addSyntheticReview(server.wb, MODELS, PHASES);
    const snapshot = server.wb.repos.snapshot(reviewId);
    const cw = buildCrosswalk(snapshot);
    const unassessed = cw.models.reduce((n, m) => n + m.unassessedPhases.length, 0);
    console.log(line(`suggestAlignments, all ${MODELS * PHASES} phases (${unassessed} unassessed) (Node)`, time(() =>
      suggestAlignments({ phases: snapshot.phases, stages: cw.stages, bands: cw.bands, alignments: snapshot.alignments }), 30)));
    console.log(line(`suggestAlignments, one model of ${PHASES} phases (Node)`, time(() => {
      const m = cw.models[0];
      if (m) suggestAlignments({ phases: m.phases, stages: cw.stages, bands: cw.bands, alignments: snapshot.alignments });
    }, 200)));
    console.log(line(`findCrossings, all ${MODELS} models (Node)`, time(() => {
      for (const m of cw.models) findCrossings(m.phases, cw.stages, snapshot.alignments);
    }, 200)));

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
      await page.goto(`${server.url}/#/crosswalk/stages`);
      await page.getByLabel('Current review').waitFor();
      const slug = server.wb.repos.reviews.require(reviewId).slug;
      const title = `Synthetic ${MODELS} × ${PHASES}`;
      const t0 = Date.now();
      await page.getByLabel('Current review').selectOption(slug);
      await page.getByRole('heading', { name: title, level: 1 }).waitFor();
      await page.locator('.stage-layout-table tbody tr').nth(MODELS - 1).waitFor();
      console.log(`select the ${MODELS} × ${PHASES} review on the stage layout (fetch + render): ${Date.now() - t0} ms`);

      const ids = cw.models.map((m) => m.framework.id);
      const stagesLayout: Target = { hash: `#/r/${slug}/crosswalk/stages`, selector: '.stage-layout-table tbody tr', count: MODELS };
      const bandsLayout: Target = { hash: `#/r/${slug}/crosswalk`, selector: '.data-table tbody tr', count: MODELS };
      const align: Target = { hash: `#/r/${slug}/align/${ids[MODELS - 1]}`, selector: '.phase-card', count: PHASES };
      const lanes: Target = { hash: `#/r/${slug}/lanes/${ids.slice(0, 4).join(',')}`, selector: 'svg.lanes-svg g.lane', count: 4 };
      const models: Target = { hash: `#/r/${slug}/models/${ids[MODELS - 1]}`, selector: '.phase-row', count: PHASES };
      console.log(line(`stage layout render, ${MODELS} × 6 cells`, await timeSwitch(page, stagesLayout, bandsLayout)));
      console.log(line(`alignment board render, ${PHASES} phases with suggestions`, await timeSwitch(page, align, stagesLayout)));
      console.log(line('lanes render, 4 lanes with ribbons and crossings', await timeSwitch(page, lanes, stagesLayout)));
      console.log(line(`models screen render, ${MODELS} models + ${PHASES} phases`, await timeSwitch(page, models, stagesLayout)));

      // an optimistic alignment: from the click on the relation to the alignment shown on the phase, per model
      const latencies: number[] = [];
      for (const m of cw.models.slice(0, REPS)) {
        const phase = m.unassessedPhases[0];
        const stage = cw.stages[0];
        if (!phase || !stage) continue;
        await page.evaluate(measureScript({ hash: `#/r/${slug}/align/${m.framework.id}`, selector: '.phase-card', count: m.phases.length }));
        await page.locator(`#align-phase-${phase.id}`).click();
        await page.locator(`#align-stage-${stage.id}`).click();
        await page.getByRole('menuitem', { name: /^equivalent/ }).waitFor();
        // timed in the page: the click on the relation until the alignment is in the DOM and a frame is painted
        latencies.push((await page.evaluate(`(async () => {
          const item = document.querySelector('.relation-menu [role="menuitem"]');
          const selector = 'li[data-phase-id="${phase.id}"] .phase-alignments li';
          const t0 = performance.now();
          item.click();
          if (!document.querySelector(selector)) {
            await new Promise((resolve) => {
              const obs = new MutationObserver(() => { if (document.querySelector(selector)) { obs.disconnect(); resolve(); } });
              obs.observe(document.body, { childList: true, subtree: true });
            });
          }
          await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
          return performance.now() - t0;
        })()`)) as number);
        await page.getByRole('form', { name: /^Details of/ }).waitFor();
        await page.keyboard.press('Escape');
      }
      console.log(line('align by the relation menu: click to alignment on screen (optimistic, in page)', latencies.sort((a, b) => a - b)));

      const find: number[] = [];
      let first = 0;
      for (let i = 0; i < REPS; i++) {
        await page.keyboard.press('Control+k');
        const input = page.getByRole('combobox', { name: 'Find a review, model, phase, stage or citation' });
        await input.waitFor();
        const wanted = `Phase ${(i % PHASES) + 1} of model ${MODELS - i}`;
        const t = performance.now();
        await input.fill(wanted);
        await page.getByRole('listbox').getByText(wanted, { exact: true }).first().waitFor();
        find.push(performance.now() - t);
        if ((await page.getByRole('listbox').getByRole('option').first().locator('.qf-title').textContent()) === wanted) first++;
        await page.keyboard.press('Escape');
      }
      console.log(line(`quick find over ${MODELS + MODELS * PHASES + 6} items: type a query until its item is listed (via CDP)`, find.sort((a, b) => a - b)));
      console.log(`quick find: the exact phase label was the first result in ${first} of ${REPS} queries`);
      if (errors.length > 0) console.log(`console errors during the run: ${errors.join(' | ')}`);
    } finally {
      await browser.close();
    }
  } finally {
    await server.close();
  }
}
