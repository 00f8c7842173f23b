// Quick find in a real browser: Ctrl/Cmd+K from any screen, fuzzy search, arrows and Enter jump to the item.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { hasChromium, launchBrowser, requireBuiltClient, watchConsoleErrors, PAGE_TIMEOUT } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

interface Named { id: number; name: string; role: string }

describe.runIf(hasChromium)('quick find', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];
  let frameworks: Named[];
  const activeId = () => page.evaluate(() => document.activeElement?.id ?? '');

  beforeAll(async () => {
    requireBuiltClient();
    server = await startTestServer();
    frameworks = (await server.request('GET', '/api/reviews/1/frameworks')).body;
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.setDefaultTimeout(PAGE_TIMEOUT);
    watchConsoleErrors(page, consoleErrors);
    await page.goto(server.url);
    await page.getByRole('heading', { name: /Source models/ }).waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('finds "Double Diamond" with Ctrl+K and jumps to the model with Enter', async () => {
    await page.keyboard.press('Control+k');
    const dialog = page.getByRole('dialog', { name: 'Quick find' });
    await dialog.waitFor();
    expect(await activeId()).toBe('');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('combobox');
    await page.keyboard.type('Double Diamond');
    const options = dialog.getByRole('option');
    await expect.poll(() => options.first().textContent()).toBe('Model‘Double Diamond’Design Council, 2019');
    expect(await options.first().getAttribute('aria-selected')).toBe('true');
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    const dd = frameworks.find((f) => f.name.includes('Double Diamond')) as Named;
    expect(page.url()).toMatch(new RegExp(`#/r/stages-of-innovation/models/${dd.id}$`));
    await expect.poll(activeId).toBe(`model-${dd.id}`);
  });

  it('tolerates typos, moves with the arrow keys and opens a phase on the alignment board', async () => {
    await page.keyboard.press('Control+k');
    await page.keyboard.type('sustainmnt');
    const options = page.getByRole('dialog', { name: 'Quick find' }).getByRole('option');
    await expect.poll(() => options.first().textContent()).toBe('PhasesustainmentEPIS framework');
    // the second result is selected with ArrowDown, then ArrowUp comes back to the first
    await page.keyboard.press('ArrowDown');
    expect(await options.nth(1).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('ArrowUp');
    expect(await options.first().getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Enter');
    const epis = frameworks.find((f) => f.name === 'EPIS framework') as Named;
    const phases = (await server.request('GET', `/api/reviews/1/frameworks/${epis.id}/phases`)).body as { id: number; label: string }[];
    const sustainment = phases.find((p) => p.label === 'sustainment');
    await expect.poll(activeId).toBe(`align-phase-${sustainment?.id}`);
    expect(page.url()).toContain(`#/r/stages-of-innovation/align/${epis.id}/`);
  });

  it('finds a stage by its focus keywords and shows its column in the stage layout', async () => {
    await page.keyboard.press('Meta+k');
    await page.keyboard.type('embedding');
    const options = page.getByRole('dialog', { name: 'Quick find' }).getByRole('option');
    await expect.poll(() => options.first().textContent()).toBe('StageIntegratingStages of innovation wheel');
    await page.keyboard.press('Enter');
    await expect.poll(activeId).toMatch(/^sl-stage-\d+$/);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Integrating');
  });

  it('closes with Escape and gives focus back', async () => {
    const before = await activeId();
    await page.keyboard.press('Control+k');
    await page.getByRole('dialog', { name: 'Quick find' }).waitFor();
    await page.keyboard.type('some text');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: 'Quick find' }).waitFor({ state: 'detached' });
    expect(await activeId()).toBe(before);
    expect(consoleErrors).toEqual([]);
  });
});
