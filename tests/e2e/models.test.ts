// Editing models and phases in a real browser: create, rename, reorder by keyboard, move between bands, and a
// delete that asks first and is undone exactly.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { hasChromium, launchBrowser, requireBuiltClient, watchConsoleErrors, PAGE_TIMEOUT } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

interface Named { id: number; name: string; role: string }
interface PhaseRow { id: number; label: string; bandId: number | null; description: string }

describe.runIf(hasChromium)('models screen', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];
  const R = '/api/reviews/1';
  const frameworks = async (): Promise<Named[]> => (await server.request('GET', `${R}/frameworks`)).body;
  const phasesOf = async (id: number): Promise<PhaseRow[]> => (await server.request('GET', `${R}/frameworks/${id}/phases`)).body;

  beforeAll(async () => {
    requireBuiltClient();
    server = await startTestServer();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.setDefaultTimeout(PAGE_TIMEOUT);
    watchConsoleErrors(page, consoleErrors);
    await page.goto(`${server.url}/#/models`);
    await page.getByRole('heading', { name: 'Source models' }).waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('deletes a phase with alignments only after asking, and undo brings it back with its alignments', async () => {
    const murray = (await frameworks()).find((f) => f.name === 'The six stages of social innovation') as Named;
    const phasesBefore = await phasesOf(murray.id);
    const proposals = phasesBefore[1] as PhaseRow;
    const alignmentsBefore = (await server.request('GET', `${R}/alignments?phaseId=${proposals.id}`)).body;
    expect(alignmentsBefore).toHaveLength(1);

    await page.getByRole('button', { name: 'Delete phase proposals and ideas' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete phase “proposals and ideas”?' });
    await dialog.waitFor();
    expect(await dialog.getByTestId('delete-consequences').locator('li').allTextContents()).toEqual(['1 alignment']);
    expect(await axeViolations(page)).toEqual([]);
    // focus starts on Cancel: Escape or Enter there deletes nothing
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Delete phase proposals and ideas');
    expect(await phasesOf(murray.id)).toHaveLength(6);

    await page.getByRole('button', { name: 'Delete phase proposals and ideas' }).click();
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('status').filter({ hasText: 'Deleted phase “proposals and ideas” with 1 alignment.' }).waitFor();
    expect((await server.request('GET', `${R}/phases/${proposals.id}`)).status).toBe(404);
    await page.getByRole('button', { name: 'Delete phase proposals and ideas' }).waitFor({ state: 'detached' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('models-undo');

    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Restored phase “proposals and ideas”' }).waitFor();
    expect(await phasesOf(murray.id)).toEqual(phasesBefore);
    expect((await server.request('GET', `${R}/alignments?phaseId=${proposals.id}`)).body).toEqual(alignmentsBefore);
    await page.getByRole('button', { name: 'Delete phase proposals and ideas' }).waitFor();
  });

  it('creates a model, adds phases in bands, renames, edits, moves a phase between bands and reorders by keyboard', async () => {
    await page.getByLabel('Name', { exact: true }).fill('Test model');
    await page.getByLabel('Citation', { exact: true }).fill('Tester, 2026');
    await page.getByRole('button', { name: 'Add model' }).click();
    await page.getByRole('heading', { name: 'Phases of Test model' }).waitFor();
    const model = (await frameworks()).find((f) => f.name === 'Test model') as Named;
    expect(model).toMatchObject({ role: 'source' });

    const bands = (await server.request('GET', `${R}/bands`)).body as { id: number; label: string }[];
    const addForm = page.getByRole('form', { name: 'Add a phase to Test model' });
    for (const [label, band] of [['alpha', 'Early phases'], ['beta', 'Middle phases'], ['gamma', 'Latter phases']]) {
      await addForm.getByLabel('Label').fill(label as string);
      await addForm.getByLabel('Band').selectOption({ label: band as string });
      await addForm.getByRole('button', { name: 'Add phase' }).click();
      await page.getByRole('button', { name: `Edit phase ${label}` }).waitFor();
    }
    let phases = await phasesOf(model.id);
    expect(phases.map((p) => [p.label, bands.find((b) => b.id === p.bandId)?.label])).toEqual([
      ['alpha', 'Early phases'], ['beta', 'Middle phases'], ['gamma', 'Latter phases'],
    ]);

    // keyboard: move gamma up twice
    await page.getByRole('button', { name: 'Move phase gamma up' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await phasesOf(model.id)).map((p) => p.label)).toEqual(['alpha', 'gamma', 'beta']);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Move phase gamma up');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await phasesOf(model.id)).map((p) => p.label)).toEqual(['gamma', 'alpha', 'beta']);

    // move beta to the early band and edit its label and description
    await page.getByLabel('Band of beta').selectOption({ label: 'Early phases' });
    await expect.poll(async () => (await phasesOf(model.id)).find((p) => p.label === 'beta')?.bandId).toBe(bands[0]?.id);
    await page.getByRole('button', { name: 'Edit phase beta' }).click();
    const edit = page.getByRole('form', { name: 'Edit phase beta' });
    await edit.getByLabel('Label').fill('beta prime');
    await edit.getByLabel('Description').fill('the second letter');
    await edit.getByRole('button', { name: 'Save' }).click();
    await expect.poll(async () => (await phasesOf(model.id)).find((p) => p.label === 'beta prime')?.description).toBe('the second letter');

    // rename the model, then move it up by keyboard
    await page.getByRole('button', { name: 'Rename Test model' }).click();
    const rename = page.getByRole('form', { name: 'Rename Test model' });
    await rename.getByLabel('Name').fill('Renamed model');
    await rename.getByRole('button', { name: 'Save' }).click();
    // focus comes back to the renamed model, not to the page body
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toMatch(/^Renamed model/);
    await page.getByRole('button', { name: 'Move Renamed model up' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => {
      const sources = (await frameworks()).filter((f) => f.role === 'source').map((f) => f.name);
      return sources.slice(-2);
    }).toEqual(['Renamed model', 'Indicative options for contributing to systemic innovation']);
    expect(await axeViolations(page)).toEqual([]);
    phases = await phasesOf(model.id);
    expect(phases.map((p) => p.label)).toEqual(['gamma', 'alpha', 'beta prime']);
  });

  it('shows a stale rename as a conflict dialog with every field; re-applies exactly "Yours" or keeps theirs', async () => {
    type Model = Named & { citation: string; version: number };
    const find = async (id: number) => (await server.request('GET', `${R}/frameworks/${id}`)).body as Model;
    const epis = (await frameworks()).find((f) => f.name === 'EPIS framework') as Model;
    const before = await find(epis.id);
    await page.goto(`${server.url}/#/models/${epis.id}`);
    await page.getByRole('button', { name: 'Rename EPIS framework' }).click();
    const form = page.getByRole('form', { name: 'Rename EPIS framework' });
    await form.getByLabel('Name').fill('EPIS (renamed by me)');
    // someone else changes the citation, a field I did not touch, and the name too
    const theirs = await server.request('PATCH', `${R}/frameworks/${epis.id}`, { name: 'EPIS (theirs)', citation: 'Aarons et al., 2011 (theirs)', version: before.version });
    expect(theirs.status).toBe(200);
    await form.getByRole('button', { name: 'Save' }).click();
    const dialog = page.getByRole('dialog', { name: 'Conflict: someone else changed this model' });
    await dialog.waitFor();
    // no plain refusal: the dialog says it, and shows both fields both ways
    expect(await page.locator('.models-messages .models-error').textContent()).toBe('');
    const shown = (who: string) => Promise.all(['name', 'citation'].map((f) => dialog.getByTestId(`${who}-${f}`).textContent()));
    expect(await shown('mine')).toEqual(['EPIS (renamed by me)', before.citation]);
    expect(await shown('theirs')).toEqual(['EPIS (theirs)', 'Aarons et al., 2011 (theirs)']);
    expect(await dialog.locator('tr.differs th').allTextContents()).toEqual(['Name (differs)', 'Citation (differs)']);
    expect(await dialog.textContent()).toContain(`you had version ${before.version}; it is now at version ${before.version + 1}`);
    expect(await axeViolations(page)).toEqual([]);
    // nothing written while I decide
    expect(await find(epis.id)).toMatchObject({ name: 'EPIS (theirs)', version: before.version + 1 });
    await dialog.getByRole('button', { name: 'Re-apply mine' }).click();
    await dialog.waitFor({ state: 'detached' });
    // both fields exactly as "Yours" showed them, the citation I never touched included
    expect(await find(epis.id)).toMatchObject({ name: 'EPIS (renamed by me)', citation: before.citation, version: before.version + 2 });
    await page.getByRole('status').filter({ hasText: 'Saved EPIS (renamed by me).' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`model-${epis.id}`);

    // again, keeping theirs this time (by Escape): nothing of mine is written
    const now = await find(epis.id);
    await page.getByRole('button', { name: 'Rename EPIS (renamed by me)' }).click();
    await page.getByRole('form', { name: 'Rename EPIS (renamed by me)' }).getByLabel('Citation').fill('Mine, 2099');
    await server.request('PATCH', `${R}/frameworks/${now.id}`, { name: 'EPIS framework', version: now.version });
    await page.getByRole('form', { name: 'Rename EPIS (renamed by me)' }).getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor();
    expect(await shown('mine')).toEqual(['EPIS (renamed by me)', 'Mine, 2099']);
    expect(await shown('theirs')).toEqual(['EPIS framework', before.citation]);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await find(epis.id)).toMatchObject({ name: 'EPIS framework', citation: before.citation, version: now.version + 1 });
    await page.getByRole('status').filter({ hasText: 'Kept the saved version of EPIS framework' }).waitFor();
    await page.getByRole('button', { name: 'Rename EPIS framework' }).waitFor();
  });

  it('deletes a whole model with its phases after asking, and undoes it', async () => {
    const model = (await frameworks()).find((f) => f.name === 'Renamed model') as Named;
    const phasesBefore = await phasesOf(model.id);
    await page.getByRole('button', { name: 'Delete Renamed model' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete model “Renamed model”?' });
    await dialog.waitFor();
    expect(await dialog.getByTestId('delete-consequences').locator('li').allTextContents()).toEqual(['3 phases']);
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('button', { name: 'Undo delete' }).waitFor();
    expect((await frameworks()).some((f) => f.id === model.id)).toBe(false);
    await page.getByRole('button', { name: 'Undo delete' }).click();
    await page.getByRole('button', { name: 'Delete Renamed model' }).waitFor();
    expect(await phasesOf(model.id)).toEqual(phasesBefore);
    // the browser logs the two 409s the stale-rename test provoked, and nothing else
    expect(consoleErrors.filter((e) => !/status of 409 \(Conflict\) @ .*\/api\/reviews\/1\/frameworks\/\d+/.test(e))).toEqual([]);
  });
});
