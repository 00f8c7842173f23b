// The PRISMA 2020 section of the Overview in a real browser: a count the records cannot give (reports not retrieved)
// is entered by keyboard, shown as entered in the table and the figure, and cleared again; axe-clean.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { hasChromium, launchBrowser, requireBuiltClient, watchConsoleErrors, PAGE_TIMEOUT } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

describe.runIf(hasChromium)('PRISMA counts entered by hand', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];
  const box = async (key: string) => (await server.request('GET', '/api/reviews/1/prisma')).body.boxes[key] as { count: number | null; entered: boolean };

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

  it('enters "reports not retrieved" for the seed review, shows it as entered, and clears it', async () => {
    expect(await box('dbr_notretrieved_reports')).toMatchObject({ count: null, entered: false });
    await page.goto(`${server.url}/#/r/stages-of-innovation/overview`);
    const row = page.locator('tr[data-box="dbr_notretrieved_reports"]');
    await row.getByText('cannot be derived from the records').waitFor();
    // the seed's reported flow is shown as entered counts
    await page.locator('tr[data-box="database_results"]').getByText('entered').waitFor();

    await page.getByLabel('Count of Reports not retrieved', { exact: true }).focus();
    await page.keyboard.type('-2');
    await page.keyboard.press('Enter');
    await row.getByText('Enter a whole number of 0 or more').waitFor();
    expect(await box('dbr_notretrieved_reports')).toMatchObject({ count: null });

    await page.getByLabel('Count of Reports not retrieved', { exact: true }).fill('');
    await page.keyboard.type('12');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Entered 12 for “Reports not retrieved”.' }).waitFor();
    await expect.poll(() => box('dbr_notretrieved_reports')).toMatchObject({ count: 12, entered: true });
    await row.getByText('entered', { exact: true }).waitFor();
    const svg = (await server.request('GET', '/api/reviews/1/prisma/figure.svg')).text;
    expect(svg).toContain('12');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel('Count of Reports not retrieved', { exact: true }).fill('');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Cleared the entered count of “Reports not retrieved”.' }).waitFor();
    await expect.poll(() => box('dbr_notretrieved_reports')).toMatchObject({ count: null, entered: false });
    expect(consoleErrors).toEqual([]);
  });
});
