// The "done when", in a real browser: a new user starts a review of their own from the seed's wheel, pastes
// a table of three models of their own, aligns one phase to a stage they defined, exports their own Table 1 — all
// without touching the seed review — and switching between the two loses nothing.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { hasChromium, launchBrowser, requireBuiltClient, watchConsoleErrors, PAGE_TIMEOUT } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const TABLE = [
  'Model\tEarly phases\tMiddle phases\tLatter phases',
  'Digital maturity model (Kane et al., 2017)\tScan the landscape; set a vision\tBuild capabilities\tScale across the organisation',
  'Transformation roadmap (Westerman, 2014)\tAssess\tPilot; learn\tInstitutionalise',
  'Agile public service model (Mergel, 2019)\tDiscover needs\tPrototype; iterate\t',
].join('\n');

const EXPECTED_TABLE1 = [
  'Model,Early phases,Middle phases,Latter phases',
  '"Digital maturity model (Kane et al., 2017)",Scan the landscape; set a vision,Build capabilities,Scale across the organisation',
  '"Transformation roadmap (Westerman, 2014)",Assess,Pilot; learn,Institutionalise',
  '"Agile public service model (Mergel, 2019)",Discover needs,Prototype; iterate,',
  '',
].join('\r\n');

describe.runIf(hasChromium)('a review of your own, start to Table 1', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const consoleErrors: string[] = [];
  const hash = () => page.evaluate(() => window.location.hash);
  const activeId = () => page.evaluate(() => document.activeElement?.id ?? '');

  beforeAll(async () => {
    requireBuiltClient();
    server = await startTestServer();
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    page = await context.newPage();
    page.setDefaultTimeout(PAGE_TIMEOUT);
    watchConsoleErrors(page, consoleErrors);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('creates, fills, aligns and exports a review of its own while the seed review stays exactly as it was', async () => {
    const seedBefore = (await server.request('GET', '/api/reviews/1/crosswalk')).body;
    const seedCsvBefore = (await server.request('GET', '/api/reviews/1/export/crosswalk?format=csv&layout=bands')).text;

    // start from the seed's wheel, by keyboard
    await page.goto(`${server.url}/#/r/stages-of-innovation/align`);
    await page.locator('.phase-card').first().waitFor();
    await page.getByRole('link', { name: 'New review' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Start from' }).waitFor();
    await page.getByLabel('Blank').focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.getByLabel('Template: the six-stage innovation wheel').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Next' }).focus();
    await page.keyboard.press('Enter');
    await page.getByLabel('Title (required)').focus();
    await page.keyboard.type('Digital transformation in children’s services');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Which models of digital transformation fit children’s services?');
    await page.getByRole('button', { name: 'Create review' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: /^Bands of/ }).waitFor();
    const review = ((await server.request('GET', '/api/reviews')).body as { id: number; slug: string; title: string }[])
      .find((r) => r.title === 'Digital transformation in children’s services');
    expect(review?.slug).toBe('digital-transformation-in-children-s-services');
    const slug = review?.slug ?? '';
    const id = review?.id ?? 0;

    // on to the models step: paste the three-model table, check the preview, create
    for (const step of [/^Target framework stages of/, /^Models of/]) {
      await page.getByRole('button', { name: 'Next' }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 2, name: step }).waitFor();
    }
    await page.getByLabel('Table to import').focus();
    await page.evaluate((text) => navigator.clipboard.writeText(text), TABLE);
    await page.keyboard.press('Control+V');
    const preview = page.getByRole('table', { name: 'Models that will be created' });
    await expect.poll(() => preview.locator('tbody th').allTextContents())
      .toEqual(['Digital maturity model', 'Transformation roadmap', 'Agile public service model']);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Create 3 models' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Created 3 models, 11 phases, 0 new bands.' }).waitFor();
    await page.getByRole('link', { name: 'Open the review' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(hash).toBe(`#/r/${slug}/crosswalk`);

    // align "Assess" to Mobilising as equivalent, on the Align screen, by keyboard
    const models = (await server.request('GET', `/api/reviews/${id}/frameworks`)).body as { id: number; name: string; role: string }[];
    const roadmap = models.find((m) => m.name === 'Transformation roadmap');
    const phases = (await server.request('GET', `/api/reviews/${id}/frameworks/${roadmap?.id}/phases`)).body as { id: number; label: string }[];
    const assess = phases.find((p) => p.label === 'Assess');
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Align' }).click();
    await page.getByLabel('Model', { exact: true }).selectOption({ label: 'Transformation roadmap (Westerman, 2014)' });
    await page.locator(`#align-phase-${assess?.id}`).focus();
    await page.keyboard.press('Enter');
    await expect.poll(activeId).toMatch(/^align-stage-/);
    await page.keyboard.press('Enter');
    await page.getByRole('menu').waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await page.keyboard.type('Assessing digital maturity is the diagnosis of need');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.type('0.8');
    await page.keyboard.press('Enter');
    const target = (await server.request('GET', `/api/reviews/${id}/frameworks-by-role/target`)).body;
    const stages = (await server.request('GET', `/api/reviews/${id}/frameworks/${(Array.isArray(target) ? target[0] : target).id}/stages`)).body as { id: number; name: string }[];
    const alignments = async () => ((await server.request('GET', `/api/reviews/${id}/alignments`)).body as { phaseId: number; stageId: number; relation: string; confidence: number; rationale: string }[])
      .map((a) => [a.phaseId, a.stageId, a.relation, a.confidence, a.rationale]);
    await expect.poll(alignments, { timeout: 8000 })
      .toEqual([[assess?.id, stages.find((s) => s.name === 'Mobilising')?.id, 'equivalent', 0.8, 'Assessing digital maturity is the diagnosis of need']]);

    // their own Table 1, as the export dialog previews it
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Overview' }).click();
    await page.getByRole('button', { name: 'Export Table 1…' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Export: Table 1' });
    await expect.poll(() => dialog.getByLabel('File preview').textContent()).toBe(EXPECTED_TABLE1);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    // switch to the seed review and back: each is as it was left
    await page.getByLabel('Current review').selectOption('stages-of-innovation');
    await page.getByRole('heading', { level: 1, name: "Stages of Innovation in Children's Social Care" }).waitFor();
    expect(await hash()).toBe('#/r/stages-of-innovation/overview');
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Crosswalk' }).click();
    await page.getByRole('table', { name: /Modellings of the stages of innovation/ }).waitFor();
    expect((await server.request('GET', '/api/reviews/1/crosswalk')).body).toEqual(seedBefore);
    expect((await server.request('GET', '/api/reviews/1/export/crosswalk?format=csv&layout=bands')).text).toBe(seedCsvBefore);
    await page.getByLabel('Current review').selectOption(slug);
    await page.getByRole('heading', { level: 1, name: 'Digital transformation in children’s services' }).waitFor();
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Align' }).click();
    await expect.poll(hash).toBe(`#/r/${slug}/align/${roadmap?.id}`);
    await page.locator(`li[data-phase-id="${assess?.id}"]`).getByText('Assessing digital maturity is the diagnosis of need').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
