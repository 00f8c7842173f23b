// The first screen in a real browser: the seed review's models, Table 1 as printed and Table 2.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { hasChromium, launchBrowser, requireBuiltClient, watchConsoleErrors } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

describe.runIf(hasChromium)('first screen', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    requireBuiltClient();
    server = await startTestServer();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    watchConsoleErrors(page, consoleErrors);
    await page.goto(server.url);
    await page.getByRole('table', { name: /Modellings of the stages of innovation/ }).waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows Table 1 exactly as the CSV export has it', async () => {
    const cells = await page
      .getByRole('table', { name: /Modellings of the stages of innovation/ })
      .locator('tr')
      .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim())));
    const res = await server.request('GET', '/api/reviews/1/crosswalk');
    const table = res.body.tables.bands;
    expect(cells).toEqual([table.header, ...table.rows]);
    expect(cells).toHaveLength(11);
    expect(cells[1]).toEqual([
      'The six stages of social innovation (Murray et al., 2010)',
      'Prompts, inspirations and diagnoses; proposals and ideas',
      'Prototyping and pilots; sustaining',
      'Scaling and diffusion; systemic change',
    ]);
  });

  it('lists the ten models and shows Table 2 with the six stages', async () => {
    await expect(page.getByRole('heading', { name: 'Source models (10)' }).count()).resolves.toBe(1);
    const stages = await page
      .getByRole('table', { name: /Aims, tasks and questions/ })
      .locator('tbody th')
      .allTextContents();
    expect(stages).toEqual(['Mobilising', 'Designing', 'Developing', 'Integrating', 'Growing', 'System change']);
  });

  it('shows the reference of each model as a chip that opens the full reference', async () => {
    const murray = page.locator('.model-list li').first();
    const chip = murray.locator('.citation-chip-button');
    await chip.waitFor();
    expect(await chip.textContent()).toMatch(/Murray et al\., 2010/);
    await chip.click();
    const card = murray.getByRole('region', { name: /Full reference/ });
    expect(await card.textContent()).toMatch(/Open book of social innovation/i);
    await chip.click();
  });

  it('shows each model\'s citation once: the chip when a reference is linked, else the citation as printed', async () => {
    const frameworks = (await server.request('GET', '/api/reviews/1/frameworks')).body as { id: number; name: string; role: string; citation: string }[];
    const models = frameworks.filter((f) => f.role === 'source');
    const linked = await Promise.all(models.map(async (m) =>
      ((await server.request('GET', `/api/reviews/1/citation-links?targetType=framework&targetId=${m.id}`)).body as unknown[]).length));
    const items = page.locator('.model-list > li');
    // no card left open by hovering (the test before pinned and unpinned one under the mouse)
    await page.mouse.move(0, 0);
    await expect.poll(() => items.locator('.citation-chip-button').count()).toBe(linked.filter((n) => n > 0).length);
    for (const [i, m] of models.entries()) {
      const item = items.nth(i);
      const chips = await item.locator('.citation-chip-button').count();
      const printed = await item.locator('.citation').count();
      if (linked[i]) expect([m.name, chips, printed]).toEqual([m.name, linked[i], 0]);
      else expect([m.name, chips, printed]).toEqual([m.name, 0, m.citation ? 1 : 0]);
      // the in-text form appears once in the item's text, whichever form it takes
      const text = await item.innerText();
      const year = /\d{4}/.exec(m.citation)?.[0];
      if (year) expect(text.split(year).length - 1, `${m.name}: ${text}`).toBe(1);
    }
    expect(linked.some((n) => n > 0)).toBe(true);
  });

  it('shows the review flow the paper reports, and says where it reports no number', async () => {
    const flow = page.locator('.flow-list');
    await flow.waitFor();
    const text = await flow.innerText();
    expect(text).toContain('3,819');
    expect(text).toContain('304');
    expect(text).toContain('79');
    expect(text).toMatch(/Duplicates removed[^\n]*\n?\s*not reported/);
  });

  it('passes axe-core with no violations and logs no console errors', async () => {
    expect(await axeViolations(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
