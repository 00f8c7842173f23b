// The address names the review (#/r/<slug>/<screen>/…): reloads and links keep it, old addresses are sent on, what
// the address names but the database lacks says "not found", the header switches reviews, and screens keep their
// place when you move between them.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { hasChromium, launchBrowser, requireBuiltClient, watchConsoleErrors, PAGE_TIMEOUT } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

interface Named { id: number; name: string; role: string }

describe.runIf(hasChromium)('review addresses and navigation', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];
  let models: Named[];
  const model = (part: string) => models.find((m) => m.name.includes(part)) as Named;
  const hash = () => page.evaluate(() => window.location.hash);

  beforeAll(async () => {
    requireBuiltClient();
    server = await startTestServer();
    models = (await server.request('GET', '/api/reviews/1/frameworks')).body.filter((f: Named) => f.role === 'source');
    const other = await server.request('POST', '/api/reviews', { slug: 'digital-transformation', title: 'Digital transformation models' });
    expect(other.status).toBe(201);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(PAGE_TIMEOUT);
    watchConsoleErrors(page, consoleErrors);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('sends an address from before reviews were named on to the seed review, keeping the screen and model', async () => {
    const epis = model('EPIS');
    await page.goto(`${server.url}/#/align/${epis.id}`);
    await expect.poll(hash).toBe(`#/r/stages-of-innovation/align/${epis.id}`);
    await page.getByRole('heading', { level: 1, name: "Stages of Innovation in Children's Social Care" }).waitFor();
    await expect.poll(() => page.getByLabel('Model', { exact: true }).inputValue()).toBe(String(epis.id));
  });

  it('groups the screens, marks the current one and keeps the chosen model when coming back to Align', async () => {
    const nav = page.getByRole('navigation', { name: 'Screens' });
    for (const group of ['Synthesis', 'Literature', 'References', 'Review']) {
      await nav.getByRole('group', { name: group }).waitFor();
    }
    const synthesis = nav.getByRole('group', { name: 'Synthesis' });
    expect(await synthesis.getByRole('link', { name: 'Align' }).getAttribute('aria-current')).toBe('page');
    await synthesis.getByRole('link', { name: 'Crosswalk' }).click();
    await expect.poll(hash).toBe('#/r/stages-of-innovation/crosswalk');
    expect(await synthesis.getByRole('link', { name: 'Crosswalk' }).getAttribute('aria-current')).toBe('page');
    expect(await synthesis.getByRole('link', { name: 'Align' }).getAttribute('aria-current')).toBeNull();
    await synthesis.getByRole('link', { name: 'Align' }).click();
    await expect.poll(hash).toBe(`#/r/stages-of-innovation/align/${model('EPIS').id}`);
    await expect.poll(() => page.getByLabel('Model', { exact: true }).inputValue()).toBe(String(model('EPIS').id));
    expect(await axeViolations(page)).toEqual([]);
  });

  it('keeps the review and the screen over a reload', async () => {
    await page.reload();
    await page.getByRole('heading', { level: 1, name: "Stages of Innovation in Children's Social Care" }).waitFor();
    expect(await hash()).toBe(`#/r/stages-of-innovation/align/${model('EPIS').id}`);
  });

  it('switches review from the header, on the same screen, and back', async () => {
    await page.getByLabel('Current review').selectOption('digital-transformation');
    await expect.poll(hash).toBe('#/r/digital-transformation/align');
    await page.getByRole('heading', { level: 1, name: 'Digital transformation models' }).waitFor();
    await page.getByText('This review has no source models yet').waitFor();
    await page.getByLabel('Current review').selectOption('stages-of-innovation');
    await page.getByRole('heading', { level: 1, name: "Stages of Innovation in Children's Social Care" }).waitFor();
    await expect.poll(hash).toBe('#/r/stages-of-innovation/align');
  });

  it('says "not found" for an unknown review, screen or model, with a way back', async () => {
    await page.goto(`${server.url}/#/r/no-such-review/crosswalk`);
    await page.getByRole('heading', { level: 1, name: 'Review not found' }).waitFor();
    expect(await page.getByText('No review has the address “no-such-review”').count()).toBe(1);
    expect(await page.locator('.data-table').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'See all reviews' }).waitFor();

    await page.goto(`${server.url}/#/r/stages-of-innovation/nowhere`);
    await page.getByRole('heading', { level: 1, name: 'Screen not found' }).waitFor();

    await page.goto(`${server.url}/#/r/stages-of-innovation/align/999999`);
    await page.getByRole('heading', { level: 1, name: 'Model not found' }).waitFor();
    expect(await page.locator('.phase-card').count()).toBe(0);
    await page.getByRole('link', { name: 'Back to Align' }).click();
    await expect.poll(hash).toBe('#/r/stages-of-innovation/align');
    await page.locator('.phase-card').first().waitFor();
  });

  it('skip link moves focus to the content; Ctrl+K finds a review by name and opens it', async () => {
    await page.goto(`${server.url}/#/r/stages-of-innovation/overview`);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: "Stages of Innovation in Children's Social Care" }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');
    expect(await hash()).toBe('#/r/stages-of-innovation/overview');

    await page.keyboard.press('Control+k');
    const dialog = page.getByRole('dialog', { name: 'Quick find' });
    await dialog.waitFor();
    await page.keyboard.type('digital transformation');
    await expect.poll(() => dialog.getByRole('option').first().textContent()).toContain('Digital transformation models');
    await page.keyboard.press('Enter');
    await expect.poll(hash).toBe('#/r/digital-transformation/overview');
    await page.getByRole('heading', { level: 1, name: 'Digital transformation models' }).waitFor();
    expect(consoleErrors).toEqual([]);
  });
});
