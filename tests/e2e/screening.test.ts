// Two reviewers screen 20 records by keyboard alone in two browsers, each with its own "You are"; neither sees the
// other's decisions while the stage is blind; the lead unblinds, resolves a conflict, reads kappa (checked against a
// hand computation from the decisions made) and downloads the PRISMA 2020 diagram; axe-clean throughout.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { libraryOf } from '../../server/routes/literature.ts';
import { axeViolations } from '../support/axe.ts';
import { hasChromium, launchBrowser, requireBuiltClient, watchConsoleErrors, PAGE_TIMEOUT } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const RECORDS = 20;
const REASONS = ['Wrong population', 'Wrong intervention', 'Not a study'];
type Decision = 'include' | 'exclude' | 'maybe';
// what each reviewer presses at the n-th record of the (shared, stable random) order, and what that records
const KEYS: Record<string, [string, Decision, string]> = {
  i: ['i', 'include', ''], e: ['e', 'exclude', ''], m: ['m', 'maybe', ''],
  '1': ['1', 'exclude', REASONS[0] ?? ''], '2': ['2', 'exclude', REASONS[1] ?? ''],
};
const ADA = 'iiiiiiii11111eeeeemm'; // the lead
const BEN = 'iiiiiieei222222222ie';

function ris(): string {
  const topics = ['family support', 'foster care', 'youth justice', 'early help', 'kinship care'];
  return Array.from({ length: RECORDS }, (_, i) => [
    'TY  - JOUR',
    `TI  - Study ${String(i + 1).padStart(2, '0')} of ${topics[i % topics.length]} in children's services`,
    `AU  - Author${i + 1}, Alex`,
    `PY  - ${2000 + i}`,
    'JO  - Child and Family Social Work',
    `AB  - Abstract of study ${i + 1}: a ${i % 2 ? 'qualitative' : 'mixed-methods'} evaluation of ${topics[i % topics.length]}.`,
    `KW  - ${topics[i % topics.length]}`,
    'ER  - ',
  ].join('\n')).join('\n') + '\n';
}

/** Cohen's kappa by hand: observed agreement against the agreement the two reviewers' marginals give by chance. */
function handKappa(a: Decision[], b: Decision[]): { po: number; kappa: number } {
  const n = a.length;
  const po = a.filter((d, i) => d === b[i]).length / n;
  const share = (xs: Decision[], c: Decision) => xs.filter((d) => d === c).length / n;
  const pe = (['include', 'exclude', 'maybe'] as const).reduce((s, c) => s + share(a, c) * share(b, c), 0);
  return { po, kappa: (po - pe) / (1 - pe) };
}

