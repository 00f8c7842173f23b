// The export dialog in a real browser: keyboard only, preview from the shared renderer, an XLSX download read back.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../server/paths.ts';
import { axeViolations } from '../support/axe.ts';
import { hasChromium, launchBrowser, requireBuiltClient, watchConsoleErrors } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

describe.runIf(hasChromium)('export dialog', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    requireBuiltClient();
    server = await startTestServer();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    watchConsoleErrors(page, consoleErrors);
    await page.goto(`${server.url}/#/overview`);
    await page.getByRole('button', { name: 'Export Table 1…' }).waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens from the keyboard and previews the CSV exactly as the file has it', async () => {
    await page.getByRole('button', { name: 'Export Table 1…' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Export: Table 1' });
    await dialog.waitFor();
    // focus starts on the first option, inside the dialog
    expect(await page.evaluate(() => document.activeElement?.closest('dialog') !== null)).toBe(true);
    const preview = dialog.getByLabel('File preview');
    await preview.waitFor();
    const expected = fs.readFileSync(path.join(ROOT, 'fixtures/expected/table1.csv'), 'utf8');
    // the <pre> shows the file's text; CRLF line ends read back as LF from the DOM
    expect(await preview.textContent()).toBe(expected);
  });

  it('has no axe violations with the dialog open', async () => {
    expect(await axeViolations(page)).toEqual([]);
  });

  it('downloads an XLSX whose cells are Table 1', async () => {
    const dialog = page.getByRole('dialog', { name: 'Export: Table 1' });
    await dialog.getByLabel('Format').selectOption('xlsx');
    await dialog.getByRole('region', { name: 'Table preview' }).waitFor();
    // the binary format's preview is the table as sanitised HTML; still no violations
    expect(await axeViolations(page)).toEqual([]);
    const link = dialog.getByRole('link', { name: /Download .*\.xlsx/ });
    await link.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), link.focus().then(() => page.keyboard.press('Enter'))]);
    expect(download.suggestedFilename()).toBe('stages-of-innovation-crosswalk-bands.xlsx');
    const file = await download.path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0];
    if (!ws) throw new Error('no worksheet');
    expect(ws.getRow(1).values).toEqual([undefined, 'Model', 'Early phases', 'Middle phases', 'Latter phases']);
    expect(ws.getCell('A2').value).toBe('The six stages of social innovation (Murray et al., 2010)');
    expect(ws.getCell('C6').value).toBe('Develop; deliver');
    expect(ws.rowCount).toBe(11);
  });

  it('closes with Escape and gives focus back to the button', async () => {
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Export Table 1…');
    expect(consoleErrors).toEqual([]);
  });

  it('previews Table 2 as LaTeX with escaped text and the Unicode quote kept', async () => {
    await page.getByRole('button', { name: 'Export Table 2…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export: Table 2' });
    await dialog.getByLabel('Format').selectOption('tex');
    await expect.poll(async () => (await dialog.getByLabel('File preview').textContent()) ?? '').toContain('\\toprule');
    const text = (await dialog.getByLabel('File preview').textContent()) ?? '';
    expect(text).toContain('Possibility: What’s needed/wanted and by whom?');
    expect(text).toContain('\\caption{Aims, tasks and questions at each stage of innovation}');
    await dialog.getByRole('button', { name: 'Close' }).click();
  });
});

describe.runIf(hasChromium)('figure export', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('previews the wheel as SVG and saves a PNG drawn in the browser', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    await page.goto(`${server.url}/#/overview`);
    await page.getByRole('button', { name: 'Export the wheel figure…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export: the stages wheel' });
    const img = dialog.getByRole('img', { name: 'Preview of the stages wheel' });
    await img.waitFor();
    expect(await img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(560);
    await dialog.getByLabel('Format').selectOption('png');
    const button = dialog.getByRole('button', { name: /Download .*\.png/ });
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toBe('stages-of-innovation-wheel.png');
    const png = fs.readFileSync(await download.path());
    // PNG signature, then the IHDR chunk: width and height at twice the SVG's 560 px
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.readUInt32BE(16)).toBe(1120);
    expect(png.readUInt32BE(20)).toBe(1120);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
