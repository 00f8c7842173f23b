// The alignment board in a real browser: by keyboard alone (the "done when" scenario), by drag and drop,
// suggestions, undo, a server refusal rolled back, and a stale edit shown as a conflict.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { hasChromium, launchBrowser, requireBuiltClient, trackNetwork, watchConsoleErrors, PAGE_TIMEOUT } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

interface Named { id: number; name: string }
interface PhaseRow { id: number; label: string }
interface AlignmentRow { id: number; phaseId: number; stageId: number | null; relation: string; confidence: number | null; rationale: string; version: number }

describe.runIf(hasChromium)('alignment board', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let network: ReturnType<typeof trackNetwork>;
  const consoleErrors: string[] = [];
  let stages: Named[];
  let models: Named[];

  const R = '/api/reviews/1';
  const model = (name: string): Named => {
    const found = models.find((m) => m.name.includes(name));
    if (!found) throw new Error(`no model ${name}`);
    return found;
  };
  const stageId = (name: string): number => stages.find((s) => s.name === name)?.id ?? 0;
  const phasesOf = async (name: string): Promise<PhaseRow[]> =>
    (await server.request('GET', `${R}/frameworks/${model(name).id}/phases`)).body;
  const alignmentsOf = async (name: string): Promise<AlignmentRow[]> =>
    (await server.request('GET', `${R}/alignments?frameworkId=${model(name).id}`)).body;
  const activeId = () => page.evaluate(() => document.activeElement?.id ?? '');
  const openBoard = async (name: string) => {
    await page.goto(`${server.url}/#/align/${model(name).id}`);
    await page.getByRole('heading', { name: `Phases of ${model(name).name}` }).waitFor();
    await network.quiet();
  };

  beforeAll(async () => {
    requireBuiltClient();
    server = await startTestServer();
    const frameworks = (await server.request('GET', `${R}/frameworks`)).body as (Named & { role: string })[];
    models = frameworks.filter((f) => f.role === 'source');
    const target = frameworks.find((f) => f.role === 'target');
    stages = (await server.request('GET', `${R}/frameworks/${target?.id}/stages`)).body;
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.setDefaultTimeout(PAGE_TIMEOUT);
    network = trackNetwork(page);
    watchConsoleErrors(page, consoleErrors);
    await page.goto(server.url);
    await page.getByRole('heading', { name: /Source models/ }).waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('aligns every phase of the Double Diamond with relations and rationales using only the keyboard', async () => {
    // Ctrl+K → "Discover" → Enter lands on the phase in the alignment board
    await page.keyboard.press('Control+k');
    await page.keyboard.type('Discover');
    await page.keyboard.press('Enter');
    const [discover, define, develop, deliver] = await phasesOf('Double Diamond');
    await expect.poll(activeId).toBe(`align-phase-${discover?.id}`);

    const STAGES = ['Mobilising', 'Designing', 'Developing', 'Integrating', 'Growing', 'System change'];
    const RELATIONS = ['equivalent', 'subset-of', 'superset-of', 'intersects-with'];
    const plan = [
      { phase: discover, stage: 'Mobilising', relation: 'intersects-with', confidence: '0.7', rationale: 'Discovery overlaps the diagnosis of need' },
      { phase: define, stage: 'Mobilising', relation: 'subset-of', confidence: '0.8', rationale: 'Defining the challenge is part of mobilising' },
      { phase: develop, stage: 'Designing', relation: 'intersects-with', confidence: '0.6', rationale: 'Developing solutions includes design' },
      { phase: develop, stage: 'Developing', relation: 'subset-of', confidence: '0.75', rationale: 'Prototyping and testing' },
      { phase: deliver, stage: 'Integrating', relation: 'intersects-with', confidence: '0.5', rationale: 'Delivery into the service' },
    ];
    for (const [i, step] of plan.entries()) {
      const phaseDomId = `align-phase-${step.phase?.id}`;
      await expect.poll(activeId).toMatch(/^align-phase-/);
      if ((await activeId()) !== phaseDomId) {
        // the board moved on to the next phase after saving; go back up with the arrow key
        await page.keyboard.press('ArrowUp');
      }
      expect(await activeId()).toBe(phaseDomId);
      await page.keyboard.press('Enter');
      expect(await activeId()).toBe(`align-stage-${stageId('Mobilising')}`);
      for (let k = 0; k < STAGES.indexOf(step.stage); k++) await page.keyboard.press('ArrowDown');
      expect(await activeId()).toBe(`align-stage-${stageId(step.stage)}`);
      await page.keyboard.press('Enter');
      await page.getByRole('menu').waitFor();
      for (let k = 0; k < RELATIONS.indexOf(step.relation); k++) await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      // the details editor opens on the rationale
      await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
      await page.keyboard.type(step.rationale);
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.type(step.confidence);
      await page.keyboard.press('Enter');
      await expect.poll(async () => (await alignmentsOf('Double Diamond')).filter((a) => a.rationale !== '').length).toBe(i + 1);
    }

    const saved = await alignmentsOf('Double Diamond');
    expect(saved.map((a) => [a.phaseId, a.stageId, a.relation, a.confidence, a.rationale])).toEqual(
      plan.map((p) => [p.phase?.id, stageId(p.stage), p.relation, Number(p.confidence), p.rationale]),
    );

    await page.reload();
    const card = page.locator(`li[data-phase-id="${develop?.id}"]`);
    await card.getByText('Prototyping and testing').waitFor();
    expect(await card.locator('.phase-alignments > li').allInnerTexts()).toEqual([
      expect.stringContaining('∩ intersects with Designing · confidence 0.6 · Developing solutions includes design'),
      expect.stringContaining('⊂ subset of Developing · confidence 0.75 · Prototyping and testing'),
    ]);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('aligns a phase by drag and drop and keeps it after a reload', async () => {
    await openBoard('Innovation Spiral');
    const [, generating] = await phasesOf('Innovation Spiral');
    const from = page.locator(`#align-phase-${generating?.id}`);
    const to = page.locator(`#align-stage-${stageId('Designing')}`);
    const a = await from.boundingBox();
    const b = await to.boundingBox();
    if (!a || !b) throw new Error('board not laid out');
    await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await page.mouse.down();
    await page.mouse.move(a.x + a.width / 2 + 20, a.y + a.height / 2 + 10, { steps: 5 });
    await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 15 });
    await page.mouse.up();
    await page.getByRole('menuitem', { name: /^equivalent/ }).click();
    await page.getByRole('form', { name: /Details of generating ideas → Designing/ }).waitFor();
    await page.keyboard.press('Escape');
    expect((await alignmentsOf('Innovation Spiral')).map((x) => [x.phaseId, x.stageId, x.relation])).toEqual([
      [generating?.id, stageId('Designing'), 'equivalent'],
    ]);
    await page.reload();
    const card = page.locator(`li[data-phase-id="${generating?.id}"]`);
    await card.getByText('≡ equivalent Designing').waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('shows reasoned suggestions for unassessed phases and saves one only when accepted', async () => {
    await openBoard('Innovation Spiral');
    const phases = await phasesOf('Innovation Spiral');
    const growing = phases.find((p) => p.label === 'Growing, scaling and spreading');
    const list = page.getByRole('list', { name: 'Suggestions for Growing, scaling and spreading' });
    await list.waitFor();
    const items = await list.locator('li').allInnerTexts();
    expect(items[0]).toContain('Suggested: Growing');
    expect(items[0]).toContain("label 'Growing, scaling and spreading' matches stage name 'Growing'");
    const before = (await alignmentsOf('Innovation Spiral')).length;

    await page.getByRole('button', { name: 'Reject suggestion System change for Growing, scaling and spreading' }).click();
    expect(await list.locator('li').count()).toBe(items.length - 1);
    expect((await alignmentsOf('Innovation Spiral')).length).toBe(before);

    await page.getByRole('button', { name: 'Accept suggestion Growing for Growing, scaling and spreading' }).click();
    await page.getByRole('menuitem', { name: /^equivalent/ }).click();
    const form = page.getByRole('form', { name: /Details of Growing, scaling and spreading → Growing/ });
    await form.waitFor();
    // the machine's reason is offered as a draft, selected so typing replaces it, and said to be a draft
    const rationale = form.getByLabel('Rationale');
    expect(await rationale.inputValue()).toMatch(/^Suggested because .*matches stage name 'Growing'/);
    expect(await rationale.evaluate((el: HTMLTextAreaElement) => [el.selectionStart, el.selectionEnd, el.value.length])).toEqual(
      [0, (await rationale.inputValue()).length, (await rationale.inputValue()).length],
    );
    expect(await form.getByRole('note').textContent()).toMatch(/^Draft from the suggestion, not yet your rationale/);
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await alignmentsOf('Innovation Spiral')).find((a) => a.phaseId === growing?.id)).toMatchObject({
      stageId: stageId('Growing'), relation: 'equivalent', rationale: '',
    });
  });

  it('stores an accepted suggestion\'s reason only when the reviewer keeps it, and their own words when they type', async () => {
    await openBoard('Human-centred design');
    const phases = await phasesOf('Human-centred design');
    const lists = page.getByRole('list', { name: /^Suggestions for / });
    await lists.first().waitFor();
    const names = await page.getByRole('button', { name: /^Accept suggestion / }).evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    const byPhase = new Map<string, string>();
    for (const n of names) {
      const m = /^Accept suggestion (.+) for (.+)$/.exec(n);
      if (m?.[2] && m[1] && !byPhase.has(m[2])) byPhase.set(m[2], m[1]);
    }
    const [[keepPhase, keepStage], [ownPhase, ownStage]] = [...byPhase.entries()] as [[string, string], [string, string]];
    const idOf = (label: string) => phases.find((p) => p.label === label)?.id;

    // kept: Enter on the offered draft saves it as the rationale
    await page.getByRole('button', { name: `Accept suggestion ${keepStage} for ${keepPhase}` }).click();
    await page.getByRole('menuitem', { name: /^intersects with/ }).click();
    const draft = await page.getByRole('form', { name: new RegExp(`Details of ${keepPhase}`) }).getByLabel('Rationale').inputValue();
    expect(draft).toMatch(/^Suggested because /);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await alignmentsOf('Human-centred design')).find((a) => a.phaseId === idOf(keepPhase))?.rationale).toBe(draft);

    // replaced: typing over the selected draft leaves only the reviewer's words
    await page.getByRole('button', { name: `Accept suggestion ${ownStage} for ${ownPhase}` }).click();
    await page.getByRole('menuitem', { name: /^intersects with/ }).click();
    await page.getByRole('form', { name: new RegExp(`Details of ${ownPhase}`) }).waitFor();
    await page.keyboard.type('My own reading of the phase');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await alignmentsOf('Human-centred design')).find((a) => a.phaseId === idOf(ownPhase))?.rationale).toBe('My own reading of the phase');
  });

  it('saves the rationale with Enter (Shift+Enter is a new line), and one Ctrl+Z undoes the whole keyboard alignment', async () => {
    await openBoard('EPIS');
    const [, preparation] = await phasesOf('EPIS');
    const before = (await alignmentsOf('EPIS')).filter((a) => a.phaseId === preparation?.id);
    await page.locator(`#align-phase-${preparation?.id}`).focus();
    await page.keyboard.press('Enter');
    await expect.poll(activeId).toBe(`align-stage-${stageId('Mobilising')}`);
    for (let k = 0; k < 5; k++) await page.keyboard.press('ArrowDown');
    expect(await activeId()).toBe(`align-stage-${stageId('System change')}`);
    await page.keyboard.press('Enter');
    await page.getByRole('menu').waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await page.keyboard.type('First line');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('second line');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await alignmentsOf('EPIS')).find((a) => a.phaseId === preparation?.id && a.stageId === stageId('System change'))?.rationale)
      .toBe('First line\nsecond line');
    // the editor closed on Enter and focus went on to the next phase
    expect(await page.getByRole('form', { name: /Details of/ }).count()).toBe(0);
    await expect.poll(activeId).toMatch(/^align-phase-/);
    expect(await page.getByRole('button', { name: /^Undo / }).textContent()).toMatch(/^Undo align /);
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await alignmentsOf('EPIS')).filter((a) => a.phaseId === preparation?.id)).toEqual(before);
    await page.getByRole('status').filter({ hasText: /^Undid the align / }).waitFor();
  });

  it('removes an alignment and brings it back, same id, with Ctrl+Z and with the Undo button', async () => {
    await openBoard('Innovation Spiral');
    const [, generating] = await phasesOf('Innovation Spiral');
    const [aligned] = (await alignmentsOf('Innovation Spiral')).filter((a) => a.phaseId === generating?.id);
    await page.getByRole('button', { name: 'Remove alignment of generating ideas to Designing' }).click();
    await expect.poll(async () => (await alignmentsOf('Innovation Spiral')).some((a) => a.id === aligned?.id)).toBe(false);
    await page.getByRole('status').filter({ hasText: 'Removed generating ideas → Designing' }).waitFor();
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await alignmentsOf('Innovation Spiral')).find((a) => a.id === aligned?.id)).toEqual(aligned);
    await page.locator(`li[data-phase-id="${generating?.id}"]`).getByText('Designing').waitFor();

    // choosing a relation again opens the editor with the old rationale marked for review; nothing is written yet
    await server.request('PATCH', `${R}/alignments/${aligned?.id}`, { rationale: 'Same scope as designing', version: aligned?.version });
    await page.reload();
    await page.locator(`#align-phase-${generating?.id}`).click();
    await page.locator(`#align-stage-${stageId('Designing')}`).click();
    await page.getByRole('menuitem', { name: /^intersects with/ }).click();
    const form = page.getByRole('form', { name: 'Details of generating ideas → Designing' });
    await form.waitFor();
    expect(await form.getByLabel('Relation').inputValue()).toBe('intersects-with');
    expect(await form.getByLabel('Rationale').inputValue()).toBe('Same scope as designing');
    const note = form.getByRole('note');
    expect(await note.textContent()).toMatch(/^Review this rationale: it was written for ≡ equivalent, and the relation is now ∩ intersects with\./);
    expect(await form.getByLabel('Rationale').getAttribute('aria-describedby')).toBe(await note.getAttribute('id'));
    expect(await axeViolations(page)).toEqual([]);
    expect((await alignmentsOf('Innovation Spiral')).find((a) => a.id === aligned?.id)?.relation).toBe('equivalent');
    // Escape leaves it as it was
    await page.keyboard.press('Escape');
    expect((await alignmentsOf('Innovation Spiral')).find((a) => a.id === aligned?.id)).toMatchObject({ relation: 'equivalent', rationale: 'Same scope as designing' });
    // again, this time rewriting the rationale: relation and text are written together, as one undo step
    await page.locator(`#align-phase-${generating?.id}`).click();
    await page.locator(`#align-stage-${stageId('Designing')}`).click();
    await page.getByRole('menuitem', { name: /^intersects with/ }).click();
    await form.getByLabel('Rationale').fill('Generating ideas only overlaps designing');
    expect(await form.getByRole('note').count()).toBe(0);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await alignmentsOf('Innovation Spiral')).find((a) => a.id === aligned?.id)).toMatchObject({
      relation: 'intersects-with', rationale: 'Generating ideas only overlaps designing',
    });
    await page.getByRole('button', { name: /^Undo edit of generating ideas/ }).click();
    await expect.poll(async () => (await alignmentsOf('Innovation Spiral')).find((a) => a.id === aligned?.id)).toMatchObject({
      relation: 'equivalent', rationale: 'Same scope as designing',
    });
  });

  it('rolls back with a clear message when the server refuses a change', async () => {
    await openBoard('EPIS');
    const [exploration] = await phasesOf('EPIS');
    // someone deletes the phase on the server while it is still on screen
    await server.request('DELETE', `${R}/phases/${exploration?.id}`);
    await page.locator(`#align-phase-${exploration?.id}`).click();
    await page.locator(`#align-stage-${stageId('Mobilising')}`).click();
    await page.getByRole('menuitem', { name: /^equivalent/ }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'rolled back' });
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/The server refused the change, so it was rolled back: .*no phase/);
    expect(await page.locator(`li[data-phase-id="${exploration?.id}"] .phase-alignments`).count()).toBe(0);
  });

  it('shows a stale edit as a conflict with both versions; keeps theirs or re-applies mine', async () => {
    await openBoard('Double Diamond');
    const [discover] = await phasesOf('Double Diamond');
    const mine = (await alignmentsOf('Double Diamond')).find((a) => a.phaseId === discover?.id) as AlignmentRow;
    // Bob saves while my editor is open: whatever the screen refetches meanwhile, my save is based on what I opened
    await page.getByRole('button', { name: 'Edit alignment of Discover to Mobilising' }).click();
    const theirs = await server.request('PATCH', `${R}/alignments/${mine.id}`, { rationale: 'Changed by Bob', version: mine.version });
    expect(theirs.status).toBe(200);
    await page.getByLabel('Rationale').fill('Changed by me');
    await page.getByRole('button', { name: 'Save' }).click();
    const dialog = page.getByRole('dialog', { name: /Conflict/ });
    await dialog.waitFor();
    expect(await dialog.getByTestId('mine-rationale').textContent()).toBe('Changed by me');
    expect(await dialog.getByTestId('theirs-rationale').textContent()).toBe('Changed by Bob');
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Re-apply mine' }).click();
    await expect.poll(async () => (await alignmentsOf('Double Diamond')).find((a) => a.id === mine.id)?.rationale).toBe('Changed by me');

    // Bob changes the confidence while I change only the rationale: "Yours" shows my confidence as I read it, and
    // re-applying writes exactly what was shown as mine, every field
    const before = (await alignmentsOf('Double Diamond')).find((a) => a.id === mine.id) as AlignmentRow;
    await page.getByRole('button', { name: 'Edit alignment of Discover to Mobilising' }).click();
    // Bob changes every other field: stage, relation and confidence
    await server.request('PATCH', `${R}/alignments/${mine.id}`, { confidence: 0.9, stageId: stageId('Growing'), relation: 'superset-of', version: before.version });
    await page.getByLabel('Rationale').fill('Mine again');
    await page.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor();
    const FIELDS = ['relation', 'stageId', 'confidence', 'rationale'];
    const shown = (who: string) => Promise.all(FIELDS.map((f) => dialog.getByTestId(`${who}-${f}`).textContent()));
    expect(await shown('mine')).toEqual([
      before.relation.replace(/-/g, ' '), stages.find((x) => x.id === before.stageId)?.name,
      before.confidence === null ? '—' : String(before.confidence), 'Mine again',
    ]);
    expect(await shown('theirs')).toEqual(['superset of', 'Growing', '0.9', 'Changed by me']);
    // every row that differs says so to a screen reader too
    expect(await dialog.locator('tr.differs th').allTextContents()).toEqual(['Relation (differs)', 'Stage (differs)', 'Confidence (differs)', 'Rationale (differs)']);
    await dialog.getByRole('button', { name: 'Re-apply mine' }).click();
    await expect.poll(async () => (await alignmentsOf('Double Diamond')).find((a) => a.id === mine.id)?.rationale).toBe('Mine again');
    expect((await alignmentsOf('Double Diamond')).find((a) => a.id === mine.id)).toMatchObject({
      relation: before.relation, stageId: before.stageId, confidence: before.confidence, rationale: 'Mine again',
    });

    // and again, this time keeping the server's version: nothing of mine is written
    const now = (await alignmentsOf('Double Diamond')).find((a) => a.id === mine.id) as AlignmentRow;
    await page.getByRole('button', { name: 'Edit alignment of Discover to Mobilising' }).click();
    await server.request('PATCH', `${R}/alignments/${mine.id}`, { confidence: 0.1, version: now.version });
    await page.getByLabel('Rationale').fill('Overwrite attempt');
    await page.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Keep theirs' }).click();
    const kept = (await alignmentsOf('Double Diamond')).find((a) => a.id === mine.id);
    expect(kept).toMatchObject({ rationale: 'Mine again', confidence: 0.1, version: now.version + 1 });
    await page.locator(`li[data-phase-id="${discover?.id}"]`).getByText('confidence 0.1').waitFor();
  });

  it('attaches a citation with page and quote to an alignment as evidence, shown on the board', async () => {
    await openBoard('The six stages of social innovation');
    const [prompts] = await phasesOf('The six stages of social innovation');
    const alignment = (await alignmentsOf('The six stages of social innovation')).find((a) => a.phaseId === prompts?.id) as AlignmentRow;
    await page.getByRole('button', { name: 'Edit alignment of Prompts, inspirations and diagnoses to Mobilising' }).click();
    await page.getByRole('button', { name: /^Cite a reference for alignment Prompts, inspirations and diagnoses/ }).click();
    const citations = (await server.request('GET', `${R}/citations`)).body as { id: number; citekey: string }[];
    const murray = citations.find((c) => c.citekey.startsWith('murray2010'));
    await page.getByLabel('Reference', { exact: true }).selectOption(String(murray?.id));
    await page.getByLabel('Page or other locator').fill('12');
    await page.getByLabel('Quoted passage (optional evidence)').fill('overlapping spaces, with distinct cultures and skills');
    await page.getByRole('button', { name: 'Attach' }).click();
    const editorChips = page.locator('.alignment-evidence .citation-chip-button');
    await editorChips.first().waitFor();
    expect(await editorChips.first().textContent()).toMatch(/Murray et al\., 2010/);
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    const line = page.locator(`li[data-alignment-id="${alignment.id}"] .citation-chip-button`);
    await line.waitFor();
    const links = (await server.request('GET', `${R}/citation-links?targetType=alignment&targetId=${alignment.id}`)).body as { locator: string; quote: string }[];
    expect(links).toMatchObject([{ locator: '12', quote: 'overlapping spaces, with distinct cultures and skills' }]);
  });

  it('marks a phase as having no counterpart, distinct from not assessed, and removes the mark again', async () => {
    await openBoard('Human-centred design');
    const phases = await phasesOf('Human-centred design');
    const share = phases.find((p) => p.label === 'Share the story') as PhaseRow;
    const card = page.locator(`li[data-phase-id="${share.id}"]`);
    expect(await card.locator('.state-not-assessed').textContent()).toBe('Not yet assessed');
    await page.getByRole('button', { name: 'Mark Share the story as having no counterpart' }).click();
    await card.getByText('No counterpart in the target framework').waitFor();
    expect(await card.locator('.state-not-assessed').count()).toBe(0);
    expect(await card.getByRole('list', { name: 'Suggestions for Share the story' }).count()).toBe(0);
    const [mark] = (await alignmentsOf('Human-centred design')).filter((a) => a.phaseId === share.id);
    expect(mark).toMatchObject({ stageId: null, relation: 'no-counterpart' });
    await page.getByRole('button', { name: 'Remove alignment of Share the story to no counterpart' }).click();
    await card.getByText('Not yet assessed').waitFor();
    expect((await alignmentsOf('Human-centred design')).filter((a) => a.phaseId === share.id)).toEqual([]);
  });

  it('logged no console errors other than the refusals the tests provoked', () => {
    const unexpected = consoleErrors.filter((e) => !/status of (409|422)/.test(e));
    expect(unexpected).toEqual([]);
  });
});
