// The target framework screen in a real browser: the wheel (Figure 2), Table 2 and its stage editor.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { hasChromium, launchBrowser, requireBuiltClient, watchConsoleErrors } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

interface StageRow { id: number; name: string; focus: string; version: number; frameworkId: number }

describe.runIf(hasChromium)('target framework screen', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];
  let targetId: number;

  const stages = async (): Promise<StageRow[]> =>
    (await server.request('GET', `/api/reviews/1/frameworks/${targetId}/stages`)).body;
  const stage = async (name: string): Promise<StageRow> => {
    const s = (await stages()).find((x) => x.name === name);
    if (!s) throw new Error(`no stage ${name}`);
    return s;
  };
  const table = () => page.getByRole('table', { name: /Aims, tasks and questions/ });
  const row = (name: string) => table().locator('tbody tr').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
  const wheelStage = (n: number, name: string) => page.getByRole('button', { name: `Stage ${n}: ${name}`, exact: true });
  const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '');

  beforeAll(async () => {
    requireBuiltClient();
    server = await startTestServer();
    targetId = (await server.request('GET', '/api/reviews/1/frameworks-by-role/target')).body[0].id;
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    watchConsoleErrors(page, consoleErrors);
    await page.goto(`${server.url}/#/framework`);
    await table().waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('draws the wheel as an SVG with a title and description, the six stages in order and arrows both ways', async () => {
    const svg = page.locator('svg.wheel');
    await expect(svg.locator('title').textContent()).resolves.toBe('Stages of innovation wheel');
    await expect(svg.locator('desc').textContent()).resolves.toMatch(/^6 stages in a cycle: Mobilising, Designing, Developing, Integrating, Growing, System change\. Forward arrows/);
    await expect(svg.locator('[role="button"]').evaluateAll((gs) => gs.map((g) => g.getAttribute('aria-label'))))
      .resolves.toEqual(['Stage 1: Mobilising', 'Stage 2: Designing', 'Stage 3: Developing', 'Stage 4: Integrating', 'Stage 5: Growing', 'Stage 6: System change']);
    await expect(svg.locator('path.wheel-fwd').count()).resolves.toBe(6);
    await expect(svg.locator('path.wheel-rev').count()).resolves.toBe(6);
  });

  it('shows the phases of Murray et al. aligned to "Developing", with its key question and success measures', async () => {
    await wheelStage(3, 'Developing').click();
    const panel = page.getByRole('region', { name: 'Developing' });
    await panel.waitFor();
    const aligned = await panel.getByRole('list', { name: 'Phases aligned to Developing' }).locator(':scope > li').allTextContents();
    expect(aligned).toEqual(['The six stages of social innovation (Murray et al., 2010)Prototyping and pilots ⊂ subset-of']);
    const developing = await stage('Developing');
    const full = (await server.request('GET', `/api/reviews/1/stages/${developing.id}`)).body;
    await expect(panel.textContent()).resolves.toContain(full.keyQuestion);
    await expect(panel.textContent()).resolves.toContain(full.successMeasures);
  });

  it('opens the stage a link names (#/framework/<stage id>)', async () => {
    const developing = await stage('Developing');
    await page.goto(`${server.url}/#/framework/${developing.id}`);
    await page.getByRole('region', { name: 'Developing' }).waitFor();
    await expect(wheelStage(3, 'Developing').getAttribute('aria-pressed')).resolves.toBe('true');
  });

  it('goes round the wheel by keyboard: arrow keys move between stages, Enter selects one', async () => {
    await wheelStage(1, 'Mobilising').focus();
    await page.keyboard.press('ArrowLeft');
    expect(await focused()).toBe('Stage 6: System change');
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toBe('Stage 1: Mobilising');
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe('Stage 2: Designing');
    await page.keyboard.press('Enter');
    const panel = page.getByRole('region', { name: 'Designing' });
    await panel.waitFor();
    await expect(panel.getByRole('list', { name: 'Phases aligned to Designing' }).locator('li li').allTextContents())
      .resolves.toEqual(['proposals and ideas ≡ equivalent']);
    await expect(wheelStage(2, 'Designing').getAttribute('aria-pressed')).resolves.toBe('true');
  });

  it('passes axe-core with a stage open and logs no console errors', async () => {
    expect(await axeViolations(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it("edits a stage's focus and keeps it after a reload", async () => {
    await row('Developing').getByRole('button', { name: 'Edit Developing' }).click();
    const form = page.getByRole('form', { name: 'Edit stage Developing' });
    await form.getByLabel('Focus').fill('Prototype, pilot and test');
    expect(await axeViolations(page)).toEqual([]);
    await form.getByRole('button', { name: 'Save stage' }).click();
    await row('Developing').getByText('Prototype, pilot and test').waitFor();
    await page.reload();
    await table().waitFor();
    await expect(row('Developing').locator('.focus').textContent()).resolves.toBe('Prototype, pilot and test');
    await expect(stage('Developing')).resolves.toMatchObject({ focus: 'Prototype, pilot and test', version: 2 });
  });

  it('shows a stale edit as a conflict with every field, and "Keep my edit" writes exactly what "Your edit" shows', async () => {
    const growing = await stage('Growing');
    const original = (await server.request('GET', `/api/reviews/1/stages/${growing.id}`)).body;
    const bands = (await server.request('GET', '/api/reviews/1/bands')).body as { id: number; label: string }[];
    const otherBand = bands.find((b) => b.id !== original.bandId) as { id: number; label: string };
    const bandLabel = (id: number | null) => bands.find((b) => b.id === id)?.label ?? 'no band';
    await row('Growing').getByRole('button', { name: 'Edit Growing' }).click();
    const form = page.getByRole('form', { name: 'Edit stage Growing' });
    await form.getByLabel('Focus').fill('Mine: grow');
    await form.getByLabel('Key question', { exact: true }).fill('Mine: how far?');
    // someone else saves first, changing the focus (as I did) and four fields I left alone
    const theirs = await server.request('PATCH', `/api/reviews/1/stages/${growing.id}`, {
      focus: 'Theirs: spread', successMeasures: 'Theirs: reach', purpose: 'Theirs: purpose', keyLabel: 'Theirs: label',
      bandId: otherBand.id, version: growing.version,
    });
    expect(theirs.status).toBe(200);
    await form.getByRole('button', { name: 'Save stage' }).click();
    const conflict = page.getByRole('alert').filter({ hasText: 'Conflict: someone else changed' });
    await conflict.waitFor();
    const fieldRow = (name: RegExp) =>
      conflict.locator('tr').filter({ has: page.getByRole('rowheader', { name }) }).locator('th, td').allTextContents();
    // every field of the stage, in form order: heading with who changed it, as opened, mine, theirs
    await expect(conflict.locator('tbody th').allTextContents()).resolves.toEqual([
      'Name', 'Focus (both changed)', 'Purpose (they changed)', 'Key-question label (they changed)', 'Key question (you changed)',
      'Success measures (they changed)', 'Band (they changed)',
    ]);
    await expect(fieldRow(/^Name/)).resolves.toEqual(['Name', 'Growing', 'Growing', 'Growing']);
    await expect(fieldRow(/^Focus/)).resolves.toEqual(['Focus (both changed)', original.focus, 'Mine: grow', 'Theirs: spread']);
    await expect(fieldRow(/^Purpose/)).resolves.toEqual(['Purpose (they changed)', original.purpose, original.purpose, 'Theirs: purpose']);
    await expect(fieldRow(/^Key-question label/)).resolves.toEqual(['Key-question label (they changed)', original.keyLabel, original.keyLabel, 'Theirs: label']);
    await expect(fieldRow(/^Key question/)).resolves.toEqual(['Key question (you changed)', original.keyQuestion, 'Mine: how far?', original.keyQuestion]);
    await expect(fieldRow(/^Success measures/)).resolves.toEqual([
      'Success measures (they changed)', original.successMeasures, original.successMeasures, 'Theirs: reach',
    ]);
    await expect(fieldRow(/^Band/)).resolves.toEqual(['Band (they changed)', bandLabel(original.bandId), bandLabel(original.bandId), otherBand.label]);
    // nothing was overwritten while the user decides
    await expect(stage('Growing')).resolves.toMatchObject({ focus: 'Theirs: spread', version: growing.version + 1 });
    expect(await axeViolations(page)).toEqual([]);
    const shownMine = await conflict.locator('[data-testid^="mine-"]').allTextContents();
    await conflict.getByRole('button', { name: /Keep my edit/ }).click();
    await row('Growing').getByText('Mine: grow').waitFor();
    // what is saved is the "Your edit" column, every field of it
    const saved = (await server.request('GET', `/api/reviews/1/stages/${growing.id}`)).body;
    expect([saved.name, saved.focus, saved.purpose, saved.keyLabel, saved.keyQuestion, saved.successMeasures, bandLabel(saved.bandId)]).toEqual(shownMine);
    expect(saved).toMatchObject({
      focus: 'Mine: grow', keyQuestion: 'Mine: how far?', purpose: original.purpose, keyLabel: original.keyLabel,
      successMeasures: original.successMeasures, bandId: original.bandId, version: growing.version + 2,
    });
  });

  it('takes the saved version when the user chooses it', async () => {
    await row('Mobilising').getByRole('button', { name: 'Edit Mobilising' }).click();
    await page.getByRole('form', { name: 'Edit stage Mobilising' }).getByLabel('Focus').fill('Mine');
    const mobilising = await stage('Mobilising');
    await server.request('PATCH', `/api/reviews/1/stages/${mobilising.id}`, { focus: 'Theirs', version: mobilising.version });
    await page.getByRole('button', { name: 'Save stage' }).click();
    await page.getByRole('button', { name: /Take the saved version/ }).click();
    await row('Mobilising').getByText('Theirs', { exact: true }).waitFor();
    await expect(stage('Mobilising')).resolves.toMatchObject({ focus: 'Theirs', version: mobilising.version + 1 });
  });

  it('reorders stages by keyboard with move buttons, keeping focus on the moved stage', async () => {
    await row('Integrating').getByRole('button', { name: 'Move Integrating up' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('.stage-table tbody tr:nth-child(3) th')?.textContent === 'Integrating');
    expect((await stages()).map((s) => s.name)).toEqual(['Mobilising', 'Designing', 'Integrating', 'Developing', 'Growing', 'System change']);
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Move Integrating up');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Move Integrating down');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('.stage-table tbody tr:nth-child(4) th')?.textContent === 'Integrating');
    expect((await stages()).map((s) => s.name)).toEqual(['Mobilising', 'Designing', 'Developing', 'Integrating', 'Growing', 'System change']);
    await expect(page.getByRole('button', { name: 'Stage 4: Integrating' }).count()).resolves.toBe(1);
  });

  it('creates a stage and deletes it only after asking', async () => {
    await page.getByLabel('New stage').fill('Sustaining');
    await page.getByRole('button', { name: 'Add stage' }).click();
    await row('Sustaining').waitFor();
    await expect(page.getByRole('button', { name: 'Stage 7: Sustaining' }).count()).resolves.toBe(1);
    await row('Sustaining').getByRole('button', { name: 'Delete Sustaining' }).click();
    const confirm = page.getByRole('alertdialog');
    await expect(confirm.textContent()).resolves.toMatch(/Delete “Sustaining”\? No phase is aligned to it\./);
    await confirm.getByRole('button', { name: 'Keep it' }).click();
    expect((await stages()).map((s) => s.name)).toContain('Sustaining');
    await row('Sustaining').getByRole('button', { name: 'Delete Sustaining' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete stage' }).click();
    await expect(row('Sustaining').waitFor({ state: 'detached' })).resolves.toBeUndefined();
    expect((await stages()).map((s) => s.name)).not.toContain('Sustaining');
  });

  it('warns how many alignments go with a stage, deletes it, and undoes the delete with its alignment', async () => {
    const before = await stages();
    await row('Developing').getByRole('button', { name: 'Delete Developing' }).click();
    await expect(page.getByRole('alertdialog').textContent()).resolves.toMatch(/Its 1 alignment will be deleted too\./);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete stage' }).click();
    await page.getByRole('status').filter({ hasText: 'Deleted “Developing” and its 1 alignment.' }).waitFor();
    expect((await stages()).map((s) => s.name)).not.toContain('Developing');
    await expect(page.getByRole('button', { name: /^Stage \d: Developing$/ }).count()).resolves.toBe(0);
    // focus lands on the undo button, so a keyboard user can take it back at once
    expect(await focused()).toBe('Undo delete of “Developing”');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Restored “Developing”.' }).waitFor();
    expect((await stages()).map((s) => [s.id, s.name])).toEqual(before.map((s) => [s.id, s.name]));
    await wheelStage(3, 'Developing').click();
    await expect(page.getByRole('list', { name: 'Phases aligned to Developing' }).locator('li li').allTextContents())
      .resolves.toEqual(['Prototyping and pilots ⊂ subset-of']);
    expect(await axeViolations(page)).toEqual([]);
    expect(consoleErrors.filter((e) => !/409/.test(e))).toEqual([]);
  });
});
