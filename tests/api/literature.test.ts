// The literature library over real HTTP on a temp SQLite file: import, progress, report, search, duplicates,
// merge and its undo, not-a-duplicate, batch undo, and bad input.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';

const RIS_A = `TY  - JOUR
TI  - Implementation of family group conferencing in children's social care
AU  - Müller, Anna
AU  - Smith, John
PY  - 2019
T2  - Child Abuse & Neglect
DO  - https://doi.org/10.1016/J.CHIABU.2019.01.001
AB  - We studied how local authorities adopted family group conferencing.
KW  - innovation
ER  - 

TY  - JOUR
TI  - Diffusion of innovations in public services: a systematic review
AU  - Greenhalgh, Trisha
PY  - 2004
T2  - Milbank Quarterly
ER  - 

TY  - CHAP
TI  - Scaling up social work practice models across England
AU  - Okafor, Olu
PY  - 2021
ER  - 
`;

// the first record again, as another database exports it: no DOI, diacritics stripped, initials
const RIS_B = `TY  - JOUR
TI  - IMPLEMENTATION OF FAMILY GROUP CONFERENCING IN CHILDREN'S SOCIAL CARE.
AU  - Muller, A.
AU  - Smith, J.
PY  - 2019
T2  - Child Abuse Negl
ER  - 

TY  - JOUR
TI  - Sustainability of innovation in children's services
AU  - Brown, Peter
PY  - 2020
ER  - 
`;