describe.runIf(hasChromium)('screening by two reviewers', () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let ada: Page;
  let ben: Page;
  const consoleErrors: string[] = [];
  let review: { id: number; slug: string };
  const team: Record<string, number> = {};

  beforeAll(async () => {
    requireBuiltClient();
    server = await startTestServer();
    const made = await server.request('POST', '/api/reviews', { title: 'Screening trial' });
    review = made.body as { id: number; slug: string; version: number };
    await server.request('PATCH', `/api/reviews/${review.id}`, { settings: { relationLabels: {}, exclusionReasons: REASONS }, version: made.body.version });
    for (const [name, initials, role] of [['Ada Lovelace', 'AL', 'lead'], ['Ben Okri', 'BO', 'reviewer']] as const) {
      const member = await server.request('POST', `/api/reviews/${review.id}/reviewers`, { name });
      team[initials] = member.body.id as number;
      await server.request('PATCH', `/api/reviews/${review.id}/reviewers/${member.body.id}`, { initials, role });
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-screening-'));
    const file = path.join(dir, 'records.ris');
    fs.writeFileSync(file, ris());
    await libraryOf(server.wb.db).imports.start({
      reviewId: review.id, file, fileName: 'records.ris', format: 'ris', sourceName: 'Scopus', searchString: 'children', actor: 'test', removeFile: true,
    }).done;
    browser = await launchBrowser();
    const open = async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(PAGE_TIMEOUT);
      watchConsoleErrors(page, consoleErrors);
      return page;
    };
    ada = await open();
    ben = await open();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.close();
  });

  const asReviewer = (initials: string) => ({ 'x-workbench-reviewer': String(team[initials]) });
  const decisionsOf = async (initials: string, stageId: number): Promise<Map<number, [Decision, string]>> => {
    const queue = await server.request('GET', `/api/reviews/${review.id}/screening/stages/${stageId}/queue?filter=mine&limit=1000`, undefined, asReviewer(initials));
    const items = queue.body.items as { item: { id: number }; mine: { decision: Decision; reason: string } }[];
    return new Map(items.map((e) => [e.item.id, [e.mine.decision, e.mine.reason]]));
  };
  const shownItem = async (page: Page): Promise<number> => Number(await page.locator('.screen-record').getAttribute('data-item'));
  const position = (page: Page) => page.getByTestId('screen-position').textContent();

  async function chooseYou(page: Page, initials: string): Promise<void> {
    await page.goto(`${server.url}/#/r/${review.slug}/screening`);
    await page.getByLabel('You are').selectOption(String(team[initials]));
  }

  /** Presses the reviewer's keys for records from..to (exclusive), noting which record each key decided. */
  async function screen(page: Page, keys: string, from: number, to: number, seen: Map<number, [Decision, string]>): Promise<void> {
    await page.getByRole('region', { name: 'Record to screen' }).focus();
    for (let n = from; n < to; n++) {
      const item = await shownItem(page);
      const [key, decision, reason] = KEYS[keys[n] ?? ''] ?? ['', 'include', ''];
      await page.keyboard.press(key);
      seen.set(item, [decision, reason]);
      if (n < RECORDS - 1) await expect.poll(() => shownItem(page)).not.toBe(item);
      else await expect.poll(() => position(page)).toMatch(/^End of the list/);
    }
  }

  it('screens, stays blind, unblinds, resolves, agrees and draws the flow', async () => {
    // the lead starts a blind title-and-abstract stage over the library
    await chooseYou(ada, 'AL');
    await ada.getByRole('heading', { name: 'New screening stage' }).waitFor();
    await ada.getByRole('button', { name: 'Create stage' }).focus();
    await ada.keyboard.press('Enter');
    await expect.poll(() => position(ada)).toBe(`Record 1 of ${RECORDS}`);
    const stages = (await server.request('GET', `/api/reviews/${review.id}/screening/stages`, undefined, asReviewer('AL'))).body as { id: number; blind: boolean }[];
    expect(stages).toHaveLength(1);
    const stageId = stages[0]?.id ?? 0;
    expect(stages[0]?.blind).toBe(true);
    expect(ada.url()).toContain(`#/r/${review.slug}/screening/${stageId}`);

    await chooseYou(ben, 'BO');
    await expect.poll(() => position(ben)).toBe(`Record 1 of ${RECORDS}`);
    expect(await axeViolations(ben)).toEqual([]);

    // half each, then Ada's undo with Ctrl+Z and Ben's with U put the same record back before deciding it again
    const adaSeen = new Map<number, [Decision, string]>();
    const benSeen = new Map<number, [Decision, string]>();
    await screen(ada, ADA, 0, 10, adaSeen);
    await screen(ben, BEN, 0, 10, benSeen);
    await expect.poll(() => position(ben)).toBe(`Record 11 of ${RECORDS}`);
    const benTenth = await shownItem(ben);
    await ben.keyboard.press('m');
    await expect.poll(() => shownItem(ben)).not.toBe(benTenth);
    await ben.keyboard.press('u');
    await expect.poll(() => shownItem(ben)).toBe(benTenth);
    await expect.poll(async () => (await decisionsOf('BO', stageId)).has(benTenth)).toBe(false);
    await ada.keyboard.press('Control+z');
    await expect.poll(() => position(ada)).toBe(`Record 10 of ${RECORDS}`);
    const adaNinth = await shownItem(ada);
    expect(adaSeen.has(adaNinth)).toBe(true);
    await expect.poll(async () => (await decisionsOf('AL', stageId)).has(adaNinth)).toBe(false);
    await screen(ada, ADA, 9, 10, adaSeen);

    // every decision is on the server, and neither sees the other's: no "Others" line, only their own progress row
    await expect.poll(async () => [...(await decisionsOf('AL', stageId))].sort()).toEqual([...adaSeen].sort());
    await expect.poll(async () => [...(await decisionsOf('BO', stageId))].sort()).toEqual([...benSeen].sort());
    for (const page of [ada, ben]) {
      expect(await page.locator('.screen-others').count()).toBe(0);
      await expect.poll(() => page.locator('.screen-progress li').count()).toBe(1);
    }
    const benQueue = await server.request('GET', `/api/reviews/${review.id}/screening/stages/${stageId}/queue?filter=all`, undefined, asReviewer('BO'));
    expect(benQueue.body.items.every((e: { others: unknown; final: unknown }) => e.others === null && e.final === null)).toBe(true);

    // a reload keeps every decision: the undecided list starts at Ben's eleventh record
    await ben.reload();
    await expect.poll(() => position(ben)).toBe(`Record 1 of ${RECORDS - 10}`);
    expect(await shownItem(ben)).toBe(benTenth);
    expect(benSeen.has(benTenth)).toBe(false);

    await screen(ada, ADA, 10, RECORDS, adaSeen);
    // Ada has finished and may see Ben's decisions; Ben, halfway, still sees none of hers
    const benStill = await server.request('GET', `/api/reviews/${review.id}/screening/stages/${stageId}/queue?filter=all`, undefined, asReviewer('BO'));
    expect(benStill.body.items.every((e: { others: unknown }) => e.others === null)).toBe(true);
    expect(await ben.locator('.screen-others').count()).toBe(0);
    await screen(ben, BEN, 10, RECORDS, benSeen);
    await expect.poll(async () => (await decisionsOf('AL', stageId)).size).toBe(RECORDS);
    await expect.poll(async () => [...(await decisionsOf('BO', stageId))].sort()).toEqual([...benSeen].sort());
    expect([...(await decisionsOf('AL', stageId))].sort()).toEqual([...adaSeen].sort());

    // the lead unblinds; the conflicts list each reviewer's decision
    await ada.reload();
    await ada.getByRole('button', { name: 'Unblind this stage' }).focus();
    await ada.keyboard.press('Enter');
    await ada.getByRole('status').filter({ hasText: 'Stage unblinded.' }).waitFor();
    const ids = [...adaSeen.keys()];
    const conflicting = ids.filter((id) => {
      const a = adaSeen.get(id)?.[0];
      const b = benSeen.get(id)?.[0];
      return a !== b || a === 'maybe';
    });
    const conflicts = ada.getByRole('heading', { name: /^Conflicts \(/ });
    await expect.poll(() => conflicts.textContent()).toBe(`Conflicts (${conflicting.length})`);

    // resolve the first by keyboard; typing the note (full of i, e and m) decides nothing
    const form = ada.getByRole('form').first();
    const before = [...(await decisionsOf('AL', stageId))].sort();
    await form.getByLabel('Include').focus();
    await ada.keyboard.press('ArrowRight');
    await expect.poll(() => form.getByLabel('Exclude').isChecked()).toBe(true);
    await ada.keyboard.press('Tab');
    await ada.keyboard.press('ArrowDown');
    await expect.poll(() => form.getByLabel('Reason').inputValue()).toBe(REASONS[0]);
    await ada.keyboard.press('Tab');
    await ada.keyboard.type('Excluded: the sample is mixed, not children in care');
    await ada.keyboard.press('Enter');
    await expect.poll(() => conflicts.textContent()).toBe(`Conflicts (${conflicting.length - 1})`);
    expect([...(await decisionsOf('AL', stageId))].sort()).toEqual(before);
    const progress = await server.request('GET', `/api/reviews/${review.id}/screening/stages/${stageId}/progress`, undefined, asReviewer('AL'));
    expect(progress.body.final.conflict).toBe(conflicting.length - 1);

    // kappa as on screen, against a hand computation from the decisions made
    const a = ids.map((id) => adaSeen.get(id)?.[0] ?? 'include');
    const b = ids.map((id) => benSeen.get(id)?.[0] ?? 'include');
    const hand = handKappa(a, b);
    expect(hand.kappa).toBeGreaterThan(0);
    const row = ada.locator(`tr[data-pair="${team.AL}-${team.BO}"], tr[data-pair="${team.BO}-${team.AL}"]`);
    await expect.poll(() => row.locator('.screen-kappa').textContent()).toBe(hand.kappa.toFixed(2));
    expect(await row.locator('td').nth(1).textContent()).toBe(`${(hand.po * 100).toFixed(1)}%`);
    expect(await axeViolations(ada)).toEqual([]);

    // a decision the server refuses is shown as an error and taken back on screen
    await ben.getByLabel('Show').selectOption('all');
    await expect.poll(() => position(ben)).toBe(`Record 1 of ${RECORDS}`);
    const first = await shownItem(ben);
    const [firstDecision] = benSeen.get(first) ?? ['include'];
    const refused = firstDecision === 'include' ? 'e' : 'i';
    await ben.route('**/decisions/*', (route) => route.fulfill({
      status: 422, contentType: 'application/problem+json',
      body: JSON.stringify({ type: 'about:blank', title: 'Unprocessable', status: 422, detail: 'refused for the test', errors: [] }),
    }));
    await ben.getByRole('region', { name: 'Record to screen' }).focus();
    await ben.keyboard.press(refused);
    await ben.getByRole('alert').filter({ hasText: 'refused for the test' }).waitFor();
    await ben.keyboard.press('k');
    await expect.poll(() => shownItem(ben)).toBe(first);
    await expect.poll(() => ben.getByTestId('my-decision').textContent()).toMatch(new RegExp(`^Your decision: ${firstDecision}`, 'i'));
    await ben.unroute('**/decisions/*');
    expect((await decisionsOf('BO', stageId)).get(first)?.[0]).toBe(firstDecision);

    // the Overview's PRISMA figure and its SVG download
    await ada.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Overview' }).click();
    await ada.getByRole('img', { name: /^PRISMA 2020 flow diagram/ }).waitFor();
    await expect.poll(() => ada.locator('tr[data-box="records_screened"] td').first().textContent()).toBe(String(RECORDS));
    const link = ada.getByRole('link', { name: 'Download SVG' });
    const [download] = await Promise.all([ada.waitForEvent('download'), link.focus().then(() => ada.keyboard.press('Enter'))]);
    expect(download.suggestedFilename()).toBe(`prisma-${review.slug}.svg`);
    const svg = fs.readFileSync(await download.path(), 'utf8');
    expect(svg).toContain('<svg');
    expect(svg).toContain('Records screened');
    expect(await axeViolations(ada)).toEqual([]);
    // the one refusal the test itself staged is the only error the browser may report
    expect(consoleErrors.filter((e) => !/status of 422 .*\/decisions\//.test(e))).toEqual([]);
    expect(consoleErrors.length).toBeLessThanOrEqual(1);
  });
});
