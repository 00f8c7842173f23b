// Signing in, in a real browser, to a server that requires it: the form instead of the app, a wrong password said
// plainly, keyboard only, axe-clean, then the seed review and a Sign out button that brings the form back.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { createAccountRepo } from '../../server/db/account-repo.ts';
import { hashPassword } from '../../server/http/password.ts';
import { openWorkbench, type Workbench } from '../../server/workbench.ts';
import { axeViolations } from '../support/axe.ts';
import { hasChromium, launchBrowser, requireBuiltClient, watchConsoleErrors } from '../support/browser.ts';
import { tempDbPath } from '../support/server.ts';

describe.runIf(hasChromium)('sign-in', () => {
  let wb: Workbench;
  let server: Server;
  let browser: Browser;
  let page: Page;
  let url: string;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    requireBuiltClient();
    wb = openWorkbench(tempDbPath('wb-signin-'));
    const accounts = createAccountRepo(wb.db);
    wb.db.transaction(() => {
      const id = accounts.ensureReviewer('Alice', new Date().toISOString());
      accounts.setPassword(id, hashPassword('alice-secret-1'), new Date().toISOString());
      wb.repos.team.add(wb.seedReviewId!, 'Alice', null, 'test');
    })();
    server = await new Promise((resolve) => {
      const s = createApp({ repos: wb.repos, auth: 'required' }).listen(0, '127.0.0.1', () => resolve(s));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    watchConsoleErrors(page, consoleErrors);
  });
  afterAll(async () => {
    await browser?.close();
    server?.closeAllConnections();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
    wb?.close();
  });

  it('shows an axe-clean sign-in form instead of the app, with the name field focused', async () => {
    await page.goto(url);
    await page.getByRole('heading', { name: 'Sign in to Synthesis Workbench' }).waitFor();
    await expect(page.getByRole('table', { name: /Modellings of the stages of innovation/ }).count()).resolves.toBe(0);
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('sign-in-name');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('says plainly when the password is wrong, by keyboard alone, and stays axe-clean', async () => {
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert').textContent()).resolves.toBe('Enter your name.');
    await page.keyboard.type('Alice');
    await page.keyboard.press('Tab');
    await page.keyboard.type('wrong-password');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'That name and password do not match' }).waitFor();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('sign-in-password');
    await expect(page.getByLabel('Password').inputValue()).resolves.toBe('');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('signs in with the right password, shows the review, and signs out again', async () => {
    await page.keyboard.type('alice-secret-1');
    await page.keyboard.press('Enter');
    await page.getByRole('table', { name: /Modellings of the stages of innovation/ }).waitFor();
    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name === 'workbench_session')).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    // a reload keeps the session
    await page.reload();
    await page.getByRole('table', { name: /Modellings of the stages of innovation/ }).waitFor();
    // screening takes who you are from the session: no picker to claim to be someone else
    await page.goto(`${url}#/r/stages-of-innovation/screening`);
    await page.getByText('You are Alice (signed in)').waitFor();
    expect(await page.getByLabel('You are').count()).toBe(0);
    await page.getByRole('button', { name: 'Sign out (Alice)' }).click();
    await page.getByRole('heading', { name: 'Sign in to Synthesis Workbench' }).waitFor();
    await expect(page.getByRole('table', { name: /Modellings of the stages of innovation/ }).count()).resolves.toBe(0);
    const status = await page.evaluate(async () => (await fetch('/api/reviews')).status);
    expect(status).toBe(401);
    // the only console errors are the refused sign-in and the refused fetch just made
    expect(consoleErrors.filter((e) => !/401/.test(e))).toEqual([]);
  });
});
