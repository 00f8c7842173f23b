// The Duplicates screen in real Chromium says why a candidate is not certain ("volumes differ: 12 vs 13"), and its
// merge log shows a merge void once the import that gave it a record is undone, with no Undo button; axe finds nothing.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { hasChromium, launchBrowser, requireBuiltClient } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const L = '/api/reviews/1/literature';
const letter = (volume: string) => `TY  - JOUR
TI  - Family group conferencing and the voice of the child
AU  - Smith, Jane
PY  - 2019
T2  - Child Abuse & Neglect
VL  - ${volume}
SP  - 101
ER  - 
`;
const article = (doi: string) => `TY  - JOUR
TI  - Diffusion of innovations in service organizations
AU  - Greenhalgh, Trisha
PY  - 2004
DO  - ${doi}
ER  - 
`;

async function importText(s: TestServer, text: string, fileName: string): Promise<number> {
  const res = await fetch(`${s.url}${L}/imports?fileName=${encodeURIComponent(fileName)}`, {
    method: 'POST', headers: { 'content-type': 'application/octet-stream', 'x-workbench-request': '1' }, body: text,
  });
  const { batchId } = (await res.json()) as { batchId: number };
  for (const deadline = Date.now() + 60_000; Date.now() < deadline;) {
    if ((await s.request('GET', `${L}/imports/${batchId}`)).body.state !== 'running') return batchId;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`import of ${fileName} did not finish`);
}

describe.runIf(hasChromium)('duplicates screen: reasons and void merges', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let copyBatch = 0;

  beforeAll(async () => {
    requireBuiltClient();
    server = await startTestServer();
    await importText(server, letter('12'), 'volume-12.ris');
    await importText(server, letter('13'), 'volume-13.ris');
    await importText(server, article('10.1111/j.0887-378X.2004.00325.x'), 'pubmed.ris');
    copyBatch = await importText(server, article('https://doi.org/10.1111/J.0887-378X.2004.00325.X'), 'scopus.ris');
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('says which group is certain and what differs in the one that is not', async () => {
    await page.goto(`${server.url}/#/duplicates`);
    await page.getByText('2 groups to review').waitFor();
    await page.getByRole('option', { name: /Family group conferencing/ }).click();
    await expect.poll(async () => page.locator('#dup-h').innerText()).toMatch(/same title, year and first author, score 0\.9$/);
    expect(await page.locator('.dup-certainty').innerText()).toBe('Not certain: needs your decision.');
    expect(await page.getByRole('list', { name: 'What differs' }).locator('li').allInnerTexts()).toEqual(['volumes differ: 12 vs 13']);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('option', { name: /Diffusion of innovations/ }).click();
    await expect.poll(async () => page.locator('.dup-certainty').innerText()).toBe('Certain: workbench dedupe --auto would merge these.');
    expect(await page.getByRole('list', { name: 'What differs' }).count()).toBe(0);
  }, 60_000);

  it('shows the merge void, without Undo, once the import that gave it a record is undone', async () => {
    await page.getByRole('button', { name: /Merge these 2 records/ }).click();
    await page.getByText('1 groups to review').waitFor();
    const log = page.locator('.merge-log li');
    await expect.poll(async () => log.count()).toBe(1);
    expect(await log.getByRole('button', { name: /Undo merge/ }).count()).toBe(1);
    expect((await server.request('DELETE', `${L}/batches/${copyBatch}`)).status).toBe(204);
    await page.reload();
    await page.getByText('1 groups to review').waitFor();
    await expect.poll(async () => log.first().innerText()).toMatch(new RegExp(`void: import scopus\\.ris \\(batch ${copyBatch}\\) was undone`));
    expect(await log.getByRole('button', { name: /Undo merge/ }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
  }, 60_000);
});
