// Long lists are one Tab stop with the listbox keys inside (↑/↓, Home/End, PageUp/PageDown, type-ahead), and after an
// action the focus lands on its result or the next sensible control, never on the page body, with a status line
// saying what happened: Library (1,000 items), Duplicates, Citations, the citation attach form and the stage editor,
// at a desktop and a phone size, axe-clean.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { hasChromium, launchBrowser, requireBuiltClient, watchConsoleErrors } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const ITEMS = 1000;
const ZEBRA = 150; // within the first page, far below the first screenful
const LONG = 2;
const LONG_TITLE = `A very long title about ${'the implementation and sustainability of innovation in children’s social care services, '.repeat(4)}in the end`;

// deterministic word salad: titles that do not look alike, so the 1,000 items hold no fuzzy duplicates of their own
function words(seed: number): () => string {
  const vocabulary = ['adoption', 'boundary', 'capacity', 'dialogue', 'evidence', 'framing', 'governance', 'hybrid', 'inquiry',
    'judgement', 'kinship', 'learning', 'mentoring', 'networks', 'outcomes', 'practice', 'quality', 'resilience', 'scaling',
    'trust', 'uptake', 'values', 'welfare', 'youth', 'agency', 'brokers', 'context', 'design', 'equity', 'fidelity'];
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return vocabulary[x % vocabulary.length] as string;
  };
}

function titleOf(i: number): string {
  if (i === ZEBRA) return 'Zebrafish, foster carers and the workforce';
  if (i === LONG) return LONG_TITLE;
  const next = words(i * 7919 + 17);
  const w = Array.from({ length: 8 }, next);
  return `${w[0]?.charAt(0).toUpperCase()}${w[0]?.slice(1)} ${w.slice(1).join(' ')} (study ${i})`;
}

function bigRis(): string {
  const out: string[] = [];
  for (let i = 0; i < ITEMS; i++) {
    out.push(`TY  - JOUR\nTI  - ${titleOf(i)}\nAU  - Author${i}, Ann\nPY  - ${1990 + (i % 30)}\nDO  - 10.5555/big.${i}\nER  - \n`);
  }
  return out.join('\n');
}

// three records that share a DOI with items of the big file: three duplicate groups to review
const DUPS = [10, 20, 30].map((i) => `TY  - JOUR\nTI  - ${titleOf(i)}\nAU  - Author${i}, A.\nPY  - ${1990 + (i % 30)}\nDO  - 10.5555/BIG.${i}\nER  - \n`).join('\n');

const BIBTEX3 = ['alpha', 'beta', 'gamma'].map((k, i) => `@article{${k}2020kb,
  author = {${k[0]?.toUpperCase()}${k.slice(1)}son, Kim},
  title = {Keyboard study ${k} of lists},
  journal = {Journal of Tests},
  year = {${2020 + i}}
}`).join('\n\n');

