// Every screen on a phone (390 × 844) and a small laptop (1024 × 700): nothing scrolls sideways (a wide table scrolls
// inside itself), and on the phone the header is one line whose Menu button opens the review picker and the screens.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { hasChromium, launchBrowser, requireBuiltClient, trackNetwork, watchConsoleErrors, PAGE_TIMEOUT } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const SCREENS = ['overview', 'crosswalk', 'crosswalk/stages', 'align', 'lanes', 'coverage', 'pairwise', 'framework',
  'models', 'library', 'duplicates', 'citations', 'screening', 'coding', 'coding/matrix', 'coding/map', 'settings'];
const PAGES = ['#/reviews', '#/new'];

describe.runIf(hasChromium)('small screens', () => {
  let server: TestServer;
  let browser: Browser;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    requireBuiltClient();
    server = await startTestServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Opens each address and returns those whose page is wider than the window. */
  async function sidewaysScrollers(page: Page, addresses: string[]): Promise<string[]> {
    const network = trackNetwork(page);
    const wide: string[] = [];
    for (const address of addresses) {
      await page.goto(`${server.url}/${address}`);
      await page.locator('main h1, main h2').first().waitFor();
      await network.quiet();
      const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      if (scroll > client) wide.push(`${address}: ${scroll} px wide in ${client}`);
    }
    return wide;
  }

  it('on a phone no screen scrolls sideways, and the header is one line with a menu', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    page.setDefaultTimeout(PAGE_TIMEOUT);
    watchConsoleErrors(page, consoleErrors);
    expect(await sidewaysScrollers(page, [...SCREENS.map((s) => `#/r/stages-of-innovation/${s}`), ...PAGES])).toEqual([]);

    await page.goto(`${server.url}/#/r/stages-of-innovation/overview`);
    await page.getByRole('heading', { level: 1, name: "Stages of Innovation in Children's Social Care" }).waitFor();
    const menu = page.getByRole('button', { name: 'Menu' });
    const header = await page.locator('header').boundingBox();
    expect(header?.height).toBeLessThan(60);
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByRole('navigation', { name: 'Screens' }).isVisible()).toBe(false);
    expect(await axeViolations(page)).toEqual([]);

    await menu.focus();
    await page.keyboard.press('Enter');
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    const align = page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Align' });
    await align.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await align.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Align phases to stages' }).waitFor();
    // the folded menu closes once it has taken you somewhere
    await expect.poll(() => menu.getAttribute('aria-expanded')).toBe('false');
    await page.close();
  });

  it('at 1024 × 700 no screen scrolls sideways and the menu button is not shown', async () => {
    const page = await browser.newPage({ viewport: { width: 1024, height: 700 } });
    page.setDefaultTimeout(PAGE_TIMEOUT);
    watchConsoleErrors(page, consoleErrors);
    expect(await sidewaysScrollers(page, [...SCREENS.map((s) => `#/r/stages-of-innovation/${s}`), ...PAGES])).toEqual([]);
    expect(await page.getByRole('button', { name: 'Menu' }).isVisible()).toBe(false);
    expect(await page.getByRole('navigation', { name: 'Screens' }).isVisible()).toBe(false);
    await page.goto(`${server.url}/#/r/stages-of-innovation/overview`);
    await page.getByRole('navigation', { name: 'Screens' }).waitFor();
    expect(consoleErrors).toEqual([]);
    await page.close();
  });
});
