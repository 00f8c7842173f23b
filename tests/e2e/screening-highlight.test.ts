// The review's inclusion and exclusion terms, set on the Settings screen by keyboard, marked in the record being
// screened (title, abstract and keywords), each kind looking different; axe-clean.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { libraryOf } from '../../server/routes/literature.ts';
import { axeViolations } from '../support/axe.ts';
import { hasChromium, launchBrowser, requireBuiltClient, watchConsoleErrors, PAGE_TIMEOUT } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const RIS = [
  'TY  - JOUR', 'TI  - Kinship care for children in need: a randomised trial', 'AU  - Doe, Jane', 'PY  - 2019',
  'AB  - Children placed with grandparents were compared with adults in residential care.', 'KW  - childcare', 'ER  - ', '',
].join('\n');

describe.runIf(hasChromium)('highlight terms while screening', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];
  let review: { id: number; slug: string };
  let me = 0;

  beforeAll(async () => {
    requireBuiltClient();
    server = await startTestServer();
    review = (await server.request('POST', '/api/reviews', { title: 'Highlighting' })).body;
    me = (await server.request('POST', `/api/reviews/${review.id}/reviewers`, { name: 'Ada Lovelace' })).body.id;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-highlight-'));
    const file = path.join(dir, 'one.ris');
    fs.writeFileSync(file, RIS);
    await libraryOf(server.wb.db).imports.start({
      reviewId: review.id, file, fileName: 'one.ris', format: 'ris', sourceName: 'Scopus', searchString: '', actor: 'test', removeFile: true,
    }).done;
    expect((await server.request('POST', `/api/reviews/${review.id}/screening/stages`, { kind: 'title-abstract' }, { 'x-workbench-reviewer': String(me) })).status).toBe(201);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(PAGE_TIMEOUT);
    watchConsoleErrors(page, consoleErrors);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('saves the terms from Settings and marks them in the record', async () => {
    await page.goto(`${server.url}/#/r/${review.slug}/settings`);
    await page.getByLabel('Inclusion terms to highlight while screening').focus();
    await page.keyboard.type('child*\nkinship care');
    await page.getByLabel('Exclusion terms to highlight while screening').focus();
    await page.keyboard.type('adults\nresidential');
    await page.getByRole('button', { name: 'Save', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Saved the settings.' }).waitFor();
    const saved = (await server.request('GET', `/api/reviews/${review.id}`)).body.settings.highlightTerms;
    expect(saved).toEqual({ include: ['child*', 'kinship care'], exclude: ['adults', 'residential'] });

    await page.goto(`${server.url}/#/r/${review.slug}/screening`);
    await page.getByLabel('You are').selectOption(String(me));
    const record = page.locator('.screen-record');
    await record.waitFor();
    await expect.poll(() => record.locator('mark.term-include').allTextContents())
      .toEqual(['Kinship care', 'children', 'Children', 'childcare']);
    expect(await record.locator('mark.term-exclude').allTextContents()).toEqual(['adults', 'residential']);
    // the words around the marks are all still there
    expect(await record.locator('h3').textContent()).toBe('Kinship care for children in need: a randomised trial');
    expect(await axeViolations(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
