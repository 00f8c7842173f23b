// A new user's path through the library in real Chromium: import three files, watch progress, read the report,
// merge the duplicates found, undo an import, search the result; axe-core finds nothing on either screen.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { hasChromium, launchBrowser, requireBuiltClient } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const RIS = `TY  - JOUR
TI  - Implementation of family group conferencing in children's social care
AU  - Müller, Anna
PY  - 2019
T2  - Child Abuse & Neglect
DO  - 10.1016/j.chiabu.2019.01.001
ER  - 

TY  - JOUR
TI  - Diffusion of innovations in public services
AU  - Greenhalgh, Trisha
PY  - 2004
T2  - <b>Milbank</b> Quarterly
ER  - 
`;
const BIB = `@article{m2019,
  title = {Implementation of Family Group Conferencing in Children's Social Care},
  author = {M{\\"u}ller, Anna and Smith, John},
  year = {2019},
  doi = {https://doi.org/10.1016/J.CHIABU.2019.01.001}
}
`;
const CSL = JSON.stringify([
  { id: 'g', type: 'article-journal', title: 'Diffusion of innovations in public services', author: [{ family: 'Greenhalgh', given: 'T.' }], issued: { 'date-parts': [[2004]] } },
  { id: 's', type: 'report', title: 'Sustaining innovation in children’s services <img src=x onerror=alert(1)>', author: [{ family: 'Brown', given: 'Peter' }], issued: { 'date-parts': [[2021]] } },
  { id: 'bad', type: 'book', title: 7 },
]);

describe.runIf(hasChromium)('library screens', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const files: string[] = [];
  const dialogs: string[] = [];

  beforeAll(async () => {
    requireBuiltClient();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-lib-e2e-'));
    for (const [name, text] of [['zotero.ris', RIS], ['bbt.bib', BIB], ['manual.json', CSL]] as const) {
      fs.writeFileSync(path.join(dir, name), text);
      files.push(path.join(dir, name));
    }
    server = await startTestServer();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.accept();
    });
    await page.goto(`${server.url}/#/library`);
    await page.getByRole('heading', { name: 'Import' }).waitFor();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('imports three files with a progress bar and a per-file report', async () => {
    await page.locator('input[type=file]').setInputFiles(files);
    await page.locator('progress').waitFor({ timeout: 20_000 });
    const report = page.getByRole('list', { name: 'Import report' });
    await expect.poll(async () => report.locator(':scope > li').count(), { timeout: 60_000 }).toBe(3);
    const lines = await report.locator(':scope > li').allInnerTexts();
    expect(lines[0]).toMatch(/zotero\.ris \(ris\): 2 records, 2 imported, 0 failed/);
    expect(lines[1]).toMatch(/bbt\.bib \(bibtex\): 1 records, 1 imported, 0 failed/);
    expect(lines[2]).toMatch(/manual\.json \(csl-json\): 3 records, 2 imported, 1 failed/);
    expect(lines[2]).toMatch(/record 3: /);
    await expect.poll(async () => page.locator('.library-row button').count()).toBe(5);
    expect(await axeViolations(page)).toEqual([]);
  }, 90_000);

  it('imports a file dropped onto the drop zone', async () => {
    const dt = await page.evaluateHandle(() => {
      const d = new DataTransfer();
      d.items.add(new File(['TY  - JOUR\nTI  - A dropped record on scaling social innovation\nAU  - Okafor, Olu\nPY  - 2022\nER  - \n'], 'dropped.ris'));
      return d;
    });
    await page.locator('.drop-zone').dispatchEvent('drop', { dataTransfer: dt });
    const report = page.getByRole('list', { name: 'Import report' });
    await expect.poll(async () => report.innerText(), { timeout: 60_000 }).toMatch(/dropped\.ris \(ris\): 1 records, 1 imported, 0 failed/);
    await expect.poll(async () => page.locator('.library-row button').count()).toBe(6);
    // the app's own dialog, not the browser's: Escape cancels and nothing is undone
    await page.getByRole('button', { name: 'Undo import of dropped.ris' }).click();
    const ask = page.getByRole('dialog', { name: 'Undo the import of dropped.ris?' });
    await ask.waitFor();
    await page.keyboard.press('Escape');
    await ask.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Undo import of dropped.ris');
    expect(await page.locator('.library-row button').count()).toBe(6);
    await page.getByRole('button', { name: 'Undo import of dropped.ris' }).click();
    await ask.getByRole('button', { name: 'Undo import' }).click();
    await expect.poll(async () => page.locator('.library-row button').count()).toBe(5);
    await page.getByRole('status').filter({ hasText: 'Import of dropped.ris undone: 1 items removed.' }).waitFor({ state: 'attached' });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('batches-h');
    expect(dialogs).toEqual([]);
  }, 90_000);

  it("says in the screen's words why a picture cannot be imported", async () => {
    const dt = await page.evaluateHandle(() => {
      const d = new DataTransfer();
      d.items.add(new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])], 'figure.png'));
      return d;
    });
    await page.locator('.drop-zone').dispatchEvent('drop', { dataTransfer: dt });
    const report = page.getByRole('list', { name: 'Import report' });
    await expect.poll(async () => report.innerText(), { timeout: 60_000 })
      .toMatch(/figure\.png: not imported — figure\.png is not a bibliography we can read \(it looks like an image \(PNG\)\)\. Choose the format in the Format menu if it is one\./);
    expect(await report.innerText()).not.toMatch(/--format/);
  }, 90_000);

  it('shows an item with its raw source record as text, never as HTML', async () => {
    await page.locator('.library-row button', { hasText: 'Sustaining innovation' }).click();
    const pre = page.locator('.source-record pre');
    await pre.waitFor();
    expect(await pre.innerText()).toContain('<img src=x onerror=alert(1)>');
    expect(await page.locator('.library-detail img').count()).toBe(0);
    expect(await page.locator('.source-origin').innerText()).toBe('manual.json, record 2 (csl-json)');
  });

  it('merges the duplicates found, side by side with differing fields marked, and can undo', async () => {
    await page.goto(`${server.url}/#/duplicates`);
    await page.getByText('2 groups to review').waitFor();
    expect(await page.locator('.dup-table td.differs').count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: /Merge these 2 records/ }).click();
    await page.getByText('1 groups to review').waitFor();
    await page.getByRole('button', { name: /Merge these 2 records/ }).press('Enter');
    await page.getByText('0 groups to review').waitFor();
    expect(await page.locator('.merge-log li').count()).toBe(2);
    await page.getByRole('button', { name: /Undo merge/ }).first().click();
    await page.getByText('1 groups to review').waitFor();
    await page.getByRole('button', { name: /Merge these 2 records/ }).click();
    await page.getByText('0 groups to review').waitFor();
  }, 60_000);

  it('searches the merged library, typo tolerated, and undoes an import', async () => {
    await page.goto(`${server.url}/#/library`);
    await expect.poll(async () => page.locator('.library-row button').count()).toBe(3);
    await page.getByRole('searchbox').fill('difusion');
    await expect.poll(async () => page.locator('.library-row button').allInnerTexts()).toEqual([expect.stringContaining('Diffusion of innovations in public services')]);
    await page.getByRole('searchbox').fill('');
    await expect.poll(async () => page.locator('.library-row button').count()).toBe(3);
    await page.getByRole('button', { name: 'Undo import of manual.json' }).click();
    await page.getByRole('dialog', { name: 'Undo the import of manual.json?' }).getByRole('button', { name: 'Undo import' }).click();
    await expect.poll(async () => page.locator('.library-row button').count()).toBe(2);
    expect(await axeViolations(page)).toEqual([]);
  }, 60_000);
});
