// The Reviews page and a review's Settings in a real browser: rename, duplicate without alignments, archive, the
// trash (undo, restore, delete permanently), restoring a bundle file (also under a new slug when the original is
// still here), a relation label that the screens then show, a stale settings save, and the review team.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { hasChromium, launchBrowser, requireBuiltClient, trackNetwork, watchConsoleErrors, PAGE_TIMEOUT } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

interface ReviewRow { id: number; slug: string; title: string; version: number; archivedAt: string | null; deletedAt: string | null; description: string; targetCaption: string }
interface Named { id: number; name: string; role: string }

const SEED = "Stages of Innovation in Children's Social Care";

describe.runIf(hasChromium)('reviews page and settings', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let network: ReturnType<typeof trackNetwork>;
  const consoleErrors: string[] = [];
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-reviews-e2e-'));
  const list = async (): Promise<ReviewRow[]> => (await server.request('GET', '/api/reviews')).body;
  const trash = async (): Promise<ReviewRow[]> => (await server.request('GET', '/api/reviews?trash=true')).body;
  const byTitle = async (title: string): Promise<ReviewRow | undefined> =>
    [...await list(), ...await trash()].find((r) => r.title === title);
  const sources = async (reviewId: number): Promise<Named[]> =>
    ((await server.request('GET', `/api/reviews/${reviewId}/frameworks`)).body as Named[]).filter((f) => f.role === 'source');
  const alignments = async (reviewId: number): Promise<unknown[]> => (await server.request('GET', `/api/reviews/${reviewId}/alignments`)).body;
  const main = () => page.getByRole('main');
  const openReviews = async () => {
    await page.goto(`${server.url}/#/reviews`);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Reviews' }).waitFor();
    await network.quiet();
  };

  beforeAll(async () => {
    requireBuiltClient();
    server = await startTestServer();
    const other = await server.request('POST', '/api/reviews', {
      title: 'Digital transformation models', question: 'Which stages do digital change programmes pass through?',
      start: { kind: 'template', template: 'seed' },
    });
    expect(other.status).toBe(201);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    page.setDefaultTimeout(PAGE_TIMEOUT);
    network = trackNetwork(page);
    watchConsoleErrors(page, consoleErrors);
    await openReviews();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('lists the reviews with their counts and every action named for its review', async () => {
    const table = main().getByRole('table', { name: 'Reviews you are working on' });
    const seedRow = table.getByRole('row').filter({ has: page.getByRole('link', { name: SEED, exact: true }) });
    const crosswalk = (await server.request('GET', '/api/reviews/1/crosswalk')).body.crosswalk;
    const phases = crosswalk.models.reduce((n: number, m: { phases: unknown[] }) => n + m.phases.length, 0);
    await expect.poll(async () => (await seedRow.getByRole('cell').allTextContents()).slice(1, 3))
      .toEqual([String(crosswalk.models.length), String(phases)]);
    for (const action of ['Rename', 'Duplicate', 'Archive', 'Delete']) {
      await main().getByRole('button', { name: `${action} Digital transformation models`, exact: true }).waitFor();
    }
    await main().getByRole('link', { name: `Open ${SEED}`, exact: true }).waitFor();
    const exportLink = main().getByRole('link', { name: 'Export bundle of Digital transformation models' });
    expect(await exportLink.getAttribute('download')).toBe('digital-transformation-models.workbench.json');
    expect(await main().getByRole('link', { name: 'New review' }).getAttribute('href')).toBe('#/new');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('renames a review in place; the address stays', async () => {
    await main().getByRole('button', { name: 'Rename Digital transformation models' }).click();
    const form = main().getByRole('form', { name: 'Rename Digital transformation models' });
    await form.getByLabel('Title').fill('Digital change programmes');
    expect(await axeViolations(page)).toEqual([]);
    await form.getByRole('button', { name: 'Save' }).click();
    await main().getByRole('link', { name: 'Digital change programmes', exact: true }).waitFor();
    const renamed = await byTitle('Digital change programmes');
    expect(renamed?.slug).toBe('digital-transformation-models');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`review-${renamed?.id}-rename`);
  });

  it('duplicates the seed review without its alignments: the copy has the models, no alignments', async () => {
    await main().getByRole('button', { name: `Duplicate ${SEED}` }).click();
    const dialog = page.getByRole('dialog', { name: `Duplicate “${SEED}”` });
    await dialog.waitFor();
    expect(await dialog.getByLabel('Title of the copy').inputValue()).toBe(`${SEED} (copy)`);
    await dialog.getByLabel('Title of the copy').fill('Seed without alignments');
    await dialog.getByLabel('with alignments').uncheck();
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Duplicate' }).click();
    await dialog.waitFor({ state: 'detached' });
    await main().getByRole('status').filter({ hasText: `Created “Seed without alignments”, a copy of “${SEED}”.` }).waitFor();
    await main().getByRole('link', { name: 'Seed without alignments', exact: true }).waitFor();

    const copy = await byTitle('Seed without alignments') as ReviewRow;
    expect((await sources(copy.id)).map((f) => f.name)).toEqual((await sources(1)).map((f) => f.name));
    expect(await alignments(copy.id)).toEqual([]);
    expect((await alignments(1)).length).toBeGreaterThan(0);
  });

  it('archives a review: it moves to the archived section and leaves the header picker', async () => {
    await main().getByRole('button', { name: 'Archive Seed without alignments' }).click();
    const archived = main().getByRole('table', { name: /^Archived reviews/ });
    await archived.getByRole('link', { name: 'Seed without alignments', exact: true }).waitFor();
    await archived.getByRole('button', { name: 'Unarchive Seed without alignments' }).waitFor();
    expect((await byTitle('Seed without alignments'))?.archivedAt).not.toBeNull();
    const options = await page.getByLabel('Current review').locator('option').allTextContents();
    expect(options.some((o) => o.startsWith('Seed without alignments'))).toBe(false);
    expect(options.some((o) => o.startsWith(SEED))).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('deletes a review after asking, and Undo brings it back out of the trash', async () => {
    await main().getByRole('button', { name: 'Delete Digital change programmes' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete “Digital change programmes”?' });
    await dialog.waitFor();
    await dialog.getByText(/goes to the trash with its 0 models and 0 phases/).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Move to the trash' }).click();
    await main().getByText('Moved “Digital change programmes” to the trash —').waitFor();
    const review = await byTitle('Digital change programmes') as ReviewRow;
    expect((await trash()).map((r) => r.id)).toEqual([review.id]);
    await main().getByRole('table', { name: /^Reviews in the trash/ }).getByRole('button', { name: 'Restore Digital change programmes' }).waitFor();
    // focus is on Undo, so Enter undoes
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Undo');
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Enter');
    await main().getByRole('status').filter({ hasText: 'Restored “Digital change programmes” from the trash.' }).waitFor();
    expect(await trash()).toEqual([]);
    expect((await list()).find((r) => r.id === review.id)?.deletedAt).toBeNull();
    await main().getByText('The trash is empty.').waitFor();
  });

  it('deletes a review permanently from the trash, after asking, and restores it from its bundle file', async () => {
    const review = await byTitle('Seed without alignments') as ReviewRow;
    const bundle = await server.request('GET', `/api/reviews/${review.id}/bundle`);
    expect(bundle.status).toBe(200);
    const file = path.join(tmp, `${review.slug}.workbench.json`);
    fs.writeFileSync(file, bundle.text);

    await main().getByRole('button', { name: 'Delete Seed without alignments' }).click();
    await page.getByRole('dialog', { name: 'Delete “Seed without alignments”?' }).getByRole('button', { name: 'Move to the trash' }).click();
    const trashTable = main().getByRole('table', { name: /^Reviews in the trash/ });
    await trashTable.getByRole('button', { name: 'Delete Seed without alignments permanently' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete “Seed without alignments” permanently?' });
    await dialog.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Delete permanently' }).click();
    await main().getByRole('status').filter({ hasText: 'Deleted “Seed without alignments” permanently.' }).waitFor();
    expect((await server.request('GET', `/api/reviews/${review.id}`)).status).toBe(404);
    expect(await byTitle('Seed without alignments')).toBeUndefined();

    // its slug is free again, so the bundle restores as it was
    await main().getByLabel('Restore a bundle').setInputFiles(file);
    await main().getByRole('status').filter({ hasText: 'Restored “Seed without alignments” from the bundle.' }).waitFor();
    const restored = await byTitle('Seed without alignments') as ReviewRow;
    expect(restored.slug).toBe(review.slug);
    expect((await sources(restored.id)).map((f) => f.name)).toEqual((await sources(1)).map((f) => f.name));
    expect(await alignments(restored.id)).toEqual([]);
  });

  it('restores a bundle whose review is still here under a new slug, after saying so', async () => {
    const bundle = await server.request('GET', '/api/reviews/1/bundle');
    const file = path.join(tmp, 'stages-of-innovation.workbench.json');
    fs.writeFileSync(file, bundle.text);
    await main().getByLabel('Restore a bundle').setInputFiles(file);
    const clash = main().getByRole('form', { name: 'Restore under a new slug' });
    await clash.waitFor();
    expect((await clash.getByRole('alert').textContent())?.length).toBeGreaterThan(0);
    expect(await clash.getByLabel('New slug').inputValue()).toBe('stages-of-innovation-restored');
    expect(await axeViolations(page)).toEqual([]);
    await clash.getByRole('button', { name: 'Restore under the new slug' }).click();
    await main().getByRole('status').filter({ hasText: `Restored “${SEED} (restored)” from the bundle.` }).waitFor();
    const copy = (await list()).find((r) => r.slug === 'stages-of-innovation-restored') as ReviewRow;
    expect(copy.title).toBe(`${SEED} (restored)`);
    expect((await alignments(copy.id)).length).toBe((await alignments(1)).length);
    expect((await server.request('GET', '/api/reviews/1')).body.title).toBe(SEED);
  });

  it('relabels "equivalent" in Settings, and the Crosswalk and Align screens use the label; exports do not', async () => {
    await page.goto(`${server.url}/#/r/stages-of-innovation/settings`);
    await page.getByRole('heading', { level: 2, name: 'Settings' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('textbox', { name: 'equivalent', exact: true }).fill('same scope as');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Saved the settings.' }).waitFor();
    expect((await server.request('GET', '/api/reviews/1')).body.settings.relationLabels).toEqual({ equivalent: 'same scope as' });

    await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Crosswalk' }).click();
    // click, not check(): the layout lives in the address, so the radio turns checked only once the hash has changed
    await page.getByRole('radio', { name: /Stage layout/ }).click();
    const stageTable = page.getByRole('table', { name: 'Source models aligned to the target stages' });
    await stageTable.waitFor();
    const murray = stageTable.getByRole('row').filter({ hasText: 'The six stages of social innovation' });
    await expect.poll(() => murray.getByRole('cell').first().textContent()).toBe('Prompts, inspirations and diagnoses ≡ (same scope as)');
    await page.getByRole('list', { name: 'Legend' }).getByText('same scope as (same scope)').waitFor();

    await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Align' }).click();
    await page.getByText('≡ same scope as').first().waitFor();

    const csv = await server.request('GET', '/api/reviews/1/export/crosswalk?format=csv&layout=stages');
    expect(csv.status).toBe(200);
    expect(csv.text).not.toContain('same scope as');
  });

  it('shows both values when the review changed elsewhere meanwhile, and keeps the choice the user makes', async () => {
    await page.goto(`${server.url}/#/r/stages-of-innovation/settings`);
    await page.getByRole('heading', { level: 2, name: 'Settings' }).waitFor();
    await network.quiet();
    const current = (await server.request('GET', '/api/reviews/1')).body as ReviewRow;
    const other = await server.request('PATCH', '/api/reviews/1', { description: 'Changed in another tab.', targetCaption: 'Their caption', version: current.version });
    expect(other.status).toBe(200);

    await page.getByLabel('Description').fill('My description.');
    await page.getByLabel('Review question').fill('How does innovation move through children’s social care?');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const conflict = page.getByRole('region', { name: 'Someone else changed this review meanwhile' });
    await conflict.waitFor();
    expect(await conflict.getByTestId('mine-Description').textContent()).toBe('My description.');
    expect(await conflict.getByTestId('theirs-Description').textContent()).toBe('Changed in another tab.');
    // a field only they changed is shown too, with the value I had: re-applying writes exactly what is shown as mine
    const caption = 'Caption of Table 2 (the target framework)';
    expect(await conflict.getByTestId(`mine-${caption}`).textContent()).toBe(current.targetCaption);
    expect(await conflict.getByTestId(`theirs-${caption}`).textContent()).toBe('Their caption');
    expect((await server.request('GET', '/api/reviews/1')).body.description).toBe('Changed in another tab.');
    expect(await axeViolations(page)).toEqual([]);

    await conflict.getByRole('button', { name: 'Re-apply mine' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved the settings.' }).waitFor();
    const saved = (await server.request('GET', '/api/reviews/1')).body;
    expect(saved).toMatchObject({ description: 'My description.', question: 'How does innovation move through children’s social care?', targetCaption: current.targetCaption });
    // the label saved before is untouched: only the fields the user changed were sent
    expect(saved.settings.relationLabels).toEqual({ equivalent: 'same scope as' });
  });

  it('edits the exclusion reasons, with the server’s refusal shown next to the list', async () => {
    const reasons = page.getByRole('group', { name: 'Exclusion reasons' });
    for (const reason of ['Not about innovation', 'Not about innovation']) {
      await reasons.getByLabel('New reason').fill(reason);
      await reasons.getByLabel('New reason').press('Enter');
    }
    await expect.poll(() => reasons.getByRole('listitem').count()).toBe(2);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.locator('#exclusion-reasons-error').filter({ hasText: 'must not list a reason twice' }).waitFor();
    expect((await server.request('GET', '/api/reviews/1')).body.settings.exclusionReasons).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);

    await reasons.getByRole('button', { name: 'Remove reason 2: Not about innovation' }).click();
    // focus moves to the reason before the removed one, so a keyboard user is not dropped at the top of the page
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('exclusion-reason-0');
    await reasons.getByLabel('New reason').fill('Not in children’s social care');
    await reasons.getByRole('button', { name: 'Add reason' }).click();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Saved the settings.' }).waitFor();
    await page.locator('#exclusion-reasons-error').waitFor({ state: 'detached' });
    expect((await server.request('GET', '/api/reviews/1')).body.settings).toEqual({
      relationLabels: { equivalent: 'same scope as' },
      exclusionReasons: ['Not about innovation', 'Not in children’s social care'],
      highlightTerms: { include: [], exclude: [] },
    });
  });

  it('adds a reviewer to the team and takes them off again', async () => {
    const team = page.getByRole('form', { name: 'Add a team member' });
    await team.getByLabel('Name').fill('Ada Reviewer');
    await team.getByLabel('Email (optional)').fill('ada@example.org');
    await team.getByRole('button', { name: 'Add to the team' }).click();
    await page.getByRole('status').filter({ hasText: 'Added Ada Reviewer to the team.' }).waitFor();
    await page.getByRole('list', { name: 'Team members' }).getByText('Ada Reviewer', { exact: true }).waitFor();
    const members = (await server.request('GET', '/api/reviews/1/reviewers')).body as { id: number; name: string; email: string | null }[];
    expect(members.map((m) => [m.name, m.email])).toContainEqual(['Ada Reviewer', 'ada@example.org']);
    expect(await axeViolations(page)).toEqual([]);

    // initials and the lead role, by keyboard: saved at once, as the screening screen reads them
    await page.getByLabel('Initials of Ada Reviewer').fill('ADR');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: "Saved Ada Reviewer's initials." }).waitFor();
    await page.getByLabel('Role of Ada Reviewer').selectOption('lead');
    await page.getByRole('status').filter({ hasText: 'Ada Reviewer is now a lead.' }).waitFor();
    const ada = ((await server.request('GET', '/api/reviews/1/reviewers')).body as { name: string; initials: string; role: string }[])
      .find((m) => m.name === 'Ada Reviewer');
    expect(ada).toMatchObject({ initials: 'ADR', role: 'lead' });
    expect(await axeViolations(page)).toEqual([]);

    // already on the team: the server's refusal is said, nothing added twice
    await team.getByLabel('Name').fill('Ada Reviewer');
    await team.getByRole('button', { name: 'Add to the team' }).click();
    await page.getByRole('alert').filter({ hasText: 'Not added:' }).waitFor();
    expect((await server.request('GET', '/api/reviews/1/reviewers')).body).toHaveLength(members.length);

    await page.getByRole('button', { name: 'Remove Ada Reviewer from the team' }).click();
    await page.getByRole('status').filter({ hasText: 'Took Ada Reviewer off the team.' }).waitFor();
    expect(((await server.request('GET', '/api/reviews/1/reviewers')).body as { name: string }[]).map((m) => m.name)).not.toContain('Ada Reviewer');
    // the refused writes above (a stale save, a bundle clash, duplicate reasons, a second add) are the only failures
    expect(consoleErrors.filter((e) => !/status of (400|409)/.test(e))).toEqual([]);
  });
});
