// Starting a review of one's own in a real browser, by keyboard only: from the seed template, through the guided
// setup (bands, the six stages, models) to its crosswalk; the seed review is left exactly as it was. The server's
// validation errors appear next to the field they name.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { hasChromium, launchBrowser, requireBuiltClient, watchConsoleErrors, PAGE_TIMEOUT } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

interface StageRow { name: string; focus: string; purpose: string; keyLabel: string; keyQuestion: string; successMeasures: string; bandId: number | null }
interface ReviewRow { id: number; slug: string; title: string; question: string }

/** What the page has focused: its id and its text, for checking where Tab and Enter have got to. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return { id: el?.id ?? '', text: (el?.getAttribute('aria-label') ?? el?.textContent ?? '').trim(), tag: el?.tagName.toLowerCase() ?? '' };
  });

/** Presses Tab until the element with this id, or a button or link with exactly this label or text, has the focus. */
async function tabTo(page: Page, target: { id: string } | { text: string }, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    const f = await focused(page);
    if ('id' in target ? f.id === target.id : f.text === target.text && (f.tag === 'button' || f.tag === 'a')) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${JSON.stringify(target)}`);
}

describe.runIf(hasChromium)('new review wizard', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    requireBuiltClient();
    server = await startTestServer();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(PAGE_TIMEOUT);
    watchConsoleErrors(page, consoleErrors);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('creates a review from the seed template by keyboard, sets it up and opens it; the seed review is unchanged', async () => {
    const seedBefore = (await server.request('GET', '/api/reviews/1/crosswalk')).body;
    const seedStages = (seedBefore.crosswalk.stages as StageRow[]).map(({ name, focus, purpose, keyLabel, keyQuestion, successMeasures }) =>
      ({ name, focus, purpose, keyLabel, keyQuestion, successMeasures }));
    expect(seedStages).toHaveLength(6);

    await page.goto(`${server.url}/#/new`);
    await page.getByRole('heading', { level: 1, name: 'New review' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Start from' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // step 1: the radio group, by arrow key
    await tabTo(page, { id: 'start-blank' });
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.getByLabel('Template: the six-stage innovation wheel').isChecked()).toBe(true);
    await tabTo(page, { text: 'Next' });
    await page.keyboard.press('Enter');

    // step 2: focus is on the new step's heading, the title field comes next
    await page.getByRole('heading', { level: 2, name: 'Title and question' }).waitFor();
    expect(await focused(page)).toMatchObject({ id: 'wizard-heading', text: 'Title and question' });
    expect(await axeViolations(page)).toEqual([]);
    // Create with no title: said next to the field, nothing created
    await tabTo(page, { text: 'Create review' });
    await page.keyboard.press('Enter');
    await page.locator('#new-title-error').filter({ hasText: 'Give the review a title.' }).waitFor();
    expect(await page.getByLabel('Title (required)').getAttribute('aria-invalid')).toBe('true');
    expect((await server.request('GET', '/api/reviews')).body).toHaveLength(1);
    expect((await focused(page)).id).toBe('new-title');
    await page.keyboard.type('Innovation in youth justice');
    await page.keyboard.press('Tab');
    expect((await focused(page)).id).toBe('new-question');
    await page.keyboard.type('How do youth justice services move from an idea to a sustained practice?');
    await tabTo(page, { text: 'Create review' });
    await page.keyboard.press('Enter');

    // setup, bands: the template's three, plus one added here
    const bandsHeading = page.getByRole('heading', { level: 2, name: 'Bands of “Innovation in youth justice”' });
    await bandsHeading.waitFor();
    await expect.poll(async () => (await focused(page)).id).toBe('wizard-heading');
    const created = ((await server.request('GET', '/api/reviews')).body as ReviewRow[]).find((r) => r.title === 'Innovation in youth justice') as ReviewRow;
    expect(created).toMatchObject({ slug: 'innovation-in-youth-justice', question: 'How do youth justice services move from an idea to a sustained practice?' });
    const bandList = page.getByRole('list', { name: 'Bands' }).locator('.setup-item-label');
    await expect.poll(() => bandList.allTextContents()).toEqual(['Early phases', 'Middle phases', 'Latter phases']);
    expect(await axeViolations(page)).toEqual([]);
    await tabTo(page, { id: 'setup-new-band' });
    await page.keyboard.type('After the programme');
    await page.keyboard.press('Enter');
    await expect.poll(() => bandList.allTextContents()).toEqual(['Early phases', 'Middle phases', 'Latter phases', 'After the programme']);
    const bandLabels = async () => ((await server.request('GET', `/api/reviews/${created.id}/bands`)).body as { label: string }[]).map((b) => b.label);
    expect(await bandLabels()).toEqual(['Early phases', 'Middle phases', 'Latter phases', 'After the programme']);
    // reorder by keyboard: Enter on ↑ moves the band up, and focus stays on its ↑ at the new place
    await tabTo(page, { text: 'Move band After the programme up' });
    await page.keyboard.press('Enter');
    await expect.poll(bandLabels).toEqual(['Early phases', 'Middle phases', 'After the programme', 'Latter phases']);
    await expect.poll(() => bandList.allTextContents()).toEqual(['Early phases', 'Middle phases', 'After the programme', 'Latter phases']);
    await expect.poll(async () => (await focused(page)).text).toBe('Move band After the programme up');
    await page.keyboard.press('Enter');
    await expect.poll(bandLabels).toEqual(['Early phases', 'After the programme', 'Middle phases', 'Latter phases']);
    await expect.poll(async () => (await focused(page)).text).toBe('Move band After the programme up');

    // setup, stages: the six of Table 2 with all their text
    await tabTo(page, { text: 'Next' });
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Target framework stages of “Innovation in youth justice”' }).waitFor();
    expect((await focused(page)).id).toBe('wizard-heading');
    const stageTable = page.getByRole('table', { name: seedBefore.crosswalk.targetCaption });
    await expect.poll(() => stageTable.locator('tbody th').allTextContents()).toEqual(seedStages.map((s) => s.name));
    const newCrosswalk = (await server.request('GET', `/api/reviews/${created.id}/crosswalk`)).body;
    expect((newCrosswalk.crosswalk.stages as StageRow[]).map(({ name, focus, purpose, keyLabel, keyQuestion, successMeasures }) =>
      ({ name, focus, purpose, keyLabel, keyQuestion, successMeasures }))).toEqual(seedStages);
    expect(newCrosswalk.crosswalk.models).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);

    // setup, models, then open the review
    await tabTo(page, { text: 'Next' });
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Models of “Innovation in youth justice”' }).waitFor();
    expect((await focused(page)).id).toBe('wizard-heading');
    await page.getByRole('link', { name: 'Models screen' }).waitFor();
    await page.getByLabel('Table to import').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await tabTo(page, { text: 'Open the review' });
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#/r/innovation-in-youth-justice/crosswalk');
    await page.getByRole('heading', { level: 1, name: 'Innovation in youth justice' }).waitFor();

    const seedAfter = (await server.request('GET', '/api/reviews/1/crosswalk')).body;
    expect(seedAfter).toEqual(seedBefore);
    expect(consoleErrors).toEqual([]);
  });

  it('shows the server’s error next to the field it names: the review to copy went to the trash meanwhile', async () => {
    const doomed = await server.request('POST', '/api/reviews', { title: 'Short-lived review', start: { kind: 'blank' } });
    expect(doomed.status).toBe(201);
    // a reload, so the page reads the list with the review made over the API behind its back
    await page.goto(`${server.url}/#/new`);
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Start from' }).waitFor();
    await page.getByLabel('A copy of an existing review').check();
    await page.getByLabel('Review to copy').selectOption({ label: 'Short-lived review' });
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel('Title (required)').fill('Copy of a short-lived review');
    const trashed = await server.request('DELETE', `/api/reviews/${doomed.body.id}?version=${doomed.body.version}`);
    expect(trashed.status).toBe(200);
    await page.getByRole('button', { name: 'Create review' }).click();

    // back on step 1, the message sits under the review picker, which is marked invalid
    await page.getByRole('heading', { level: 2, name: 'Start from' }).waitFor();
    const error = page.locator('#start-from-error');
    await error.waitFor();
    expect((await error.textContent())?.length).toBeGreaterThan(0);
    expect(await page.locator('#start-from-review').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#start-from-review').getAttribute('aria-describedby')).toBe('start-from-error');
    const titles = ((await server.request('GET', '/api/reviews')).body as ReviewRow[]).map((r) => r.title);
    expect(titles).not.toContain('Copy of a short-lived review');
    expect(await axeViolations(page)).toEqual([]);
    expect(consoleErrors.filter((e) => !e.includes('422'))).toEqual([]);
  });
});
