// Undoing an import leaves no trace over real HTTP: every merge that took in one of its records is taken back and
// shown void in the merge log (the kept record loses what the undone records gave it), other merges stay, and a
// later import never gets the undone ids. Also: why a candidate is not certain, as the duplicates list says it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';

const L = '/api/reviews/1/literature';

const ris = (records: Record<string, string | string[]>[]): string => records.map((r) => [
  'TY  - JOUR',
  ...Object.entries(r).flatMap(([tag, v]) => (Array.isArray(v) ? v : [v]).map((x) => `${tag}  - ${x}`)),
  'ER  - ',
].join('\n')).join('\n\n');

const FGC = 'Implementation of family group conferencing in children\'s social care';
const DIFFUSION = 'Diffusion of innovations in service organizations: systematic review';
const A = ris([
  { TI: FGC, AU: 'Müller, Anna', PY: '2019', T2: 'Child Abuse & Neglect' },
  { TI: DIFFUSION, AU: 'Greenhalgh, Trisha', PY: '2004', T2: 'Milbank Quarterly' },
]);
// the first record again, from a database that has its DOI and abstract, and one record of its own
const B = ris([
  { TI: FGC.toUpperCase(), AU: 'Muller, A.', PY: '2019', T2: 'Child Abuse Negl', DO: '10.1016/j.chiabu.2019.01.001', AB: 'Zanzibarian local authorities adopted conferencing.' },
  { TI: 'Sustainability of innovation in children\'s services', AU: 'Brown, Peter', PY: '2020' },
]);
// the second record again, with its volume and pages
const C = ris([{ TI: DIFFUSION, AU: 'Greenhalgh, T.', PY: '2004', T2: 'Milbank Q', VL: '82', SP: '581', EP: '629' }]);

