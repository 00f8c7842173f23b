// The coverage matrix and the model-to-model crosswalk in a real browser, against a server on a temp SQLite file.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { hasChromium, launchBrowser, requireBuiltClient, watchConsoleErrors } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

interface Named { id: number; name?: string; label?: string; version: number }

describe.runIf(hasChromium)('coverage matrix', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];
  let stageId: (name: string) => number;
  let phase: (label: string) => Named;

  const matrix = () => page.getByRole('table', { name: /^Coverage: 10 models × 6 stages/ });
  const cell = (model: string, stage: string) => page.getByRole('button', { name: new RegExp(`^${model} × ${stage}:`) });

  beforeAll(async () => {
    requireBuiltClient();
    server = await startTestServer();
    const { crosswalk } = (await server.request('GET', '/api/reviews/1/crosswalk')).body;
    const stages: Named[] = crosswalk.stages;
    const phases: Named[] = crosswalk.models.flatMap((m: { phases: Named[] }) => m.phases);
    stageId = (name) => {
      const s = stages.find((x) => x.name === name);
      if (!s) throw new Error(`no stage ${name}`);
      return s.id;
    };
    phase = (label) => {
      const p = phases.find((x) => x.label === label);
      if (!p) throw new Error(`no phase ${label}`);
      return p;
    };
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    watchConsoleErrors(page, consoleErrors);
    await page.goto(`${server.url}/#/coverage`);
    await matrix().waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the seed: Murray et al. aligned phase by phase, the other models not yet assessed, every stage tied', async () => {
    await expect(cell('The six stages of social innovation', 'Developing').getAttribute('aria-label'))
      .resolves.toMatch(/1 phase aligned: 1 subset-of$/);
    await expect(cell('The six stages of social innovation', 'Developing').textContent()).resolves.toBe('1 ⊂');
    await expect(cell('EPIS framework', 'Mobilising').textContent()).resolves.toBe('? not assessed');
    await expect(page.getByTestId('least-covered').textContent()).resolves.toBe(
      'Least covered stages: Mobilising, Designing, Developing, Integrating, Growing, System change — reached by 1 of 10 models with 1 phase.',
    );
  });

  it('updates when alignments change through the API', async () => {
    const create = (label: string, stage: string | null, relation: string, rationale: string) =>
      server.request('POST', '/api/reviews/1/alignments', {
        phaseId: phase(label).id, stageId: stage === null ? null : stageId(stage), relation, confidence: 0.7, rationale,
      });
    expect((await create('Develop ideas', 'Designing', 'equivalent', 'Ideas are designed here.')).status).toBe(201);
    expect((await create('Test and improve', 'Developing', 'subset-of', 'Testing is one part of developing.')).status).toBe(201);
    expect((await create('Scale and spread', null, 'no-counterpart', '')).status).toBe(201);
    const murray = (await server.request('GET', `/api/reviews/1/alignments?phaseId=${phase('Prototyping and pilots').id}`)).body[0];
    const patched = await server.request('PATCH', `/api/reviews/1/alignments/${murray.id}`, { relation: 'superset-of', version: murray.version });
    expect(patched.status).toBe(200);

    await page.reload();
    await matrix().waitFor();
    const spectrum = 'Innovation spectrum tool';
    await expect(cell(spectrum, 'Designing').textContent()).resolves.toBe('1 ≡');
    await expect(cell(spectrum, 'Developing').textContent()).resolves.toBe('1 ⊂');
    // every phase of the model is assessed now, so the stages it misses have no counterpart rather than being unassessed
    await expect(cell(spectrum, 'Growing').textContent()).resolves.toBe('— none');
    await expect(cell(spectrum, 'Growing').getAttribute('aria-label')).resolves.toMatch(/no counterpart/);
    await expect(cell('EPIS framework', 'Growing').getAttribute('aria-label')).resolves.toMatch(/not assessed yet$/);
    await expect(cell('The six stages of social innovation', 'Developing').textContent()).resolves.toBe('1 ⊃');
    const spectrumRow = matrix().locator('tbody tr').filter({ has: page.getByRole('rowheader', { name: /^Innovation spectrum tool/ }) });
    await expect(spectrumRow.locator('td.cov-assessed').allTextContents()).resolves.toEqual(['2 of 6', '3 of 3 (1 without counterpart)']);
    const totals = await matrix().locator('tfoot td').allTextContents();
    expect(totals.slice(0, 6)).toEqual([
      '1 of 10 · 1 phase · least covered', '2 of 10 · 2 phases', '2 of 10 · 2 phases',
      '1 of 10 · 1 phase · least covered', '1 of 10 · 1 phase · least covered', '1 of 10 · 1 phase · least covered',
    ]);
    await expect(page.getByTestId('least-covered').textContent()).resolves.toBe(
      'Least covered stages: Mobilising, Integrating, Growing, System change — reached by 1 of 10 models with 1 phase.',
    );
  });

  it('opens a cell on click and lists its alignments with relation, confidence and rationale', async () => {
    await cell('Innovation spectrum tool', 'Developing').click();
    const panel = page.getByRole('region', { name: /Innovation spectrum tool.* × Developing/ });
    await panel.waitFor();
    const rows = await panel.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim())));
    expect(rows).toEqual([['Test and improve', '⊂ subset-of', '0.70', 'Testing is one part of developing.']]);
    await panel.getByRole('button', { name: 'Close' }).click();
    await expect(panel.count()).resolves.toBe(0);
  });

  it('closes the cell panel with Escape and puts focus back on the cell', async () => {
    const target = cell('Innovation spectrum tool', 'Designing');
    await target.focus();
    await page.keyboard.press('Enter');
    const panel = page.getByRole('region', { name: /Innovation spectrum tool.* × Designing/ });
    await panel.waitFor();
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    await expect(target.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
  });

  it('is operable by keyboard alone: arrow keys move between cells, Enter opens one', async () => {
    const first = page.locator('[data-cell="0-0"]');
    await first.focus();
    // one tab stop for the grid: the other cells are reached with arrow keys
    await expect(page.locator('.coverage-table button[tabindex="0"]').count()).resolves.toBe(1);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    expect(focused).toMatch(/^Innovation spectrum tool × Developing:/);
    await page.keyboard.press('Enter');
    await page.getByRole('region', { name: /Innovation spectrum tool.* × Developing/ }).waitFor();
    const seed = page.getByRole('region', { name: /Innovation spectrum tool.* × Developing/ });
    await expect(seed.getByText('Testing is one part of developing.').count()).resolves.toBe(1);
  });

  it('passes axe-core with a cell open and logs no console errors', async () => {
    expect(await axeViolations(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});

describe.runIf(hasChromium)('model-to-model crosswalk', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    const { crosswalk } = (await server.request('GET', '/api/reviews/1/crosswalk')).body;
    const stage = (name: string): number => crosswalk.stages.find((s: Named) => s.name === name).id;
    const phaseId = (label: string): number =>
      crosswalk.models.flatMap((m: { phases: Named[] }) => m.phases).find((p: Named) => p.label === label).id;
    // EPIS "Implementation" spans Developing and Integrating; Murray's "Prototyping and pilots" is part of Developing
    // (seed), so Implementation ⊃ Developing ⊃ Prototyping derives ⊃; against "sustaining" ≡ Integrating also ⊃
    for (const [label, name, relation] of [['Implementation', 'Developing', 'superset-of'], ['Implementation', 'Integrating', 'superset-of'], ['Exploration', 'Mobilising', 'subset-of']] as const) {
      const res = await server.request('POST', '/api/reviews/1/alignments', { phaseId: phaseId(label), stageId: stage(name), relation });
      expect(res.status).toBe(201);
    }
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    watchConsoleErrors(page, consoleErrors);
    await page.goto(`${server.url}/#/pairwise`);
    await page.getByLabel('Model A').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('derives EPIS against Murray et al. through the shared stages, labelled as derived', async () => {
    await page.getByLabel('Model A').selectOption({ label: 'EPIS framework (Moullin et al., 2019)' });
    await page.getByLabel('Model B').selectOption({ label: 'The six stages of social innovation (Murray et al., 2010)' });
    const table = page.getByRole('table', { name: /Derived correspondences: EPIS framework → The six stages/ });
    await table.waitFor();
    await expect(table.locator('caption').textContent()).resolves.toMatch(/derived through the target framework, not a reviewer's judgement/);
    const rows = await table.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('th, td')].slice(0, 4).map((c) => (c.textContent ?? '').trim())));
    expect(rows).toEqual([
      ['Exploration', '⊂ part of (derived)', 'Prompts, inspirations and diagnoses', 'Mobilising (⊂ subset-of, ≡ equivalent)'],
      ['Implementation', '⊃ spans more than (derived)', 'Prototyping and pilots', 'Developing (⊃ superset-of, ⊂ subset-of)'],
      ['Implementation', '⊃ spans more than (derived)', 'sustaining', 'Integrating (⊃ superset-of, ≡ equivalent)'],
    ]);
    await expect(page.getByText('EPIS framework: preparation; sustainment').count()).resolves.toBe(1);
  });

  it('keeps the pair in the URL and swaps the models, inverting the derived relations', async () => {
    const { crosswalk } = (await server.request('GET', '/api/reviews/1/crosswalk')).body;
    const id = (name: string): number => crosswalk.models.find((m: { framework: Named }) => m.framework.name === name).framework.id;
    const epis = id('EPIS framework');
    const murray = id('The six stages of social innovation');
    expect(new URL(page.url()).hash).toBe(`#/r/stages-of-innovation/pairwise/${epis}/${murray}`);
    await page.getByRole('button', { name: 'Swap A and B' }).click();
    const table = page.getByRole('table', { name: /Derived correspondences: The six stages of social innovation → EPIS framework/ });
    await table.waitFor();
    const rows = await table.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('th, td')].slice(0, 3).map((c) => (c.textContent ?? '').trim())));
    expect(rows).toEqual([
      ['Prompts, inspirations and diagnoses', '⊃ spans more than (derived)', 'Exploration'],
      ['Prototyping and pilots', '⊂ part of (derived)', 'Implementation'],
      ['sustaining', '⊂ part of (derived)', 'Implementation'],
    ]);
    expect(new URL(page.url()).hash).toBe(`#/r/stages-of-innovation/pairwise/${murray}/${epis}`);
    // a bookmarked pair opens as it was left
    await page.goto(`${server.url}/#/pairwise/${epis}/${murray}`);
    await page.getByRole('table', { name: /Derived correspondences: EPIS framework → The six stages/ }).waitFor();
  });

  it('passes axe-core and logs no console errors', async () => {
    expect(await axeViolations(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
