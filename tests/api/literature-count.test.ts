// The item list says how many items match in all (on its first page), so the Library shows the real number
// instead of "200+": with no search, with a search, with filters, and never on the pages after the first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';

const N = 450;
const ris = Array.from({ length: N }, (_, i) => `TY  - JOUR\nTI  - ${i % 3 === 0 ? 'Fostering' : 'Kinship'} care record number ${i}\nAU  - Person${i}, Pat\nPY  - ${2000 + (i % 10)}\nER  - \n`).join('\n');

describe('literature item counts', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
    const res = await fetch(`${s.url}/api/reviews/1/literature/imports?fileName=count.ris&format=ris`, {
      method: 'POST', headers: { 'content-type': 'application/octet-stream', 'x-workbench-request': '1' }, body: ris,
    });
    const started = (await res.json()) as { batchId: number };
    expect(res.status).toBe(202);
    for (const deadline = Date.now() + 120_000; Date.now() < deadline;) {
      const p = await s.request('GET', `/api/reviews/1/literature/imports/${started.batchId}`);
      if (p.body.state !== 'running') break;
      await new Promise((r) => setTimeout(r, 50));
    }
  }, 130_000);
  afterAll(async () => {
    await s.close();
  });

  it('counts every item on the first page of a listing, and nothing on the next', async () => {
    const first = await s.request('GET', '/api/reviews/1/literature/items?limit=200');
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(200);
    expect(first.body.total).toBe(N);
    const second = await s.request('GET', `/api/reviews/1/literature/items?limit=200&cursor=${first.body.nextCursor}`);
    expect(second.body.items).toHaveLength(200);
    expect(second.body.total).toBeNull();
  });

  it('counts the matches of a search, with and without filters', async () => {
    const fostering = Math.ceil(N / 3);
    const hit = await s.request('GET', '/api/reviews/1/literature/items?q=fostering&limit=20');
    expect(hit.body.items).toHaveLength(20);
    expect(hit.body.total).toBe(fostering);
    const inYear = Array.from({ length: N }, (_, i) => i).filter((i) => i % 3 === 0 && 2000 + (i % 10) === 2003).length;
    const filtered = await s.request('GET', '/api/reviews/1/literature/items?q=fostering&yearFrom=2003&yearTo=2003&limit=5');
    expect(filtered.body.total).toBe(inYear);
    const byYear = await s.request('GET', '/api/reviews/1/literature/items?yearFrom=2009&limit=5');
    expect(byYear.body.total).toBe(N / 10);
    const none = await s.request('GET', '/api/reviews/1/literature/items?q=zzzzqqq');
    expect(none.body).toMatchObject({ items: [], total: 0 });
  });
});
