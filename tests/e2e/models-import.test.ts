// Importing models from a table in a real browser: a three-model TSV pasted by keyboard into a new review, the
// preview, a changed column mapping, creating, the models on screen; an HTML table from the clipboard; axe-clean.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { hasChromium, launchBrowser, requireBuiltClient, watchConsoleErrors, PAGE_TIMEOUT } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const TSV = [
  'Model\tEarly phases\tMiddle phases\tNotes',
  'Alpha model (Smith, 2020)\tOne; two\tThree\tsee p. 4',
  'Beta model (Jones and Lee, 2019)\tFour\tFive; six\t',
  'Gamma model (n.d.)\tSeven\t\t',
].join('\n');

describe.runIf(hasChromium)('models from a table', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let reviewId: number;
  const consoleErrors: string[] = [];
  const title = 'Imported in the browser';

  beforeAll(async () => {
    requireBuiltClient();
    server = await startTestServer();
    const review = await server.request('POST', '/api/reviews', { slug: 'browser-import', title });
    reviewId = review.body.id;
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    page = await context.newPage();
    page.setDefaultTimeout(PAGE_TIMEOUT);
    watchConsoleErrors(page, consoleErrors);
    await page.goto(`${server.url}/#/r/browser-import/models`);
    await page.getByRole('heading', { name: 'Source models' }).waitFor();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('pastes a TSV by keyboard, previews three models, remaps a column, creates them and shows them', async () => {
    const summary = page.getByText('Import models from a table', { exact: true });
    await summary.focus();
    await page.keyboard.press('Enter');
    const box = page.getByLabel('Table to import');
    await box.waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await page.evaluate((text) => navigator.clipboard.writeText(text), TSV);
    await page.keyboard.press('Control+V');

    const table = page.getByRole('table', { name: 'Models that will be created' });
    await expect.poll(() => table.locator('tbody tr').count()).toBe(3);
    expect(await table.locator('tbody th').allTextContents()).toEqual(['Alpha model', 'Beta model', 'Gamma model']);
    expect(await table.locator('thead th').allTextContents()).toEqual([
      'Row', 'Model', 'Citation', 'Early phases (new band)', 'Middle phases (new band)', 'Notes (new band)',
    ]);
    const alpha = table.locator('tbody tr').first();
    expect(await alpha.locator('td').nth(1).textContent()).toBe('Smith, 2020 to complete');
    expect(await alpha.locator('td').nth(2).locator('li').allTextContents()).toEqual(['One', 'two']);
    await page.getByText('Read as TSV: 3 models, 8 phases, 3 new bands (Early phases, Middle phases, Notes).').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // the Notes column is not a band: ignore it, and its one note becomes a warning, which does not block
    await page.getByLabel('Column 4: Notes').selectOption({ label: 'Ignore' });
    await page.getByText('Read as TSV: 3 models, 7 phases, 2 new bands (Early phases, Middle phases).').waitFor();
    expect(await table.locator('thead th').allTextContents()).toEqual(['Row', 'Model', 'Citation', 'Early phases (new band)', 'Middle phases (new band)']);
    await page.getByText('Warning: row 2, column 4 (Notes): “see p. 4” is in an ignored column and is not imported').waitFor();

    const create = page.getByRole('button', { name: 'Create 3 models' });
    await expect.poll(() => create.isEnabled()).toBe(true);
    await create.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Created 3 models, 7 phases, 2 new bands.' }).waitFor();
    for (const name of ['Alpha model', 'Beta model', 'Gamma model']) await page.getByRole('button', { name: `Rename ${name}` }).waitFor();
    const names = (await server.request('GET', `/api/reviews/${reviewId}/frameworks`)).body.map((f: { name: string }) => f.name);
    expect(names).toEqual(['Alpha model', 'Beta model', 'Gamma model']);
    const bands = (await server.request('GET', `/api/reviews/${reviewId}/bands`)).body.map((b: { label: string }) => b.label);
    expect(bands).toEqual(['Early phases', 'Middle phases']);
    await page.getByRole('heading', { name: 'Phases of Alpha model' }).waitFor();
    expect(await box.inputValue()).toBe('');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('takes the clipboard\'s HTML table over its text, line breaks in cells kept, and blocks a repeated model', async () => {
    const box = page.getByLabel('Table to import');
    const html = '<meta charset="utf-8"><google-sheets-html-origin><table><tr><td>Model</td><td>Early phases</td><td>Middle phases</td></tr>'
      + '<tr><td>Delta model<br>(Brown et al., 2018)</td><td>Scan<br>frame</td><td>Build</td></tr>'
      + '<tr><td>Alpha model (Smith, 2020)</td><td>Again</td><td></td></tr></table>';
    await box.focus();
    await box.evaluate((el, html) => {
      const data = new DataTransfer();
      data.setData('text/html', html);
      data.setData('text/plain', 'Model\tEarly phases\tMiddle phases\nDelta model (Brown et al., 2018)\tScan frame\tBuild');
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, html);
    await page.getByText('Read as an HTML table: 2 models, 4 phases.').waitFor();
    const table = page.getByRole('table', { name: 'Models that will be created' });
    const delta = table.locator('tbody tr').first();
    expect(await delta.locator('th').textContent()).toBe('Delta model');
    expect(await delta.locator('td').nth(2).locator('li').allTextContents()).toEqual(['Scan', 'frame']);
    await page.getByText('Error: row 3, column 1 (Model): “Alpha model” is already a model of this review').waitFor();
    expect(await page.getByRole('button', { name: 'Create 2 models' }).isDisabled()).toBe(true);
    expect(await box.inputValue()).toContain('Delta model (Brown et al., 2018)');
    expect(await axeViolations(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
