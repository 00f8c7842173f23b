// Bad input gets a clear 4xx problem naming what and where; the server keeps serving; the database is unchanged.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';

let s: TestServer;
let reviewId: number;
let dumpBefore: string;

const dump = (): string =>
  JSON.stringify(
    ['review', 'band', 'framework', 'phase', 'stage', 'alignment', 'audit_event'].map((t) =>
      s.wb.db.prepare(`SELECT * FROM ${t} ORDER BY id`).all(),
    ),
  );

beforeAll(async () => {
  s = await startTestServer({ bodyLimit: '10kb' });
  reviewId = (await s.request('GET', '/api/reviews')).body[0].id;
  dumpBefore = dump();
});
afterAll(() => s.close());

const cases: [string, string, string, unknown, number, string?][] = [
  ['malformed JSON', 'POST', '/bands', '{"label": ', 400, '/body'],
  ['an unknown field', 'POST', '/bands', { label: 'x', colour: 'red' }, 400, '/body'],
  ['a wrong type', 'POST', '/bands', { label: 42 }, 400, '/body/label'],
  ['an empty label', 'POST', '/bands', { label: '   ' }, 400, '/body/label'],
  ['an over-long string', 'POST', '/bands', { label: 'x'.repeat(201) }, 400, '/body/label'],
  ['an unknown relation', 'POST', '/alignments', { phaseId: 1, stageId: 1, relation: 'kind-of' }, 400, '/body/relation'],
  ['a confidence above 1', 'POST', '/alignments', { phaseId: 1, stageId: 1, relation: 'equivalent', confidence: 2 }, 400, '/body/confidence'],
  ['an unknown phase id', 'POST', '/alignments', { phaseId: 999999, stageId: 1, relation: 'equivalent' }, 422, '/body/phaseId'],
  ['a non-numeric id', 'GET', '/phases/abc', undefined, 400, '/params/id'],
  ['an update without a version', 'PATCH', '/bands/1', { label: 'x' }, 400, '/body/version'],
  ['a body over the size limit', 'POST', '/bands', { label: 'x', pad: 'y'.repeat(20_000) }, 413],
];

describe('bad input', () => {
  it.each(cases)('%s gets a problem+json %s', async (_name, method, suffix, body, status, pointer) => {
    const res = await s.request(method, `/api/reviews/${reviewId}${suffix}`, body);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status, title: expect.any(String), detail: expect.any(String) });
    if (pointer) expect(res.body.errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
  });

  it('answers 404 for unknown ids and routes', async () => {
    expect((await s.request('GET', '/api/reviews/424242')).status).toBe(404);
    expect((await s.request('PATCH', `/api/reviews/${reviewId}/stages/424242`, { name: 'x', version: 1 })).status).toBe(404);
    const res = await s.request('GET', '/api/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body.detail).toContain('/api/nothing-here');
  });

  it('refuses a body that is not JSON', async () => {
    const res = await s.request('POST', `/api/reviews/${reviewId}/bands`, 'label=x', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(415);
  });

  it('rejects foreign Host and Origin headers (DNS rebinding, cross-site writes)', async () => {
    // fetch may not set Host, so this one goes through node:http
    const hostStatus = await new Promise<number>((resolve, reject) => {
      const req = http.request(`${s.url}/api/reviews`, { headers: { Host: 'evil.example' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(hostStatus).toBe(403);
    const origin = await s.request('POST', `/api/reviews/${reviewId}/bands`, { label: 'x' }, { Origin: 'http://evil.example' });
    expect(origin.status).toBe(403);
    const sameOrigin = await s.request('GET', '/api/health', undefined, { Origin: s.url });
    expect(sameOrigin.status).toBe(200);
  });

  it('left the database exactly as it was and keeps serving', async () => {
    expect(dump()).toBe(dumpBefore);
    expect((await s.request('GET', '/api/health')).status).toBe(200);
  });
});
