// Rich titles on screen in real Chromium: an italic title from BibTeX renders as <i> in the library list and the
// item's detail, a `<img onerror>` title stays text (no element, no handler run), and the screening highlight marks a
// term inside an italic word of the abstract; axe-clean.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { libraryOf } from '../../server/routes/literature.ts';
import { axeViolations } from '../support/axe.ts';
import { hasChromium, launchBrowser, requireBuiltClient, watchConsoleErrors, PAGE_TIMEOUT } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const BIB = `@article{homo2020,
  title = {\\textit{Homo sapiens} in Europe, CO\\textsubscript{2} and m$^2$},
  author = {Smith, Jane},
  journal = {Journal of Tests},
  year = {2020},
  abstract = {Children of \\emph{Homo sapiens} were followed up.}
}
`;
const RIS = [
  'TY  - JOUR', 'TI  - Sustaining &lt;img src=x onerror=alert(1)&gt; innovation', 'AU  - Brown, Peter', 'PY  - 2021', 'ER  - ', '',
].join('\n');

describe.runIf(hasChromium)('rich titles on screen', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];
  const dialogs: string[] = [];
  let review: { id: number; slug: string; version: number };
  let me = 0;

  beforeAll(async () => {
    requireBuiltClient();
    server = await startTestServer();
    review = (await server.request('POST', '/api/reviews', { title: 'Rich text' })).body;
    me = (await server.request('POST', `/api/reviews/${review.id}/reviewers`, { name: 'Ada Lovelace' })).body.id;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-rich-'));
    for (const [name, text, format] of [['rich.bib', BIB, 'bibtex'], ['evil.ris', RIS, 'ris']] as const) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, text);
      await libraryOf(server.wb.db).imports.start({
        reviewId: review.id, file, fileName: name, format, sourceName: 'Test', searchString: '', actor: 'test', removeFile: true,
      }).done;
    }
    const current = (await server.request('GET', `/api/reviews/${review.id}`)).body;
    const patched = await server.request('PATCH', `/api/reviews/${review.id}`, {
      version: current.version, settings: { ...current.settings, highlightTerms: { include: ['homo'], exclude: [] } },
    });
    expect(patched.status).toBe(200);
    expect((await server.request('POST', `/api/reviews/${review.id}/screening/stages`, { kind: 'title-abstract' }, { 'x-workbench-reviewer': String(me) })).status).toBe(201);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(PAGE_TIMEOUT);
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    watchConsoleErrors(page, consoleErrors);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the library list and the detail show the italic title as <i>, the <img> title as text', async () => {
    await page.goto(`${server.url}/#/r/${review.slug}/library`);
    const rich = page.locator('.library-row button', { hasText: 'Homo sapiens in Europe' });
    await rich.waitFor();
    expect(await rich.locator('.row-title i').allTextContents()).toEqual(['Homo sapiens']);
    expect(await rich.locator('.row-title sub').textContent()).toBe('2');
    expect(await rich.locator('.row-title sup').textContent()).toBe('2');
    expect(await rich.locator('.row-title').textContent()).toBe('Homo sapiens in Europe, CO2 and m2');

    const evil = page.locator('.library-row button', { hasText: 'Sustaining' });
    expect(await evil.locator('.row-title').textContent()).toBe('Sustaining <img src=x onerror=alert(1)> innovation');
    expect(await page.locator('.library-list img').count()).toBe(0);

    await rich.click();
    const heading = page.locator('.library-detail h3');
    await heading.locator('i').waitFor();
    expect(await heading.locator('i').textContent()).toBe('Homo sapiens');
    expect(await page.locator('.library-detail dd i').allTextContents()).toEqual(['Homo sapiens', 'Homo sapiens']);
    await evil.click();
    await page.locator('.library-detail h3', { hasText: 'Sustaining' }).waitFor();
    expect(await page.locator('.library-detail h3').textContent()).toBe('Sustaining <img src=x onerror=alert(1)> innovation');
    expect(await page.locator('.library-detail h3 img, .library-detail dd img').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(consoleErrors).toEqual([]);
  }, 60_000);

  it('screening marks a term inside the italic words of the abstract', async () => {
    await page.goto(`${server.url}/#/r/${review.slug}/screening`);
    await page.getByLabel('You are').selectOption(String(me));
    // one record at a time, in a stable random order: move on (J) until the rich one is shown
    await page.locator('.screen-record').waitFor();
    if (!(await page.locator('.screen-record').innerText()).includes('Homo sapiens')) await page.keyboard.press('j');
    const record = page.locator('.screen-record', { hasText: 'Homo sapiens' });
    await record.waitFor();
    await expect.poll(() => record.locator('.screen-abstract i mark.term-include').allTextContents()).toEqual(['Homo']);
    expect(await record.locator('.screen-abstract').textContent()).toBe('Children of Homo sapiens were followed up.');
    expect(await axeViolations(page)).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(consoleErrors).toEqual([]);
  }, 60_000);
});