async function importText(s: TestServer, text: string | Buffer, fileName: string, extra = '') {
  const res = await fetch(`${s.url}/api/reviews/1/literature/imports?fileName=${encodeURIComponent(fileName)}${extra}`, {
    method: 'POST', headers: { 'content-type': 'application/octet-stream', 'x-workbench-request': '1' }, body: typeof text === 'string' ? text : new Uint8Array(text),
  });
  const started = (await res.json()) as { batchId: number; state: string };
  expect(res.status).toBe(202);
  // a generous ceiling: a busy machine may take long, and the loop ends as soon as the import does
  for (const deadline = Date.now() + 120_000; Date.now() < deadline;) {
    const p = await s.request('GET', `/api/reviews/1/literature/imports/${started.batchId}`);
    if (p.body.state !== 'running') return p.body;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not finish');
}

describe('literature library API', () => {
  let s: TestServer;
  beforeAll(async () => {
    // every library of this test counts as large: undo, not-a-duplicate and re-scans run on the worker thread
    // (the e2e test covers the in-thread path for small libraries)
    process.env.WORKBENCH_LARGE_LIBRARY = '0';
    s = await startTestServer();
  });
  afterAll(async () => {
    delete process.env.WORKBENCH_LARGE_LIBRARY;
    await s.close();
  });

  it('imports a RIS file as one batch and reports records, imports and format', async () => {
    const p = await importText(s, RIS_A, 'zotero.ris', '&source=Zotero&search=family%20group');
    expect(p).toMatchObject({ state: 'complete', format: 'ris', records: 3, imported: 3, failedCount: 0, fileName: 'zotero.ris' });
    const batches = await s.request('GET', '/api/reviews/1/literature/batches');
    expect(batches.body).toHaveLength(1);
    expect(batches.body[0]).toMatchObject({ sourceName: 'Zotero', searchString: 'family group', fileName: 'zotero.ris', status: 'complete', records: 3, imported: 3 });
    const list = await s.request('GET', '/api/reviews/1/literature/items');
    expect(list.body.items.map((i: { title: string }) => i.title)).toEqual([
      "Implementation of family group conferencing in children's social care",
      'Diffusion of innovations in public services: a systematic review',
      'Scaling up social work practice models across England',
    ]);
    expect(list.body.items[0]).toMatchObject({ year: 2019, container: 'Child Abuse & Neglect' });
    expect(list.body.items[0]).not.toHaveProperty('abstract');
  });

  it('keeps every raw record verbatim with its file name and record number', async () => {
    const list = await s.request('GET', '/api/reviews/1/literature/items');
    const second = list.body.items[1];
    const detail = await s.request('GET', `/api/reviews/1/literature/items/${second.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.sources).toHaveLength(1);
    expect(detail.body.sources[0]).toMatchObject({ fileName: 'zotero.ris', recordNumber: 2, format: 'ris' });
    expect(detail.body.sources[0].raw).toContain('TI  - Diffusion of innovations in public services: a systematic review');
    expect(detail.body.csl.author[0]).toMatchObject({ family: 'Greenhalgh', given: 'Trisha' });
  });

  it('searches with stemming-free full text, diacritics folded, a typo tolerated, and filters', async () => {
    const hit = await s.request('GET', '/api/reviews/1/literature/items?q=muller');
    expect(hit.body.items).toHaveLength(1);
    expect(hit.body.items[0].firstAuthor).toBe('Müller, Anna');
    const typo = await s.request('GET', '/api/reviews/1/literature/items?q=difusion');
    expect(typo.body.items.map((i: { title: string }) => i.title)).toEqual(['Diffusion of innovations in public services: a systematic review']);
    expect(typo.body.corrected[0]).toMatchObject({ from: 'difusion' });
    const abstract = await s.request('GET', '/api/reviews/1/literature/items?q=abstract:authorities');
    expect(abstract.body.items).toHaveLength(1);
    const years = await s.request('GET', '/api/reviews/1/literature/items?yearFrom=2010&yearTo=2020');
    expect(years.body.items.map((i: { year: number }) => i.year)).toEqual([2019]);
    const chapters = await s.request('GET', '/api/reviews/1/literature/items?type=chapter');
    expect(chapters.body.items.map((i: { firstAuthor: string }) => i.firstAuthor)).toEqual(['Okafor, Olu']);
  });

  it('pages with a keyset cursor, without repeats or gaps', async () => {
    const first = await s.request('GET', '/api/reviews/1/literature/items?limit=2');
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).not.toBeNull();
    const second = await s.request('GET', `/api/reviews/1/literature/items?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
    const ids = [...first.body.items, ...second.body.items].map((i: { id: number }) => i.id);
    expect(new Set(ids).size).toBe(3);
  });

  let dupGroup: { members: { item: number; file: string; record: number }[]; rule: string };
  it('finds the duplicate in a second import and lists it for review', async () => {
    const p = await importText(s, RIS_B, 'pubmed.ris');
    expect(p).toMatchObject({ state: 'complete', imported: 2 });
    const groups = await s.request('GET', '/api/reviews/1/literature/duplicates');
    expect(groups.body).toHaveLength(1);
    dupGroup = groups.body[0];
    expect(dupGroup.members.map((m) => [m.file, m.record])).toEqual([['zotero.ris', 1], ['pubmed.ris', 1]]);
    expect(dupGroup.rule).toBe('title-year-author');
    const candidates = await s.request('GET', '/api/reviews/1/literature/items?dup=candidate');
    expect(candidates.body.items).toHaveLength(2);
  });

  it('merges keeping both sources, logs who and why, and undoes the merge', async () => {
    const ids = dupGroup.members.map((m) => m.item);
    const merge = await s.request('POST', '/api/reviews/1/literature/merges', { items: ids, rule: 'title-year-author', score: 0.99 }, { 'x-workbench-user': 'alice' });
    expect(merge.status).toBe(201);
    expect(merge.body.kept).toBe(ids[0]);
    const detail = await s.request('GET', `/api/reviews/1/literature/items/${ids[0]}`);
    expect(detail.body.sources.map((x: { fileName: string }) => x.fileName)).toEqual(['zotero.ris', 'pubmed.ris']);
    expect(detail.body.members).toEqual([ids[1]]);
    const list = await s.request('GET', '/api/reviews/1/literature/items');
    expect(list.body.items).toHaveLength(4);
    expect((await s.request('GET', '/api/reviews/1/literature/duplicates')).body).toEqual([]);
    const again = await s.request('POST', '/api/reviews/1/literature/merges', { items: ids });
    expect(again.status).toBe(409);
    const log = await s.request('GET', '/api/reviews/1/literature/merges');
    expect(log.body[0]).toMatchObject({ kept: ids[0], merged: [ids[1]], rule: 'title-year-author', score: 0.99, mergedBy: 'alice', undoneAt: null });
    const undo = await s.request('DELETE', `/api/reviews/1/literature/merges/${merge.body.mergeId}`);
    expect(undo.status).toBe(204);
    expect((await s.request('GET', '/api/reviews/1/literature/items')).body.items).toHaveLength(5);
    expect((await s.request('GET', '/api/reviews/1/literature/duplicates')).body).toHaveLength(1);
    expect((await s.request('DELETE', `/api/reviews/1/literature/merges/${merge.body.mergeId}`)).status).toBe(409);
  });

  it('remembers "not a duplicate", also after a later import', async () => {
    const ids = dupGroup.members.map((m) => m.item);
    const res = await s.request('POST', '/api/reviews/1/literature/not-duplicates', { items: ids });
    expect(res.status).toBe(204);
    expect((await s.request('GET', '/api/reviews/1/literature/duplicates')).body).toEqual([]);
    await importText(s, RIS_B.split('\n\n')[1] as string, 'later.ris');
    const groups = (await s.request('GET', '/api/reviews/1/literature/duplicates')).body as { members: { item: number }[] }[];
    for (const g of groups) expect(g.members.map((m) => m.item)).not.toEqual(ids);
    const rescan = await s.request('POST', '/api/reviews/1/literature/duplicates/refresh');
    expect(rescan.status).toBe(200);
    expect(rescan.body).toEqual(groups);
    const missing = await s.request('DELETE', '/api/reviews/1/literature/merges/99999');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/problem\+json/);
  });

  it('undoes a whole import batch', async () => {
    const batches = (await s.request('GET', '/api/reviews/1/literature/batches')).body as { id: number; fileName: string }[];
    const later = batches.find((b) => b.fileName === 'later.ris');
    const before = (await s.request('GET', '/api/reviews/1/literature/items')).body.items.length;
    const del = await s.request('DELETE', `/api/reviews/1/literature/batches/${later?.id}`);
    expect(del.status).toBe(204);
    expect((await s.request('GET', '/api/reviews/1/literature/items')).body.items).toHaveLength(before - 1);
    expect((await s.request('GET', '/api/reviews/1/literature/batches')).body).toHaveLength(2);
    expect((await s.request('DELETE', `/api/reviews/1/literature/batches/${later?.id}`)).status).toBe(404);
    expect((await s.request('GET', '/api/reviews/1/literature/items?q=sustainability')).body.items).toHaveLength(1);
  });

  it('reports a bad record with its number and reason and keeps the good ones around it', async () => {
    const text = JSON.stringify([{ id: 'a', type: 'article-journal', title: 'A good one' }, { id: 'b', type: 'book', title: 7 }, { id: 'c', type: 'book', title: 'Another good one' }]);
    const p = await importText(s, text, 'refs.json');
    expect(p.state).toBe('complete');
    expect(p.format).toBe('csl-json');
    expect(p.imported).toBe(2);
    expect(p.failed).toHaveLength(1);
    expect(p.failed[0].record).toBe(2);
    expect(p.failed[0].reason).toMatch(/\w/);
    const failures = await s.request('GET', `/api/reviews/1/literature/batches/${p.batchId}/failures`);
    expect(failures.body).toEqual(p.failed);
  });

  it('answers bad input with problem+json naming the field', async () => {
    const noName = await fetch(`${s.url}/api/reviews/1/literature/imports`, { method: 'POST', headers: { 'content-type': 'application/octet-stream', 'x-workbench-request': '1' }, body: RIS_A });
    expect(noName.status).toBe(400);
    expect(noName.headers.get('content-type')).toMatch(/problem\+json/);
    expect(((await noName.json()) as { errors: { pointer: string }[] }).errors[0]?.pointer).toBe('/query/fileName');
    const badFormat = await s.request('POST', '/api/reviews/1/literature/imports?fileName=a.ris&format=docx', 'x', { 'content-type': 'application/octet-stream' });
    expect(badFormat.status).toBe(400);
    expect(badFormat.body.errors[0].pointer).toBe('/query/format');
    const empty = await s.request('POST', '/api/reviews/1/literature/imports?fileName=a.ris', '', { 'content-type': 'application/octet-stream' });
    expect(empty.status).toBe(422);
    const json = await s.request('POST', '/api/reviews/1/literature/imports?fileName=a.ris', { a: 1 });
    expect(json.status).toBe(415);
    const unknown = await importText(s, 'just some words\nnothing bibliographic\n', 'notes.txt');
    expect(unknown.state).toBe('failed');
    expect(unknown.error).toBe('notes.txt is not a bibliography we can read (it looks like plain text starting "just some words").');
    expect(unknown.needsFormat).toBe(true);
    const png = await importText(s, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'scan.ris');
    expect(png).toMatchObject({ state: 'failed', needsFormat: true, error: 'scan.ris is not a bibliography we can read (it looks like an image (PNG)).' });
    const forced = await importText(s, 'TY  - JOUR\nTI  - A\nER  - \n', 'a.bib', '&format=bibtex');
    expect(forced).toMatchObject({ state: 'failed', needsFormat: true, error: 'No BibTeX record found in a.bib: the file looks like RIS.' });
    expect((await s.request('GET', '/api/reviews/1/literature/batches')).body.map((b: { fileName: string }) => b.fileName)).not.toContain('notes.txt');
    expect((await s.request('GET', '/api/reviews/1/literature/items?yearFrom=2020&yearTo=2010')).body.errors[0].pointer).toBe('/query/yearTo');
    expect((await s.request('GET', '/api/reviews/1/literature/items?limit=0')).body.errors[0].pointer).toBe('/query/limit');
    expect((await s.request('POST', '/api/reviews/1/literature/merges', { items: [1] })).body.errors[0].pointer).toBe('/body/items');
    expect((await s.request('GET', '/api/reviews/1/literature/items/99999')).status).toBe(404);
    expect((await s.request('GET', '/api/reviews/77/literature/items')).status).toBe(404);
  });

  it('undoes a merge of an item that had absorbed another, putting that one back under it', async () => {
    const rec = (n: number) => `TY  - JOUR\nTI  - Nested merges of one qualitative study of kinship care\nAU  - Rossi, Maria\nPY  - 2018\nN1  - copy ${n}\nER  - \n`;
    await importText(s, `${rec(1)}\n${rec(2)}\n${rec(3)}`, 'copies.ris');
    const group = ((await s.request('GET', '/api/reviews/1/literature/duplicates')).body as { members: { item: number; file: string }[] }[])
      .find((g) => g.members.every((m) => m.file === 'copies.ris'));
    const [c1, c2, c3] = (group?.members ?? []).map((m) => m.item) as [number, number, number];
    const inner = await s.request('POST', '/api/reviews/1/literature/merges', { items: [c2, c3] });
    expect(inner.body.kept).toBe(c2);
    const outer = await s.request('POST', '/api/reviews/1/literature/merges', { items: [c1, c2] });
    expect(outer.body.kept).toBe(c1);
    expect((await s.request('GET', `/api/reviews/1/literature/items/${c1}`)).body.sources).toHaveLength(3);
    expect((await s.request('GET', `/api/reviews/1/literature/merges`)).body[0].merged).toEqual([c2, c3]);
    // the inner merge cannot be undone while the outer one holds its items
    expect((await s.request('DELETE', `/api/reviews/1/literature/merges/${inner.body.mergeId}`)).status).toBe(409);
    expect((await s.request('DELETE', `/api/reviews/1/literature/merges/${outer.body.mergeId}`)).status).toBe(204);
    const back = await s.request('GET', `/api/reviews/1/literature/items/${c2}`);
    expect(back.body).toMatchObject({ mergedInto: null, members: [c3] });
    expect((await s.request('DELETE', `/api/reviews/1/literature/merges/${inner.body.mergeId}`)).status).toBe(204);
    expect((await s.request('GET', `/api/reviews/1/literature/items/${c3}`)).body).toMatchObject({ mergedInto: null, members: [] });
  });

  it('documents its routes in the OpenAPI document', async () => {
    const doc = await s.request('GET', '/api/openapi.json');
    expect(doc.status).toBe(200);
    const paths = Object.keys(doc.body.paths);
    for (const p of ['/api/reviews/{reviewId}/literature/imports', '/api/reviews/{reviewId}/literature/items', '/api/reviews/{reviewId}/literature/merges/{id}']) {
      expect(paths).toContain(p);
    }
  });

  const SAMPLES = path.resolve(__dirname, '../../../shared/data/bibliographies');
  it.runIf(fs.existsSync(SAMPLES))('imports the Zotero RIS and BibTeX twins and finds all 1000 pairs by DOI or title', async () => {
    const ris = await importText(s, fs.readFileSync(path.join(SAMPLES, 'ris/asysd_zotero_export.ris')), 'asysd_zotero_export.ris');
    const bib = await importText(s, fs.readFileSync(path.join(SAMPLES, 'bibtex/asysd_zotero_export.bib')), 'asysd_zotero_export.bib');
    expect([ris.records, ris.imported, bib.records, bib.imported]).toEqual([1000, 1000, 1000, 1000]);
    const groups = (await s.request('GET', '/api/reviews/1/literature/duplicates')).body as { members: { file: string; record: number }[] }[];
    const twinPairs = groups.filter((g) => g.members.some((m) => m.file.endsWith('.ris')) && g.members.some((m) => m.file.endsWith('.bib')));
    expect(twinPairs.length).toBeGreaterThanOrEqual(990);
    const sameNumber = twinPairs.filter((g) => new Set(g.members.map((m) => m.record)).size === 1);
    expect(sameNumber.length).toBeGreaterThanOrEqual(990);
  });
});
