// No cross-site writes: an opaque (null) or foreign origin, a text/plain or form body, and an upload without the
// workbench's own request header are all refused, and nothing is changed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

const RIS = 'TY  - JOUR\nTI  - A cross-site record\nAU  - Smith, Anna\nPY  - 2020\nER  - \n';
const counts = (): { bands: number; batches: number } =>
  s.wb.db.prepare('SELECT (SELECT count(*) FROM band) AS bands, (SELECT count(*) FROM import_batch) AS batches').get() as { bands: number; batches: number };

async function raw(method: string, pathname: string, headers: Record<string, string>, body?: string): Promise<{ status: number; type: string; body: { detail?: string } }> {
  const res = await fetch(`${s.url}${pathname}`, { method, headers, body });
  const text = await res.text();
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: text ? (JSON.parse(text) as { detail?: string }) : {} };
}

describe('cross-site writes', () => {
  it('refuses Origin: null on every kind of write, and still answers reads', async () => {
    const before = counts();
    const json = { 'content-type': 'application/json', origin: 'null' };
    const attempts = [
      await raw('POST', '/api/reviews/1/bands', json, JSON.stringify({ label: 'from a sandboxed iframe' })),
      await raw('POST', '/api/reviews/1/literature/duplicates/refresh', { origin: 'null' }),
      await raw('POST', '/api/reviews/1/literature/imports?fileName=a.ris', { origin: 'null', 'content-type': 'application/octet-stream', 'x-workbench-request': '1' }, RIS),
      await raw('DELETE', '/api/reviews/1/bands/1?version=1', { origin: 'null' }),
      await raw('PATCH', '/api/reviews/1', { ...json }, JSON.stringify({ title: 'x', version: 1 })),
    ];
    for (const a of attempts) {
      expect(a.status).toBe(403);
      expect(a.type).toMatch(/application\/problem\+json/);
    }
    expect(counts()).toEqual(before);
    const read = await raw('GET', '/api/reviews/1/bands', { origin: 'null' });
    expect(read.status).toBe(200);
  });

  it('compares scheme, host and port of the Origin, and honours Sec-Fetch-Site', async () => {
    const port = new URL(s.url).port;
    const post = (headers: Record<string, string>) =>
      raw('POST', '/api/reviews/1/bands', { 'content-type': 'application/json', ...headers }, JSON.stringify({ label: 'origin check' }));
    expect((await post({ origin: `https://127.0.0.1:${port}` })).status).toBe(403);
    expect((await post({ origin: `http://127.0.0.1:${Number(port) + 1}` })).status).toBe(403);
    expect((await post({ origin: `http://localhost:${port}` })).status).toBe(403);
    expect((await post({ origin: 'http://evil.example' })).status).toBe(403);
    expect((await post({ 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await post({ 'sec-fetch-site': 'same-site' })).status).toBe(403);
    expect((await post({ origin: s.url, 'sec-fetch-site': 'same-origin' })).status).toBe(201);
  });

  it('refuses text/plain and form bodies on JSON routes with 415, also where the route takes no body', async () => {
    const before = counts();
    const plain = await raw('POST', '/api/reviews/1/bands', { 'content-type': 'text/plain' }, JSON.stringify({ label: 'text/plain' }));
    expect(plain.status).toBe(415);
    expect(plain.type).toMatch(/application\/problem\+json/);
    const form = await raw('POST', '/api/reviews/1/bands', { 'content-type': 'application/x-www-form-urlencoded' }, 'label=form');
    expect(form.status).toBe(415);
    const emptyForm = await raw('POST', '/api/reviews/1/literature/duplicates/refresh', { 'content-type': 'application/x-www-form-urlencoded' }, '');
    expect(emptyForm.status).toBe(415);
    const multipart = await raw('POST', '/api/reviews/1/literature/duplicates/refresh', { 'content-type': 'multipart/form-data; boundary=x' }, '--x--');
    expect(multipart.status).toBe(415);
    expect(counts()).toEqual(before);
    // the same requests as the client sends them pass
    expect((await s.request('POST', '/api/reviews/1/bands', { label: 'json' })).status).toBe(201);
    expect((await raw('POST', '/api/reviews/1/literature/duplicates/refresh', {})).status).toBe(200);
  });

  it('takes uploads only as application/octet-stream with X-Workbench-Request: 1', async () => {
    const before = counts();
    const url = '/api/reviews/1/literature/imports?fileName=a.ris';
    const noHeader = await raw('POST', url, { 'content-type': 'application/octet-stream' }, RIS);
    expect(noHeader.status).toBe(403);
    expect(noHeader.body.detail).toMatch(/x-workbench-request/i);
    expect((await raw('POST', url, { 'content-type': 'application/octet-stream', 'x-workbench-request': 'yes' }, RIS)).status).toBe(403);
    expect((await raw('POST', url, { 'content-type': 'text/plain', 'x-workbench-request': '1' }, RIS)).status).toBe(415);
    expect((await raw('POST', url, { 'x-workbench-request': '1' }, RIS)).status).toBe(415);
    expect((await raw('POST', url, { 'content-type': 'application/x-www-form-urlencoded' }, RIS)).status).toBe(415);
    const bundle = await raw('POST', '/api/reviews/bundle?slug=cross-site', { 'content-type': 'application/json' }, '{}');
    expect(bundle.status).toBe(403);
    expect(counts()).toEqual(before);

    const ok = await raw('POST', url, { 'content-type': 'application/octet-stream', 'x-workbench-request': '1' }, RIS);
    expect(ok.status).toBe(202);
  });
});
