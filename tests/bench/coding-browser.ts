// The coding screens in Chromium at 500 items × 5,000 tags (the seed review's stages and phases, ten own categories
// with three children each, two reviewers): switching to the framework matrix and to the evidence map (data cached,
// as when moving between the views) until their rows are in the DOM and a frame is painted; the first open of each
// (fetch + render); the matrix draws its first 50 rows, more on request; and a key press on the coding screen until the tag is on screen. The budget: 200 ms p95
// for the matrix and the map, 50 ms for a tag.
import { codingOf } from '../../server/services/coding.ts';
import { hasBuiltClient, hasChromium, launchBrowser, watchConsoleErrors } from '../support/browser.ts';
import { insertItems, testItems } from '../support/coding-items.ts';
import { startTestServer } from '../support/server.ts';
import { line, measureScript, REPS, timeSwitch, type Target } from './browser-timing.ts';

const ITEMS = 500;
const TAGS = 5000;

export async function benchCodingBrowser(): Promise<void> {
  if (!hasChromium || !hasBuiltClient()) {
    console.log(`coding browser timings skipped: ${hasChromium ? 'build the client first (npm run build)' : 'no Chromium (see tests/support/browser.ts)'}`);
    return;
  }
  const server = await startTestServer();
  try {
    const repos = server.wb.repos;
    const reviewId = 1;
    const coding = codingOf(repos);
    const team = [repos.team.add(reviewId, 'Bench A', null, 'bench'), repos.team.add(reviewId, 'Bench B', null, 'bench')];
    const items = insertItems(repos.db, reviewId, testItems(ITEMS, 'Bench record'));
    repos.db.transaction(() => {
      for (let c = 0; c < 10; c++) {
        const top = coding.createCode(reviewId, { label: `Category ${c + 1}`, band: (['early', 'middle', 'latter'] as const)[c % 3] }, 'bench');
        for (let k = 0; k < 3; k++) coding.createCode(reviewId, { label: `Sub ${c + 1}.${k + 1}`, parentId: top.id }, 'bench');
      }
    })();
    const refs = coding.codebook(reviewId).filter((n) => n.taggable).map((n) => n.ref);
    // a fixed linear congruential sequence: the same tags every run
    let seed = 42;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    repos.db.transaction(() => {
      for (let made = 0; made < TAGS;) {
        try {
          coding.createTag(reviewId, {
            itemId: items[next(items.length)] as number, code: refs[next(refs.length)] as string,
            quote: `passage ${made} of the item, quoted at some length so that the cells carry real text`, locator: `p. ${1 + next(30)}`,
          }, team[next(2)] as (typeof team)[number]);
          made++;
        } catch {
          // the same tag twice by chance: draw again
        }
      }
    })();
    const slug = repos.reviews.require(reviewId).slug;
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const errors: string[] = [];
      watchConsoleErrors(page, errors);
      await page.goto(`${server.url}/#/r/${slug}/overview`);
      await page.evaluate((id) => localStorage.setItem('workbench:you', JSON.stringify({ 1: id })), team[0]?.id ?? 0);
      await page.getByLabel('Current review').waitFor();
      // the matrix draws its first 50 rows (more on request; the exports carry all)
      const matrix: Target = { hash: `#/r/${slug}/coding/matrix`, selector: '.coding-matrix tbody tr', count: 50 };
      const map: Target = { hash: `#/r/${slug}/coding/map`, selector: '.evidence-map tbody tr', count: 6 };
      const overview: Target = { hash: `#/r/${slug}/overview`, selector: 'main h2', count: 1 };
      console.log(`${ITEMS} items, ${TAGS} tags, ${refs.length} taggable codes`);
      console.log(`framework matrix, first open (fetch + render, every code): ${Math.round(await page.evaluate(measureScript(matrix)) as number)} ms`);
      console.log(`evidence map, first open (fetch + render): ${Math.round(await page.evaluate(measureScript(map)) as number)} ms`);
      console.log(line(`framework matrix render, first 50 of ${ITEMS} items × ${refs.length} codes (cached)`, await timeSwitch(page, matrix, overview)));
      console.log(line('evidence map render, stages × categories (cached)', await timeSwitch(page, map, overview)));

      await page.evaluate(measureScript({ hash: `#/r/${slug}/coding`, selector: '.coding-item', count: ITEMS }));
      await page.locator('.coding-item').first().focus();
      await page.locator('.coding-tag-list').waitFor();
      const press: number[] = [];
      for (let i = 0; i < REPS; i++) {
        // one item down, then its tags are read; then key 1..9 (a different code each time, so no "already tagged")
        await page.keyboard.press('ArrowDown');
        await page.locator('.coding-tags h4').waitFor();
        await page.waitForFunction(() => !document.querySelector('.coding-tags [role="status"]'));
        const ms = await page.evaluate(`(async () => {
          const before = document.querySelector('.coding-tag-list').children.length;
          const t0 = performance.now();
          document.activeElement.dispatchEvent(new KeyboardEvent('keydown', { key: '${1 + (i % 9)}', bubbles: true }));
          await new Promise((resolve) => {
            const done = () => document.querySelector('.coding-tag-list').children.length > before;
            if (done()) return resolve();
            const obs = new MutationObserver(() => { if (done()) { obs.disconnect(); resolve(); } });
            obs.observe(document.querySelector('.coding-item-panel'), { childList: true, subtree: true });
          });
          await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
          return performance.now() - t0;
        })()`) as number;
        press.push(ms);
      }
      console.log(line(`tag by key press, ${ITEMS} items listed (key to tag painted)`, press.sort((a, b) => a - b)));
      if (errors.length > 0) console.log(`console errors during the run: ${errors.join(' | ')}`);
    } finally {
      await browser.close();
    }
  } finally {
    await server.close();
  }
}
