// Sign-in when the server is not on loopback (forced here with auth: 'required'): 401 without a session, sign in and
// out with an HttpOnly SameSite=Strict cookie, wrong passwords, the lockout, the reviewer headers ignored in favour
// of the session, and a member of one review kept out of another.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { createAccountRepo } from '../../server/db/account-repo.ts';
import { hashPassword } from '../../server/http/password.ts';
import { openWorkbench, type Workbench } from '../../server/workbench.ts';
import { startTestServer, tempDbPath, testClock, type TestResponse } from '../support/server.ts';

interface Res extends TestResponse {
  cookie: string | undefined;
}

describe('sign-in (auth required)', () => {
  let wb: Workbench;
  let server: Server;
  let url: string;
  const ids: Record<string, number> = {};

  async function call(method: string, pathname: string, body?: unknown, headers: Record<string, string> = {}): Promise<Res> {
    const init: RequestInit = { method, headers: { ...(method === 'GET' ? {} : { 'x-workbench-request': '1' }), ...headers } };
    if (body !== undefined) {
      init.body = JSON.stringify(body);
      (init.headers as Record<string, string>)['content-type'] = 'application/json';
    }
    const res = await fetch(`${url}${pathname}`, init);
    const text = await res.text();
    const setCookie = res.headers.get('set-cookie') ?? undefined;
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined, text, cookie: setCookie };
  }
  const signIn = async (name: string, password: string): Promise<string> => {
    const res = await call('POST', '/api/session', { name, password });
    expect(res.status).toBe(200);
    return (res.cookie ?? '').split(';')[0] ?? '';
  };

  beforeAll(async () => {
    wb = openWorkbench(tempDbPath('wb-auth-'), { now: testClock });
    const accounts = createAccountRepo(wb.db);
    wb.db.transaction(() => {
      for (const name of ['Alice', 'Bob', 'Locky']) {
        ids[name] = accounts.ensureReviewer(name, testClock());
        accounts.setPassword(ids[name]!, hashPassword(`${name}-password-1`), testClock());
      }
      wb.repos.team.add(wb.seedReviewId!, 'Alice', null, 'test');
    })();
    const app = createApp({ repos: wb.repos, auth: 'required' });
    server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    wb.close();
  });

  it('answers 401 problem+json on /api without a session, except health and the session itself', async () => {
    for (const [method, path] of [['GET', '/api/reviews'], ['GET', `/api/reviews/${wb.seedReviewId}`], ['GET', '/api/openapi.json'], ['POST', '/api/reviews']] as const) {
      const res = await call(method, path, method === 'POST' ? { title: 'Anonymous' } : undefined, { 'x-workbench-user': 'Alice' });
      expect(res.status, `${method} ${path}`).toBe(401);
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    }
    expect((await call('GET', '/api/health')).status).toBe(200);
    const session = await call('GET', '/api/session');
    expect(session.body).toEqual({ authRequired: true, user: null });
    expect(wb.repos.listReviews().map((r) => r.title)).not.toContain('Anonymous');
  });

  it('signs in with an HttpOnly SameSite=Strict cookie, not Secure on plain http, and says who you are', async () => {
    const res = await call('POST', '/api/session', { name: 'Alice', password: 'Alice-password-1' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ authRequired: true, user: { id: ids.Alice, name: 'Alice' } });
    expect(res.cookie).toMatch(/^workbench_session=[A-Za-z0-9_-]{43};/);
    expect(res.cookie).toMatch(/HttpOnly/);
    expect(res.cookie).toMatch(/SameSite=Strict/);
    expect(res.cookie).not.toMatch(/Secure/);
    const cookie = (res.cookie ?? '').split(';')[0] ?? '';
    expect((await call('GET', '/api/session', undefined, { cookie })).body.user).toEqual({ id: ids.Alice, name: 'Alice' });
    expect((await call('GET', `/api/reviews/${wb.seedReviewId}`, undefined, { cookie })).status).toBe(200);
    // the token is stored hashed: the cookie's value is nowhere in the database
    const token = cookie.split('=')[1] ?? '';
    const stored = wb.db.prepare('SELECT token_hash FROM session').all() as { token_hash: string }[];
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.some((r) => r.token_hash.includes(token))).toBe(false);
    expect((await call('GET', '/api/reviews', undefined, { cookie: 'workbench_session=forged' })).status).toBe(401);
  });

  it('refuses a wrong password or an unknown name with 401 and a pointer, and sets no cookie', async () => {
    const wrong = await call('POST', '/api/session', { name: 'Bob', password: 'not-it' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.errors).toEqual([{ pointer: '/body/password', message: 'does not match the name' }]);
    expect(wrong.cookie).toBeUndefined();
    expect((await call('POST', '/api/session', { name: 'Nobody', password: 'whatever' })).status).toBe(401);
    expect((await call('POST', '/api/session', { name: 'Bob' })).status).toBe(400);
    // a success clears the count
    await signIn('Bob', 'Bob-password-1');
  });

  it('locks a name out for 15 minutes after 5 failed attempts (429 with Retry-After), even with the right password', async () => {
    for (let i = 0; i < 5; i++) expect((await call('POST', '/api/session', { name: 'Locky', password: `bad-${i}` })).status).toBe(401);
    const locked = await call('POST', '/api/session', { name: 'Locky', password: 'Locky-password-1' });
    expect(locked.status).toBe(429);
    expect(locked.headers.get('content-type')).toMatch(/application\/problem\+json/);
    const retry = Number(locked.headers.get('retry-after'));
    expect(retry).toBeGreaterThan(14 * 60);
    expect(retry).toBeLessThanOrEqual(15 * 60);
    expect(locked.cookie).toBeUndefined();
    // another name is not affected
    await signIn('Alice', 'Alice-password-1');
    // parallel guesses cannot slip past the lock while the passwords are being checked
    const burst = await Promise.all(Array.from({ length: 10 }, (_, i) => call('POST', '/api/session', { name: 'Burst', password: `guess-${i}` })));
    expect(burst.map((r) => r.status).sort()).toEqual([401, 401, 401, 401, 401, 429, 429, 429, 429, 429]);
  });

  it('ignores X-Workbench-User and X-Workbench-Reviewer: the session is the actor and the screening reviewer', async () => {
    const bob = await signIn('Bob', 'Bob-password-1');
    const created = await call('POST', '/api/reviews', { title: 'Bob review' }, { cookie: bob, 'x-workbench-user': 'Mallory' });
    expect(created.status).toBe(201);
    const reviewB = created.body.id as number;
    const team = await call('GET', `/api/reviews/${reviewB}/reviewers`, undefined, { cookie: bob });
    expect(team.body).toEqual([expect.objectContaining({ id: ids.Bob, name: 'Bob', role: 'lead' })]);
    // only a lead may create a stage; the header names nobody, the session names Bob, the lead
    const stage = await call('POST', `/api/reviews/${reviewB}/screening/stages`, { kind: 'title' }, { cookie: bob, 'x-workbench-reviewer': '999' });
    expect(stage.status).toBe(201);
    const audit = await call('GET', `/api/reviews/${reviewB}/audit?limit=1000`, undefined, { cookie: bob, 'x-workbench-user': 'Mallory' });
    const actors = new Set((audit.body as { actor: string }[]).map((e) => e.actor));
    expect(actors).toEqual(new Set(['Bob']));
  });

  it('keeps a member of review A out of review B (403) and lists only their own reviews', async () => {
    const alice = await signIn('Alice', 'Alice-password-1');
    const bob = await signIn('Bob', 'Bob-password-1');
    const reviewB = wb.repos.listReviews().find((r) => r.title === 'Bob review')!.id;
    const seed = wb.seedReviewId!;
    const forbidden = await call('GET', `/api/reviews/${reviewB}`, undefined, { cookie: alice });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.errors[0].pointer).toBe('/params/reviewId');
    expect((await call('GET', `/api/reviews/${reviewB}/crosswalk`, undefined, { cookie: alice })).status).toBe(403);
    expect((await call('GET', `/api/reviews/${seed}/crosswalk`, undefined, { cookie: bob })).status).toBe(403);
    expect((await call('PATCH', `/api/reviews/${seed}`, { title: 'Taken', version: 1 }, { cookie: bob })).status).toBe(403);
    expect((await call('POST', '/api/reviews', { title: 'Copy of seed', start: { kind: 'copy', fromReviewId: seed, alignments: true, literature: true } }, { cookie: bob })).status).toBe(403);
    expect((await call('GET', '/api/reviews', undefined, { cookie: alice })).body.map((r: { id: number }) => r.id)).toEqual([seed]);
    expect((await call('GET', '/api/reviews', undefined, { cookie: bob })).body.map((r: { id: number }) => r.id)).toEqual([reviewB]);
    expect(wb.repos.reviews.require(seed).title).not.toBe('Taken');
  });

  it('signs out: the cookie is cleared and the session no longer works', async () => {
    const alice = await signIn('Alice', 'Alice-password-1');
    const out = await call('DELETE', '/api/session', undefined, { cookie: alice });
    expect(out.status).toBe(204);
    expect(out.cookie).toMatch(/^workbench_session=;/);
    expect((await call('GET', '/api/reviews', undefined, { cookie: alice })).status).toBe(401);
    expect((await call('GET', '/api/session', undefined, { cookie: alice })).body.user).toBeNull();
  });
});

describe('sign-in on loopback', () => {
  it('stays off: no session needed, and the session route says so', async () => {
    const s = await startTestServer();
    try {
      expect((await s.request('GET', '/api/session')).body).toEqual({ authRequired: false, user: null });
      expect((await s.request('GET', '/api/reviews')).status).toBe(200);
      expect((await s.request('POST', '/api/session', { name: 'Alice', password: 'x' })).status).toBe(404);
    } finally {
      await s.close();
    }
  });
});
