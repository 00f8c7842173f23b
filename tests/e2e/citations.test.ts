// The Citations screen in Chromium: fuzzy search, the incomplete marker, pasting BibTeX, attaching the new
// citation to an alignment through CitationChips and seeing the formatted reference; imported markup stays inert.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { hasChromium, launchBrowser, requireBuiltClient, watchConsoleErrors, PAGE_TIMEOUT } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const BIBTEX = `@book{murray2010open,
  author = {Murray, Robin and Caulier-Grice, Julie and Mulgan, Geoff},
  title = {The open book of social innovation},
  publisher = {NESTA},
  year = {2010}
}`;

describe.runIf(hasChromium)('citations screen', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    requireBuiltClient();
    server = await startTestServer();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    watchConsoleErrors(page, consoleErrors);
    await page.goto(`${server.url}/#/citations`);
    await page.getByRole('heading', { name: 'Citations (11)' }).waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const rowTexts = () => page.locator('.citation-rows .citation-row').allTextContents();

  it('lists the seed references, marks the unverified ones and finds them by author, year or key', async () => {
    expect(await page.locator('.citation-rows .citation-badge').count()).toBe(5);
    const search = page.getByLabel('Search citations');
    await search.fill('Leadbeater');
    expect((await rowTexts())[0]).toContain('mulgan2013');
    await search.fill('moullin2019');
    expect(await rowTexts()).toHaveLength(1);
    await search.fill('2019');
    const found = (await rowTexts()).join('\n');
    expect(found).toContain('moullin2019');
    expect(found).toContain('designcouncil2019');
    await search.fill('');
  });

  it('opens the citation an address names when the page is loaded fresh', async () => {
    const [one] = (await server.request('GET', '/api/reviews/1/citations')).body as { id: number; citekey: string }[];
    const fresh = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      await fresh.goto(`${server.url}/#/r/stages-of-innovation/citations/${one?.id}`);
      await fresh.getByRole('heading', { name: `Reference ${one?.citekey}` }).waitFor({ timeout: 60_000 });
      expect(await fresh.locator('.citation-detail').getAttribute('data-citation')).toBe(String(one?.id));
    } finally {
      await fresh.close();
    }
  }, 90_000);

  it('pastes a BibTeX entry, attaches it to an alignment with a page and sees the formatted reference', async () => {
    await page.getByLabel('Paste BibTeX, RIS, CSL-JSON or DOIs').fill(BIBTEX);
    await page.getByRole('button', { name: 'Add pasted references' }).click();
    await page.getByRole('status').filter({ hasText: '1 added (bibtex): murray2010open' }).waitFor();
    await page.getByRole('heading', { name: 'Reference murray2010open' }).waitFor();
    const preview = page.locator('.citation-detail .citation-entry');
    await preview.waitFor();
    expect(await preview.textContent()).toBe('Murray, R., Caulier-Grice, J., & Mulgan, G. (2010). The open book of social innovation. NESTA.');
    expect(await page.locator('.citation-intext span').textContent()).toBe('(Murray et al., 2010)');

    const alignmentSelect = page.getByLabel('Attach to an alignment');
    const firstAlignment = await alignmentSelect.locator('option').nth(1).getAttribute('value');
    await alignmentSelect.selectOption(firstAlignment ?? '');
    await page.getByRole('button', { name: /^Cite a reference for alignment/ }).click();
    await page.getByLabel('Page or other locator').fill('12');
    await page.getByLabel('Quoted passage (optional evidence)').fill('Prototypes are a way of testing');
    await page.getByRole('button', { name: 'Attach' }).click();
    const chip = page.locator('.citation-chip-button', { hasText: '(Murray et al., 2010, p. 12)' });
    await chip.waitFor();
    // by keyboard: focus the chip and press Enter to pin the full reference open
    await page.mouse.move(0, 0);
    await chip.focus();
    expect(await chip.getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('Enter');
    expect(await chip.getAttribute('aria-expanded')).toBe('true');
    const card = page.getByRole('region', { name: 'Full reference murray2010open' });
    await card.waitFor();
    expect(await card.textContent()).toContain('Murray, R., Caulier-Grice, J., & Mulgan, G. (2010). The open book of social innovation. NESTA.');
    expect(await card.textContent()).toContain('Prototypes are a way of testing');
    expect(await axeViolations(page)).toEqual([]);

    const links = await server.request('GET', `/api/reviews/1/citation-links?targetType=alignment&targetId=${firstAlignment}`);
    expect(links.body.map((l: { citation: { citekey: string }; locator: string }) => [l.citation.citekey, l.locator])).toEqual([['murray2010open', '12']]);
  });

  it('keeps the attach form inside its card, at desktop and phone widths, with no sideways scrolling', async () => {
    // a long author list and title make the widest option the form has to hold
    const long = await server.request('POST', '/api/reviews/1/citations', {
      csl: {
        type: 'article-journal', 'container-title': 'Journal of Very Long Names', issued: { 'date-parts': [[2021]] },
        author: [{ family: 'Abercrombie-Featherstonehaugh', given: 'Maximilian' }, { family: 'Cholmondeley-Marjoribanks', given: 'Wilhelmina' }],
        title: 'An extraordinarily long title about the implementation, sustainment and scaling of innovations in the social care of children',
      },
    });
    expect(long.status).toBe(201);
    page.setDefaultTimeout(PAGE_TIMEOUT);
    for (const viewport of [{ width: 1280, height: 900 }, { width: 1024, height: 700 }, { width: 390, height: 844 }]) {
      await page.setViewportSize(viewport);
      await page.goto(`${server.url}/#/citations`);
      // a fresh load, so the list holds the citation made through the API
      await page.reload();
      await page.locator('.citation-row', { hasText: long.body.citekey }).click();
      await page.getByRole('heading', { name: `Reference ${long.body.citekey}` }).waitFor();
      const alignmentSelect = page.getByLabel('Attach to an alignment');
      await alignmentSelect.selectOption((await alignmentSelect.locator('option').nth(1).getAttribute('value')) ?? '');
      await page.getByRole('button', { name: /^Cite a reference for alignment/ }).click();
      const form = page.getByRole('group', { name: /^Attach a citation to alignment/ });
      await form.waitFor();
      const fit = await page.evaluate(() => {
        const card = document.querySelector('.citation-detail')?.getBoundingClientRect();
        const attach = document.querySelector('.citation-attach-form');
        const parts = [attach, ...(attach ? [...attach.querySelectorAll('select, input, textarea, button')] : [])]
          .map((el) => el?.getBoundingClientRect()).filter((r) => r !== undefined);
        return {
          sideways: document.documentElement.scrollWidth > document.documentElement.clientWidth,
          outside: card ? parts.filter((r) => r.left < card.left - 0.5 || r.right > card.right + 0.5).length : -1,
        };
      });
      expect({ viewport: viewport.width, ...fit }).toEqual({ viewport: viewport.width, sideways: false, outside: 0 });
      // the chosen reference is still the one the select shows, whole in its option
      expect(await form.getByLabel('Reference', { exact: true }).inputValue()).toBe(String(long.body.id));
      await page.keyboard.press('Escape');
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('renders markup in imported titles as inert text and keeps only formatting from citation-js', async () => {
    const evil = await server.request('POST', '/api/reviews/1/citations', {
      csl: {
        type: 'article-journal', 'container-title': 'J', issued: { 'date-parts': [[2020]] }, author: [{ family: 'Evil', given: 'Eve' }],
        title: '<img src=x onerror="window.__xss=1"> and <span style="font-variant:small-caps">caps</span>',
      },
    });
    expect(evil.status).toBe(201);
    await page.reload();
    await page.getByRole('heading', { name: 'Citations (14)' }).waitFor();
    await page.locator('.citation-row', { hasText: 'evil2020' }).click();
    const entry = page.locator('.citation-detail .citation-entry');
    await entry.waitFor();
    expect(await entry.textContent()).toContain('<img src=x onerror="window.__xss=1">');
    expect(await page.locator('.citation-detail img').count()).toBe(0);
    expect(await page.locator('.citation-detail [style]').count()).toBe(0);
    expect(await entry.locator('.csl-small-caps').textContent()).toBe('caps');
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  });

  it('finds a citation by author in the quick finder (Ctrl+K) and opens it', async () => {
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+k');
    const input = page.getByRole('combobox', { name: /^Find a review, model/ });
    await input.fill('Leadbeater');
    // the model this reference belongs to matches too (its printed citation names Leadbeater)
    const options = page.getByRole('listbox', { name: 'Results' }).getByRole('option');
    const citation = options.filter({ hasText: 'Systems innovation: discussion paper' });
    expect(await citation.count()).toBe(1);
    expect(await citation.textContent()).toMatch(/^Citation/);
    await citation.click();
    await page.getByRole('heading', { name: 'Reference mulgan2013' }).waitFor();
    expect(await page.evaluate(() => window.location.hash)).toMatch(/^#\/r\/stages-of-innovation\/citations\/\d+$/);
  });

  it('passes axe-core with no violations and logs no console errors', async () => {
    expect(await axeViolations(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