async function importText(s: TestServer, text: string, fileName: string) {
  const res = await fetch(`${s.url}/api/reviews/1/literature/imports?fileName=${encodeURIComponent(fileName)}&format=ris`, {
    method: 'POST', headers: { 'content-type': 'application/octet-stream', 'x-workbench-request': '1' }, body: text,
  });
  const started = (await res.json()) as { batchId: number };
  expect(res.status).toBe(202);
  for (const deadline = Date.now() + 120_000; Date.now() < deadline;) {
    const p = await s.request('GET', `/api/reviews/1/literature/imports/${started.batchId}`);
    if (p.body.state !== 'running') return p.body;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not finish');
}

interface Focused { body: boolean; id: string; role: string | null; text: string; posinset: string | null; selected: string | null; tabStops: number }

/** What has the focus, and how many Tab stops the list around it has. */
const focused = (page: Page): Promise<Focused> => page.evaluate(() => {
  const el = document.activeElement as HTMLElement | null;
  const list = el?.closest('[role="listbox"]');
  return {
    body: !el || el === document.body,
    id: el?.id ?? '',
    role: el?.getAttribute('role') ?? null,
    text: (el?.textContent ?? '').trim(),
    posinset: el?.getAttribute('aria-posinset') ?? null,
    selected: el?.getAttribute('aria-selected') ?? null,
    tabStops: list ? list.querySelectorAll('[tabindex="0"]').length : -1,
  };
});

/** Presses Tab until `done` holds, returning how many presses it took (or -1 after `max`). */
async function tabUntil(page: Page, done: (f: Focused) => boolean, max = 60): Promise<number> {
  for (let n = 1; n <= max; n++) {
    await page.keyboard.press('Tab');
    if (done(await focused(page))) return n;
  }
  return -1;
}

const VIEWPORTS = [
  { name: 'desktop 1280×900', width: 1280, height: 900 },
  { name: 'small laptop 1024×700', width: 1024, height: 700 },
  { name: 'phone 390×844', width: 390, height: 844 },
];

describe.runIf(hasChromium).each(VIEWPORTS)('keyboard lists and focus after actions, $name', (viewport) => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    requireBuiltClient();
    server = await startTestServer();
    const big = await importText(server, bigRis(), 'big.ris');
    expect(big.imported).toBe(ITEMS);
    await importText(server, DUPS, 'dups.ris');
    const groups = await server.request('GET', '/api/reviews/1/literature/duplicates');
    expect(groups.body).toHaveLength(3);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: viewport.width, height: viewport.height } });
    watchConsoleErrors(page, consoleErrors);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('library: the real count, one Tab stop for 1,003 items, and a handful of presses from the search box to Undo import', async () => {
    await page.goto(`${server.url}/#/library`);
    await page.locator('.library-status').filter({ hasText: `${ITEMS + 3} items` }).waitFor();
    expect(await page.locator('.library-status').innerText()).not.toContain('+');
    const list = page.getByRole('listbox', { name: 'Library items' });
    await list.getByRole('option').first().waitFor();
    expect(await list.locator('[tabindex="0"]').count()).toBe(1);
    expect(await list.getByRole('option').first().getAttribute('aria-setsize')).toBe(String(ITEMS + 3));

    await page.getByRole('searchbox').focus();
    const toList = await tabUntil(page, (f) => f.role === 'option');
    expect(toList).toBeGreaterThan(0);
    expect(toList).toBeLessThanOrEqual(8);
    expect((await focused(page)).posinset).toBe('1');
    const toUndo = await tabUntil(page, (f) => f.text.startsWith('Undo import'));
    expect(toUndo).toBeGreaterThan(0);
    // the whole way: search box → filters → the list → (the detail hint) → the first Undo import
    expect(toList + toUndo).toBeLessThanOrEqual(12);
    expect(await axeViolations(page)).toEqual([]);
  }, 60_000);

  it('library: arrows, Home/End, PageUp/PageDown and type-ahead move within the list; Enter opens the item; the place is remembered', async () => {
    const option = page.getByRole('listbox', { name: 'Library items' }).getByRole('option');
    await option.first().focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect((await focused(page)).posinset).toBe('3');
    await page.keyboard.press('ArrowUp');
    expect((await focused(page)).posinset).toBe('2');
    await page.keyboard.press('PageDown');
    const afterPage = Number((await focused(page)).posinset);
    expect(afterPage).toBeGreaterThan(4);
    await page.keyboard.press('PageUp');
    expect((await focused(page)).posinset).toBe('2');
    await page.keyboard.press('End');
    await expect.poll(async () => Number((await focused(page)).posinset)).toBeGreaterThanOrEqual(200);
    expect((await focused(page)).role).toBe('option');
    await page.keyboard.press('Home');
    await expect.poll(async () => (await focused(page)).posinset).toBe('1');

    await page.keyboard.type('zeb');
    await expect.poll(async () => (await focused(page)).text).toMatch(/^Zebrafish, foster carers/);
    expect((await focused(page)).posinset).toBe(String(ZEBRA + 1));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Zebrafish, foster carers and the workforce' }).waitFor();
    expect((await focused(page)).selected).toBe('true');

    // Tab away and back: the list's one stop is still the item last focused
    await page.keyboard.press('Tab');
    expect((await focused(page)).role).not.toBe('option');
    await page.keyboard.press('Shift+Tab');
    const back = await focused(page);
    expect(back.role).toBe('option');
    expect(back.text).toMatch(/^Zebrafish/);
    expect(back.tabStops).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
  }, 60_000);

  it('library: a truncated title ends with an ellipsis and shows whole on hover (title) and on focus', async () => {
    await page.goto(`${server.url}/#/library`);
    await page.getByRole('listbox', { name: 'Library items' }).getByRole('option').first().waitFor();
    const row = page.getByRole('option', { name: /^A very long title about/ });
    expect(await row.getAttribute('title')).toBe(LONG_TITLE);
    const title = row.locator('.row-title');
    const css = () => title.evaluate((el) => ({ overflow: getComputedStyle(el).textOverflow, wrap: getComputedStyle(el).whiteSpace, clipped: el.scrollWidth > el.clientWidth }));
    await page.getByRole('searchbox').focus();
    expect(await css()).toEqual({ overflow: 'ellipsis', wrap: 'nowrap', clipped: true });
    await row.focus();
    expect((await css()).wrap).toBe('normal');
    expect((await css()).clipped).toBe(false);
  });

  it('duplicates: the groups are one Tab stop; Merge and Not duplicates put the focus on the next group and say what happened', async () => {
    await page.goto(`${server.url}/#/duplicates`);
    await page.getByText('3 groups to review').waitFor();
    const groups = page.getByRole('listbox', { name: 'Duplicate groups' });
    expect(await groups.locator('[tabindex="0"]').count()).toBe(1);
    expect(await groups.getByRole('option').count()).toBe(3);
    expect(await axeViolations(page)).toEqual([]);

    await groups.getByRole('option').first().focus();
    await page.keyboard.press('End');
    expect(await groups.getByRole('option').nth(2).evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    expect(await groups.getByRole('option').nth(1).getAttribute('aria-selected')).toBe('true');
    const second = await page.locator('#dup-h').innerText();

    // Tab on to the Merge button of the group shown, and merge by keyboard
    expect(await tabUntil(page, (f) => f.text.startsWith('Merge these'))).toBeGreaterThan(0);
    await page.keyboard.press('Enter');
    await page.getByText('2 groups to review').waitFor();
    await page.getByRole('status').filter({ hasText: /^Merged 2 records into item \d+\. 2 groups left to review\.$/ }).waitFor();
    await expect.poll(async () => (await focused(page)).id).toBe('dup-h');
    expect(second).toBeTruthy();

    expect(await tabUntil(page, (f) => f.text === 'Not duplicates')).toBeGreaterThan(0);
    await page.keyboard.press('Enter');
    await page.getByText('1 groups to review').waitFor();
    await page.getByRole('status').filter({ hasText: 'Kept 2 records apart: not duplicates. 1 group left to review.' }).waitFor();
    await expect.poll(async () => (await focused(page)).id).toBe('dup-h');

    expect(await tabUntil(page, (f) => f.text.startsWith('Merge these'))).toBeGreaterThan(0);
    await page.keyboard.press('Enter');
    await page.getByText('0 groups to review').waitFor();
    await page.getByRole('status').filter({ hasText: 'No groups left to review.' }).waitFor();
    await expect.poll(async () => (await focused(page)).id).toBe('dup-screen-h');

    // undoing a merge from the log: its button goes, the focus goes to the log's heading
    await page.getByRole('button', { name: /Undo merge/ }).first().focus();
    await page.keyboard.press('Enter');
    await page.getByText('1 groups to review').waitFor();
    await expect.poll(async () => (await focused(page)).id).toBe('merge-log-h');
    expect(await axeViolations(page)).toEqual([]);
  }, 60_000);

  it('library: after Undo import the focus is on the Imports heading, with the count said', async () => {
    await page.goto(`${server.url}/#/library`);
    await page.getByRole('button', { name: 'Undo import of dups.ris' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Undo the import of dups.ris?' }).getByRole('button', { name: 'Undo import' }).press('Enter');
    await page.getByRole('status').filter({ hasText: /Import of dups\.ris undone: \d items removed\./ }).waitFor({ state: 'attached' });
    await expect.poll(async () => (await focused(page)).id).toBe('batches-h');
  }, 30_000);

  it('citations: the list is one Tab stop with the listbox keys and type-ahead', async () => {
    await page.goto(`${server.url}/#/citations`);
    const list = page.getByRole('listbox', { name: /^Citations \(\d+\)$/ });
    await list.getByRole('option').first().waitFor();
    const count = await list.getByRole('option').count();
    expect(count).toBeGreaterThan(5);
    expect(await list.locator('[tabindex="0"]').count()).toBe(1);
    await page.getByLabel('Search citations').focus();
    expect(await tabUntil(page, (f) => f.role === 'option', 3)).toBe(1);
    await page.keyboard.press('End');
    expect(await list.getByRole('option').last().evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowDown');
    expect(await list.getByRole('option').nth(1).evaluate((el) => el === document.activeElement)).toBe(true);
    // type-ahead on the first author: the seed holds Hartley 2006
    await page.keyboard.type('hart');
    await expect.poll(async () => (await focused(page)).text).toMatch(/Hartley/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /^Reference hartley/ }).waitFor();
    expect((await focused(page)).selected).toBe('true');
    // one Tab leaves the list for the next control, not the next citation
    await page.keyboard.press('Tab');
    expect((await focused(page)).role).not.toBe('option');
    expect(await axeViolations(page)).toEqual([]);
  }, 60_000);

  it('citations: after Add pasted references the focus is on the first new citation, and the status says how many', async () => {
    const box = page.getByLabel('Paste BibTeX, RIS, CSL-JSON or DOIs');
    await box.fill(BIBTEX3);
    await page.getByRole('button', { name: 'Add pasted references' }).press('Enter');
    await page.getByRole('status').filter({ hasText: '3 added (bibtex): alpha2020kb, beta2020kb, gamma2020kb' }).waitFor();
    await expect.poll(async () => (await focused(page)).text).toMatch(/^alpha2020kb/);
    const f = await focused(page);
    expect(f.role).toBe('option');
    expect(f.selected).toBe('true');

    // a paste with a refused record: the focus goes to the report with its position and reason
    await box.fill('@article{broken,\n title = {Unclosed\n\n10.1234/not-a-real-doi-x');
    await page.getByRole('button', { name: 'Add pasted references' }).press('Enter');
    await page.getByRole('status').filter({ hasText: /not added/ }).waitFor();
    await expect.poll(async () => page.evaluate(() => document.activeElement?.classList.contains('citation-import-result'))).toBe(true);
  }, 60_000);

  it('citations: Cite… puts the focus in the attach form; Attach puts it on the new chip; Escape returns it to Cite…', async () => {
    await page.locator('.citation-row', { hasText: 'beta2020kb' }).click();
    await page.getByRole('heading', { name: 'Reference beta2020kb' }).waitFor();
    const alignmentSelect = page.getByLabel('Attach to an alignment');
    const first = await alignmentSelect.locator('option').nth(1).getAttribute('value');
    await alignmentSelect.selectOption(first ?? '');
    const cite = page.getByRole('button', { name: /^Cite a reference for alignment/ });
    await cite.focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => page.evaluate(() => document.activeElement?.closest('.citation-attach-form') !== null && document.activeElement?.tagName === 'SELECT')).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(async () => page.evaluate(() => document.activeElement?.classList.contains('citation-cite-button'))).toBe(true);

    await page.keyboard.press('Enter');
    await page.getByLabel('Page or other locator').fill('7');
    await page.getByLabel('Page or other locator').press('Enter');
    await page.getByRole('status').filter({ hasText: /^Attached beta2020kb \(7\) to alignment / }).waitFor();
    await expect.poll(async () => page.evaluate(() => document.activeElement?.classList.contains('citation-chip-button'))).toBe(true);
    expect((await focused(page)).text).toMatch(/Betason, 2021, p\. 7/);
    expect(await axeViolations(page)).toEqual([]);
  }, 60_000);

  it('screening: the conflicts are one Tab stop, the screen’s keys still work from it, and a resolve moves the focus to the next record', async () => {
    const made = await server.request('POST', '/api/reviews', { title: 'Conflicts by keyboard' });
    const review = made.body as { id: number; slug: string };
    const team: Record<string, number> = {};
    for (const [name, initials, role] of [['Ada Lovelace', 'AL', 'lead'], ['Ben Okri', 'BO', 'reviewer']] as const) {
      const member = await server.request('POST', `/api/reviews/${review.id}/reviewers`, { name });
      team[initials] = member.body.id as number;
      await server.request('PATCH', `/api/reviews/${review.id}/reviewers/${member.body.id}`, { initials, role });
    }
    const ris = Array.from({ length: 6 }, (_, i) => `TY  - JOUR\nTI  - ${titleOf(500 + i)}\nAU  - Writer${i}, W.\nPY  - 2015\nER  - \n`).join('\n');
    const res = await fetch(`${server.url}/api/reviews/${review.id}/literature/imports?fileName=six.ris&format=ris`, {
      method: 'POST', headers: { 'content-type': 'application/octet-stream', 'x-workbench-request': '1' }, body: ris,
    });
    const batch = (await res.json()) as { batchId: number };
    await expect.poll(async () => (await server.request('GET', `/api/reviews/${review.id}/literature/imports/${batch.batchId}`)).body.state, { timeout: 30_000 }).toBe('complete');
    const stage = await server.request('POST', `/api/reviews/${review.id}/screening/stages`, { kind: 'title', blind: false, reviewersRequired: 2 }, { 'x-workbench-reviewer': String(team.AL) });
    expect(stage.status).toBe(201);
    const items = (await server.request('GET', `/api/reviews/${review.id}/literature/items`)).body.items as { id: number }[];
    // the lead includes five, the reviewer excludes all six: five conflicts, one record still to screen for the lead
    for (const [n, item] of items.entries()) {
      const put = (who: string, decision: string) => server.request('PUT', `/api/reviews/${review.id}/screening/stages/${stage.body.id}/decisions/${item.id}`,
        { decision }, { 'x-workbench-reviewer': String(team[who]) });
      expect((await put('BO', 'exclude')).status).toBe(200);
      if (n < 5) expect((await put('AL', 'include')).status).toBe(200);
    }
    // a review made behind the page's back: load the page afresh, not just a new address
    await page.goto(`${server.url}/#/r/${review.slug}/screening/${stage.body.id}`);
    await page.reload();
    await page.getByLabel('You are').selectOption(String(team.AL));
    await page.getByRole('heading', { name: 'Conflicts (5)' }).waitFor();
    const list = page.getByRole('listbox', { name: 'Records in conflict' });
    expect(await list.getByRole('option').count()).toBe(5);
    expect(await list.locator('[tabindex="0"]').count()).toBe(1);
    await list.getByRole('option').first().focus();
    await page.keyboard.press('End');
    expect(await list.getByRole('option').nth(4).evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    expect(await list.getByRole('option').nth(3).getAttribute('aria-selected')).toBe('true');
    // J is the screen's "next record", typed in the list too: no type-ahead takes it
    expect(await page.getByTestId('screen-position').textContent()).toBe('Record 1 of 1');
    await page.keyboard.press('j');
    await expect.poll(() => page.getByTestId('screen-position').textContent()).toMatch(/^End of the list/);
    expect(await list.getByRole('option').nth(3).evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    const chosenTitle = await page.locator('#screen-conflict-h').innerText();
    await page.getByRole('form', { name: /^Resolve/ }).getByRole('button', { name: 'Resolve' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Conflicts (4)' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Conflict resolved.' }).waitFor();
    await expect.poll(async () => (await focused(page)).id).toBe('screen-conflict-h');
    expect(await page.locator('#screen-conflict-h').innerText()).not.toBe(chosenTitle);
  }, 60_000);

  it('framework: after Save stage the focus is back on the stage’s Edit button and the status says it was saved', async () => {
    // the seed review by name: the screening test above opened another review last
    const seed = (await server.request('GET', '/api/reviews/1')).body as { slug: string };
    await page.goto(`${server.url}/#/r/${seed.slug}/framework`);
    const edit = page.getByRole('button', { name: 'Edit Developing' });
    await edit.focus();
    await page.keyboard.press('Enter');
    const form = page.getByRole('form', { name: 'Edit stage Developing' });
    await form.getByLabel('Focus').fill('Developing, by keyboard');
    await form.getByRole('button', { name: 'Save stage' }).press('Enter');
    await page.getByRole('status').filter({ hasText: 'Stage “Developing” saved.' }).waitFor();
    await expect.poll(async () => (await focused(page)).text).toBe('Edit');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Edit Developing');
    expect(consoleErrors).toEqual([]);
  }, 30_000);
});