async function importText(s: TestServer, text: string, fileName: string): Promise<{ batchId: number }> {
  const res = await fetch(`${s.url}${L}/imports?fileName=${encodeURIComponent(fileName)}`, {
    method: 'POST', headers: { 'content-type': 'application/octet-stream', 'x-workbench-request': '1' }, body: text,
  });
  expect(res.status).toBe(202);
  const started = (await res.json()) as { batchId: number };
  for (const deadline = Date.now() + 120_000; Date.now() < deadline;) {
    const p = await s.request('GET', `${L}/imports/${started.batchId}`);
    if (p.body.state !== 'running') {
      expect(p.body.state).toBe('complete');
      return started;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`import of ${fileName} did not finish`);
}

interface Item { id: number; title: string; batchId: number }
interface Group { group: number; rule: string; score: number; certain: boolean; reasons: string[]; members: { item: number; batchId: number }[] }
interface Merge { id: number; kept: number; merged: number[]; undoneAt: string | null; voidedAt: string | null; voidReason: string | null }

const items = async (s: TestServer, q = ''): Promise<Item[]> => (await s.request('GET', `${L}/items?limit=500${q}`)).body.items;
const groups = async (s: TestServer): Promise<Group[]> => (await s.request('GET', `${L}/duplicates`)).body;
const merges = async (s: TestServer): Promise<Merge[]> => (await s.request('GET', `${L}/merges`)).body;
const allIds = (s: TestServer): { items: number; batches: number } =>
  s.wb.db.prepare('SELECT (SELECT max(id) FROM lit_item) AS items, (SELECT max(id) FROM import_batch) AS batches').get() as { items: number; batches: number };

// the worker thread (a large library) and this thread (a small one) run the undo with the same code
describe.each([['on the library worker', '0'], ['in the request', undefined]])('undoing an import %s', (_where, large) => {
  let s: TestServer;
  /** the highest ids the imports of the first test were given, before any undo */
  let seen = { items: 0, batches: 0 };
  beforeAll(async () => {
    if (large === undefined) delete process.env.WORKBENCH_LARGE_LIBRARY;
    else process.env.WORKBENCH_LARGE_LIBRARY = large;
    s = await startTestServer();
  });
  afterAll(async () => {
    delete process.env.WORKBENCH_LARGE_LIBRARY;
    await s.close();
  });

  it('voids the merges that took in its records, restores what they changed, and keeps the others', async () => {
    const a = await importText(s, A, 'a.ris');
    const b = await importText(s, B, 'b.ris');
    await importText(s, C, 'c.ris');
    seen = allIds(s);
    const found = await groups(s);
    expect(found).toHaveLength(2);
    const byTitle = async (t: string) => (await items(s)).filter((i) => i.title.toLowerCase() === t.toLowerCase()).map((i) => i.id);
    const [fgcA, fgcB] = await byTitle(FGC);
    const [diffA, diffC] = await byTitle(DIFFUSION);
    const fgcBefore = (await s.request('GET', `${L}/items/${fgcA}`)).body;
    expect(fgcBefore.csl.DOI).toBeUndefined();

    const m1 = await s.request('POST', `${L}/merges`, { items: [fgcA, fgcB], rule: 'title-year-author', score: 0.99 });
    expect(m1.status).toBe(201);
    const m2 = await s.request('POST', `${L}/merges`, { items: [diffA, diffC], rule: 'title-year-author', score: 0.99 });
    expect(m2.status).toBe(201);
    const merged = (await s.request('GET', `${L}/items/${fgcA}`)).body;
    expect(merged.csl.DOI).toBe('10.1016/j.chiabu.2019.01.001');
    expect(merged.sources).toHaveLength(2);
    expect(await items(s, '&q=zanzibarian')).toHaveLength(1);

    const undoB = await s.request('DELETE', `${L}/batches/${b.batchId}`);
    expect(undoB.status).toBe(204);
    const log = await merges(s);
    const v1 = log.find((m) => m.id === m1.body.mergeId);
    expect(v1?.voidedAt).toEqual(expect.any(String));
    expect(v1?.voidReason).toBe(`import b.ris (batch ${b.batchId}) was undone`);
    expect(log.find((m) => m.id === m2.body.mergeId)).toMatchObject({ voidedAt: null, voidReason: null, undoneAt: null });
    // the kept record is as it was before the merge: nothing of the undone import is left in it
    const after = (await s.request('GET', `${L}/items/${fgcA}`)).body;
    expect(after.csl).toEqual(fgcBefore.csl);
    expect(after.sources.map((src: { fileName: string }) => src.fileName)).toEqual(['a.ris']);
    expect(after.members).toEqual([]);
    expect(await items(s, '&q=zanzibarian')).toEqual([]);
    expect(await items(s, '&q=sustainability')).toEqual([]);
    // a void merge is history: there is nothing to undo
    const undoVoid = await s.request('DELETE', `${L}/merges/${m1.body.mergeId}`);
    expect(undoVoid.status).toBe(409);
    expect(undoVoid.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(undoVoid.body.detail).toMatch(/void/);

    // undoing the import of the kept record: its merge is void and the record of the other import stands alone
    expect((await s.request('DELETE', `${L}/batches/${a.batchId}`)).status).toBe(204);
    expect((await merges(s)).find((m) => m.id === m2.body.mergeId)?.voidReason).toBe(`import a.ris (batch ${a.batchId}) was undone`);
    const left = await items(s);
    expect(left.map((i) => i.id)).toEqual([diffC]);
    expect((await items(s, '&q=diffusion')).map((i) => i.id)).toEqual([diffC]);
    const alone = (await s.request('GET', `${L}/items/${diffC}`)).body;
    expect(alone).toMatchObject({ mergedInto: null, members: [] });
    expect(await groups(s)).toEqual([]);
    expect(s.wb.db.pragma('foreign_key_check')).toEqual([]);
  });

  it('never gives a later import the ids of an undone one', async () => {
    const again = await importText(s, B, 'b-again.ris');
    expect(again.batchId).toBeGreaterThan(seen.batches);
    const fresh = (await items(s)).filter((i) => i.batchId === again.batchId);
    expect(fresh).toHaveLength(2);
    for (const i of fresh) expect(i.id).toBeGreaterThan(seen.items);
    // the telling case: undoing the import that holds the highest ids, then importing again
    expect((await s.request('DELETE', `${L}/batches/${again.batchId}`)).status).toBe(204);
    const third = await importText(s, B, 'b-third.ris');
    expect(third.batchId).toBe(again.batchId + 1);
    expect(Math.min(...(await items(s)).filter((i) => i.batchId === third.batchId).map((i) => i.id))).toBeGreaterThan(Math.max(...fresh.map((i) => i.id)));
  });
});

describe('why a candidate is not certain', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(() => s.close());

  it('two letters with one title and author in different volumes are listed with the reason and a lower score', async () => {
    const letter = { TI: 'Family group conferencing and the voice of the child', AU: 'Smith, Jane', PY: '2019', T2: 'Child Abuse Negl' };
    await importText(s, ris([{ ...letter, VL: '12', SP: '101' }]), 'letters-1.ris');
    await importText(s, ris([{ ...letter, VL: '13', SP: 'e101' }]), 'letters-2.ris');
    const [g, ...rest] = await groups(s);
    expect(rest).toEqual([]);
    expect(g).toMatchObject({ rule: 'title-year-author', certain: false, reasons: ['volumes differ: 12 vs 13'] });
    expect(g?.score).toBeLessThanOrEqual(0.9);
  });
});
