// Lanes in a real browser: 2–4 models against the stages, ribbons for each alignment, crossings flagged.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { hasChromium, launchBrowser, requireBuiltClient, watchConsoleErrors, PAGE_TIMEOUT } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

interface Named { id: number; name: string }

describe.runIf(hasChromium)('lanes', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];
  let models: Named[];
  let stages: Named[];
  const R = '/api/reviews/1';
  const model = (name: string) => models.find((m) => m.name.includes(name)) as Named;
  const stageId = (name: string) => stages.find((s) => s.name === name)?.id;

  beforeAll(async () => {
    requireBuiltClient();
    server = await startTestServer();
    const frameworks = (await server.request('GET', `${R}/frameworks`)).body as (Named & { role: string })[];
    models = frameworks.filter((f) => f.role === 'source');
    stages = (await server.request('GET', `${R}/frameworks/${frameworks.find((f) => f.role === 'target')?.id}/stages`)).body;
    // EPIS: implementation → Integrating, then sustainment → Developing: the later phase points to the earlier stage
    const [exploration, preparation, implementation, sustainment] = (await server.request('GET', `${R}/frameworks/${model('EPIS').id}/phases`)).body;
    const align = (phaseId: number, stage: string, relation: string) =>
      server.request('POST', `${R}/alignments`, { phaseId, stageId: stageId(stage), relation });
    await align(exploration.id, 'Mobilising', 'subset-of');
    await align(preparation.id, 'Designing', 'intersects-with');
    await align(implementation.id, 'Integrating', 'equivalent');
    await align(sustainment.id, 'Developing', 'intersects-with');
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.setDefaultTimeout(PAGE_TIMEOUT);
    watchConsoleErrors(page, consoleErrors);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('on a phone draws one narrow diagram per model, at the size it is read, with the same ribbons and crossings', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    try {
      const ids = [model('Double Diamond').id, model('EPIS').id];
      await phone.goto(`${server.url}/#/lanes/${ids.join(',')}`);
      await phone.getByRole('heading', { name: /Crossing alignments to review/ }).waitFor({ timeout: 60_000 });
      const columns = phone.locator('svg.lanes-column');
      expect(await columns.count()).toBe(2);
      expect(await phone.locator('svg.lanes-svg g.lane').count()).toBe(0);
      const epis = phone.locator(`svg.lanes-column[data-framework-id="${model('EPIS').id}"]`);
      expect(await epis.locator('g.ribbon').count()).toBe(4);
      expect(await epis.locator('g.ribbon.crossing').count()).toBe(2);
      // readable: drawn close to 1:1, so a phase label is about as tall as body text, and nothing is wider than the phone
      const sizes = await epis.evaluate((svg: SVGSVGElement) => {
        const text = svg.querySelector('.lane-phase text')?.getBoundingClientRect();
        return { width: svg.getBoundingClientRect().width, text: text?.height ?? 0, page: document.documentElement.scrollWidth };
      });
      expect(sizes.width).toBeLessThanOrEqual(390);
      expect(sizes.text).toBeGreaterThanOrEqual(10);
      expect(sizes.page).toBeLessThanOrEqual(390);
      expect(await axeViolations(phone)).toEqual([]);
    } finally {
      await phone.close();
    }
  });

  it('draws one lane per chosen model with a ribbon per alignment, and flags the crossing pair', async () => {
    const ids = [model('Double Diamond').id, model('EPIS').id, model('Innovation Spiral').id];
    await page.goto(`${server.url}/#/lanes/${ids.join(',')}`);
    await page.getByRole('heading', { name: /Crossing alignments to review/ }).waitFor();
    expect(await page.locator('svg.lanes-svg g.lane').count()).toBe(3);
    const epis = page.locator(`g.lane[data-framework-id="${model('EPIS').id}"]`);
    expect(await epis.locator('g.ribbon').count()).toBe(4);
    expect(await epis.locator('g.ribbon.crossing').count()).toBe(2);
    expect(await epis.locator('g.lane-phase.crossing').count()).toBe(2);
    expect(await page.locator(`g.lane[data-framework-id="${model('Double Diamond').id}"] g.ribbon`).count()).toBe(0);
    expect(await page.getByRole('heading', { name: /Crossing alignments/ }).textContent()).toBe('Crossing alignments to review (1)');
    expect(await page.locator('.crossing-list li').allTextContents()).toEqual([
      'EPIS framework: ‘Implementation’ (phase 3) goes to Integrating, but ‘sustainment’ (phase 4) goes to the earlier Developing.',
    ]);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('puts every relation mark on an opaque chip above all ribbons, never on a dashed line or on another mark', async () => {
    const ids = [model('EPIS').id, model('Innovation Spiral').id, model('The six stages').id];
    await page.goto(`${server.url}/#/lanes/${ids.join(',')}`);
    await page.getByRole('heading', { name: /Crossing alignments to review/ }).waitFor();
    const report = await page.evaluate(() => [...document.querySelectorAll('svg.lanes-svg g.lane')].map((lane) => {
      const ribbons = [...lane.querySelectorAll('g.ribbon')];
      const labels = [...lane.querySelectorAll('g.ribbon-label')];
      const lastRibbon = ribbons.at(-1);
      const box = (el: Element) => el.getBoundingClientRect();
      const marks = labels.map((l) => {
        const rect = l.querySelector('rect');
        const text = l.querySelector('text');
        if (!rect || !text) return null;
        const r = box(rect);
        const t = box(text);
        return {
          id: l.getAttribute('data-alignment-id'),
          text: text.textContent,
          fill: getComputedStyle(rect).fill,
          // the mark's glyphs lie inside its chip
          inside: t.left >= r.left - 0.5 && t.right <= r.right + 0.5 && t.top >= r.top - 1 && t.bottom <= r.bottom + 1,
          // painted after every ribbon of the lane, so no ribbon is drawn over it
          above: !lastRibbon || (lastRibbon.compareDocumentPosition(l) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0,
          r: { left: r.left, right: r.right, top: r.top, bottom: r.bottom },
        };
      });
      return { ribbons: ribbons.map((r) => r.getAttribute('data-alignment-id')), marks };
    }));
    for (const lane of report) {
      expect(lane.marks.map((m) => m?.id).sort()).toEqual([...lane.ribbons].sort());
      for (const m of lane.marks) expect(m).toMatchObject({ fill: 'rgb(255, 255, 255)', inside: true, above: true });
      const rects = lane.marks.map((m) => m?.r).filter((r) => r !== undefined);
      for (const [i, a] of rects.entries()) {
        for (const b of rects.slice(i + 1)) {
          const apart = a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
          expect(apart).toBe(true);
        }
      }
    }
    // the crossing ribbons of EPIS carry "!" on their chips
    expect(report[0]?.marks.filter((m) => m?.text?.endsWith(' !'))).toHaveLength(2);
  });

  it('lets the user choose lanes by keyboard, at most four', async () => {
    await page.goto(`${server.url}/#/lanes/${model('EPIS').id}`);
    await page.getByRole('status').filter({ hasText: 'Choose at least two models' }).waitFor();
    const box = page.getByRole('checkbox', { name: 'Innovation Spiral' });
    await box.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => page.locator('svg.lanes-svg g.lane').count()).toBe(2);
    for (const name of ['Double Diamond', 'Human-centred design']) {
      await page.getByRole('checkbox', { name }).check();
    }
    await expect.poll(() => page.locator('svg.lanes-svg g.lane').count()).toBe(4);
    expect(await page.getByRole('checkbox', { name: 'Phases of Innovation' }).isDisabled()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'EPIS framework' }).isDisabled()).toBe(false);
  });

  it('clears the flag once the crossing is resolved', async () => {
    const [, , , sustainment] = (await server.request('GET', `${R}/frameworks/${model('EPIS').id}/phases`)).body;
    const [a] = (await server.request('GET', `${R}/alignments?phaseId=${sustainment.id}`)).body;
    await server.request('PATCH', `${R}/alignments/${a.id}`, { stageId: stageId('Integrating'), version: a.version });
    await page.goto(`${server.url}/#/lanes/${model('EPIS').id},${model('Innovation Spiral').id}`);
    await page.reload();
    await page.getByText('No crossing alignments').waitFor();
    expect(await page.locator('g.ribbon.crossing').count()).toBe(0);
    expect(consoleErrors).toEqual([]);
  });
});
