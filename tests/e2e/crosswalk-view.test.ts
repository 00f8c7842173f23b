// The crosswalk screen in a real browser: Table 1 as printed, the stage layout with relation marks, and the
// stage layout following a change of relation.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { hasChromium, launchBrowser, requireBuiltClient, watchConsoleErrors } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

describe.runIf(hasChromium)('crosswalk view', () => {
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
    await page.goto(`${server.url}/#/crosswalk`);
    await page.getByRole('table', { name: /Modellings of the stages of innovation/ }).waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const rowCells = (tableName: RegExp) =>
    page.getByRole('table', { name: tableName }).locator('tr').evaluateAll((rows) =>
      rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim())),
    );

  it('shows Table 1 exactly as the export has it', async () => {
    const table = (await server.request('GET', '/api/reviews/1/crosswalk')).body.tables.bands;
    expect(await rowCells(/Modellings of the stages of innovation/)).toEqual([table.header, ...table.rows]);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('switches to the stage layout by keyboard, with marks, readable relations and the two empty states', async () => {
    await page.getByRole('radio', { name: /Table 1/ }).focus();
    await page.keyboard.press('ArrowDown');
    const table = page.getByRole('table', { name: 'Source models aligned to the target stages' });
    await table.waitFor();
    expect(page.url()).toMatch(/#\/r\/stages-of-innovation\/crosswalk\/stages$/);
    const cells = await rowCells(/Source models aligned to the target stages/);
    expect(cells[0]).toEqual(['Model', 'Mobilising', 'Designing', 'Developing', 'Integrating', 'Growing', 'System change']);
    // Murray et al. as seeded (fixtures/seed): one to one, prototyping a subset of Developing; the screen reader
    // text names each relation
    expect(cells[1]).toEqual([
      'The six stages of social innovation (Murray et al., 2010)',
      'Prompts, inspirations and diagnoses ≡ (equivalent)',
      'proposals and ideas ≡ (equivalent)',
      'Prototyping and pilots ⊂ (subset of)',
      'sustaining ≡ (equivalent)',
      'Scaling and diffusion ≡ (equivalent)',
      'systemic change ≡ (equivalent)',
    ]);
    expect(cells[2]?.slice(1)).toEqual(Array(6).fill('not assessed'));
    expect(await axeViolations(page)).toEqual([]);
  });

  it('updates the stage layout when a relation changes, and tells "no counterpart" from "not assessed"', async () => {
    const cw = (await server.request('GET', '/api/reviews/1/crosswalk')).body.crosswalk;
    const epis = cw.models.find((m: { framework: { name: string } }) => m.framework.name === 'EPIS framework');
    const stageId = (name: string) => cw.stages.find((s: { name: string }) => s.name === name).id;
    const [exploration, preparation, implementation, sustainment] = epis.phases;
    const post = (phaseId: number, stage: string | null, relation: string) =>
      server.request('POST', '/api/reviews/1/alignments', { phaseId, stageId: stage === null ? null : stageId(stage), relation });
    const first = await post(exploration.id, 'Mobilising', 'subset-of');
    await post(preparation.id, 'Designing', 'intersects-with');
    await post(implementation.id, 'Developing', 'equivalent');
    await post(sustainment.id, null, 'no-counterpart');
    await page.reload();
    const row = page.getByRole('row', { name: /EPIS framework/ });
    await row.getByText('Exploration').waitFor();
    const texts = await row.locator('td').allTextContents();
    expect(texts).toEqual([
      'Exploration ⊂ (subset of)',
      'preparation ∩ (intersects with)',
      'Implementation ≡ (equivalent)',
      '— no counterpart',
      '— no counterpart',
      '— no counterpart',
    ]);
    // every phase assessed: the empty cells are "no counterpart", visibly unlike "not assessed"
    const [ncClass, naClass] = await Promise.all([
      row.locator('td').nth(3).getAttribute('class'),
      page.getByRole('row', { name: /Innovation Spiral/ }).locator('td').first().getAttribute('class'),
    ]);
    expect(ncClass).toBe('sl-no-counterpart');
    expect(naClass).toBe('sl-not-assessed');

    const changed = await server.request('PATCH', `/api/reviews/1/alignments/${first.body.id}`, { relation: 'equivalent', version: 1 });
    expect(changed.status).toBe(200);
    await page.reload();
    await expect.poll(() => row.locator('td').first().textContent()).toBe('Exploration ≡ (equivalent)');
  });

  it('has a print stylesheet for A4 that hides the controls', async () => {
    await page.emulateMedia({ media: 'print' });
    const hidden = await page.locator('.layout-switch').evaluate((el) => getComputedStyle(el).display);
    const header = await page.locator('.app-header').evaluate((el) => getComputedStyle(el).display);
    await page.emulateMedia({ media: 'screen' });
    expect(hidden).toBe('none');
    expect(header).toBe('none');
    const pdf = await page.pdf({ format: 'A4', landscape: true, preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(consoleErrors).toEqual([]);
  });
});
