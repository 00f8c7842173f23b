// The citation API over real HTTP on a temporary database: seed references, paste with per-record failures,
// DOI offline (for real) and online (a local stand-in for doi.org), links, versions, bibliography exports.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkbench } from '../../server/workbench.ts';
import { startTestServer, tempDbPath, type TestServer } from '../support/server.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

describe('citations API', () => {
  it('ships the seed references linked to the models, unverified ones marked incomplete, exactly once', async () => {
    const list = await s.request('GET', '/api/reviews/1/citations');
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(11);
    const byKey = Object.fromEntries(list.body.map((c: { citekey: string }) => [c.citekey, c]));
    expect(byKey.lefevre2022.doi).toBe('10.1093/bjsw/bcac183');
    expect(byKey.lefevre2022.incomplete).toBe(false);
    expect(byKey.designcouncil2019.incomplete).toBe(true);
    const links = await s.request('GET', '/api/reviews/1/citation-links');
    expect(links.body).toHaveLength(11);
    // reopening the same file adds nothing
    const again = openWorkbench(s.dbPath);
    expect(again.repos.db.prepare('SELECT count(*) AS n FROM citation').get()).toEqual({ n: 11 });
    again.close();
  });

  it('adds the references once to a database made before they existed, on its next start', () => {
    const dbPath = tempDbPath();
    const old = openWorkbench(dbPath);
    // what a database from before this feature looks like: the seed review, no citations, no mark
    old.db.exec("DELETE FROM citation; DELETE FROM app_meta WHERE key LIKE 'seed-references:%'");
    old.close();
    for (let start = 0; start < 2; start++) {
      const wb = openWorkbench(dbPath);
      expect(wb.db.prepare('SELECT count(*) AS n FROM citation').get()).toEqual({ n: 11 });
      expect(wb.db.prepare('SELECT count(*) AS n FROM citation_link').get()).toEqual({ n: 11 });
      wb.close();
    }
  });

  it('gives the in-text forms of the paper', async () => {
    const list = (await s.request('GET', '/api/reviews/1/citations')).body as { id: number; citekey: string }[];
    const id = (key: string) => list.find((c) => c.citekey === key)?.id;
    expect((await s.request('GET', `/api/reviews/1/citations/${id('murray2010')}/formatted?style=apa`)).body.inText).toBe('(Murray et al., 2010)');
    expect((await s.request('GET', `/api/reviews/1/citations/${id('designcouncil2019')}/formatted?style=apa`)).body.inText).toBe('(Design Council, 2019)');
    expect((await s.request('GET', `/api/reviews/1/citations/${id('mulgan2013')}/formatted?style=harvard`)).body.inText).toBe('(Mulgan and Leadbeater, 2013)');
  });

  it('imports a paste record by record and reports each failure with its position and reason', async () => {
    const text = '@book{smith2001, title={Good one}, author={Smith, Ann}, year={2001}, publisher={P}}\n@article{broken, title=}\n@article{x, title={Second}, author={Jones, Bo}, year={2002}, journal={J}}';
    const res = await s.request('POST', '/api/reviews/1/citations/import', { text });
    expect(res.status).toBe(201);
    expect(res.body.format).toBe('bibtex');
    expect(res.body.created.map((c: { citekey: string }) => c.citekey)).toEqual(['smith2001', 'x']);
    expect(res.body.failures).toHaveLength(1);
    expect(res.body.failures[0]).toMatchObject({ position: 2, raw: '@article{broken, title=}' });
    expect(res.body.failures[0].reason).toBe('field "title" has no value');
  });

  it('splits a garbage paste into what looks like separate records and reports each part with its position and reason', async () => {
    const text = [
      'Jones A. A paper copied from a PDF. Journal of Things 2019;4:1-9.',
      '',
      '@article{pastedgood, title={A good one}, author={Doe, Jane}, year={2020}, journal={J}}',
      'notes typed under the entry',
      'TY  - JOUR', 'TI  - The RIS one', 'AU  - Roe, Rita', 'PY  - 2018', 'ER  - ',
      '10.1000/pasted.doi',
      '@article{pastedbroken, title=}',
      'AU  - Orphan, Tag',
    ].join('\n');
    const res = await s.request('POST', '/api/reviews/1/citations/import', { text });
    expect(res.status).toBe(201);
    expect(res.body.format).toBe('bibtex');
    const created = res.body.created as { citekey: string; csl: { title?: string }; doi: string | null }[];
    expect(created.map((c) => c.csl.title ?? c.doi)).toEqual(['A good one', 'The RIS one', '10.1000/pasted.doi']);
    expect(res.body.failures.map((f: { position: number; reason: string; raw: string }) => [f.position, f.reason, f.raw])).toEqual([
      [1, 'line 1: looks like a formatted reference (plain text): paste it as BibTeX or RIS, its DOI, or add it with the form',
        'Jones A. A paper copied from a PDF. Journal of Things 2019;4:1-9.'],
      [3, 'line 4: is not a reference in a format we read (BibTeX starts with @type{, RIS with "TY  - ", or a DOI on its own line)',
        'notes typed under the entry'],
      [6, 'field "title" has no value', '@article{pastedbroken, title=}'],
      [7, 'line 12: RIS lines without a "TY  - " line to start the record', 'AU  - Orphan, Tag'],
    ]);
    // the DOI that doi.org could not answer for is kept and says so at its own position
    expect(res.body.warnings.map((w: { position: number }) => w.position)).toEqual([5]);
  });

  it('refuses text that is no known format with a 422 naming the field', async () => {
    const res = await s.request('POST', '/api/reviews/1/citations/import', { text: 'hello world' });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    expect(res.body.errors[0].pointer).toBe('/body/text');
  });

  it('keeps the DOI and says so plainly when doi.org cannot be reached (this machine is offline)', async () => {
    const res = await s.request('POST', '/api/reviews/1/citations/doi', { doi: 'https://doi.org/10.1000/offline.1' });
    expect(res.status).toBe(201);
    expect(res.body.resolved).toBe(false);
    expect(res.body.message).toMatch(/^Could not reach doi\.org.*The DOI is kept; complete the fields by hand\.$/);
    expect(res.body.citation.doi).toBe('10.1000/offline.1');
    expect(res.body.citation.incomplete).toBe(true);
  });

  it('keeps every pasted DOI when doi.org cannot be reached, each with the reason', async () => {
    const res = await s.request('POST', '/api/reviews/1/citations/import', { text: '10.1000/a1\nhttps://doi.org/10.1000/a2\nnot-a-doi' });
    expect(res.status).toBe(201);
    expect(res.body.format).toBe('doi');
    expect(res.body.created.map((c: { doi: string }) => c.doi)).toEqual(['10.1000/a1', '10.1000/a2']);
    expect(res.body.failures).toEqual([{ position: 3, reason: '"not-a-doi" is not a DOI (10.prefix/suffix)', raw: 'not-a-doi' }]);
    expect(res.body.warnings.map((w: { messages: string[] }) => w.messages[0])).toEqual([
      'Could not reach doi.org: you appear to be offline. The DOI is kept; complete the fields by hand.',
      'Could not reach doi.org: you appear to be offline. The DOI is kept; complete the fields by hand.',
    ]);
  });

  it('fills the fields from doi.org when it answers (a local stand-in)', async () => {
    const fake = http.createServer((req, res) => {
      expect(req.headers.accept).toBe('application/vnd.citationstyles.csl+json');
      res.setHeader('content-type', 'application/vnd.citationstyles.csl+json');
      res.end(JSON.stringify({ type: 'article-journal', title: 'Found <i>it</i>', author: [{ family: 'Doe', given: 'Jo' }], issued: { 'date-parts': [[2020]] }, 'container-title': 'J', DOI: '10.1000/xyz', 'reference-count': 3 }));
    });
    await new Promise<void>((r) => fake.listen(0, '127.0.0.1', () => r()));
    process.env.WORKBENCH_DOI_BASE = `http://127.0.0.1:${(fake.address() as AddressInfo).port}/`;
    try {
      const res = await s.request('POST', '/api/reviews/1/citations/doi', { doi: '10.1000/xyz' });
      expect(res.status).toBe(201);
      expect(res.body.resolved).toBe(true);
      expect(res.body.citation).toMatchObject({ citekey: 'doe2020', incomplete: false });
      expect(res.body.citation.csl.title).toBe('Found it');
      expect(res.body.citation.csl['reference-count']).toBeUndefined();
    } finally {
      delete process.env.WORKBENCH_DOI_BASE;
      fake.close();
    }
  });

  it('attaches a citation to an alignment with locator and quote, shows it formatted, and detaches it', async () => {
    const created = await s.request('POST', '/api/reviews/1/citations', { form: { type: 'book', authors: 'Murray, Robin\nDesign Council', year: '2011', title: 'Attach me', publisher: 'P' } });
    expect(created.status).toBe(201);
    expect(created.body.csl.author).toEqual([{ family: 'Murray', given: 'Robin' }, { literal: 'Design Council' }]);
    const link = await s.request('POST', `/api/reviews/1/citations/${created.body.id}/links`, { targetType: 'alignment', targetId: 1, locator: '12', quote: 'as the book says' });
    expect(link.status).toBe(201);
    const shown = await s.request('GET', '/api/reviews/1/citation-links?targetType=alignment&targetId=1&style=apa');
    expect(shown.body).toHaveLength(1);
    expect(shown.body[0].formatted.inText).toBe('(Murray & Design Council, 2011, p. 12)');
    expect(shown.body[0].quote).toBe('as the book says');
    const bad = await s.request('POST', `/api/reviews/1/citations/${created.body.id}/links`, { targetType: 'stage', targetId: 99999 });
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].pointer).toBe('/body/targetId');
    expect((await s.request('DELETE', `/api/reviews/1/citation-links/${link.body.id}`)).status).toBe(204);
    expect((await s.request('GET', '/api/reviews/1/citation-links?targetType=alignment&targetId=1')).body).toEqual([]);
  });

  it('edits through the form without losing the fields the form does not show, and clears the unverified flag once complete', async () => {
    const list = (await s.request('GET', '/api/reviews/1/citations')).body as { id: number; citekey: string; version: number; csl: Record<string, unknown> }[];
    const ideo = list.find((c) => c.citekey === 'ideo2015');
    const hartley = list.find((c) => c.citekey === 'hartley2006');
    if (!ideo || !hartley) throw new Error('seed references missing');
    const edited = await s.request('PATCH', `/api/reviews/1/citations/${ideo.id}`, {
      version: ideo.version,
      form: { type: 'book', authors: 'IDEO', year: '2015', title: 'The field guide to human-centered design', publisher: 'IDEO.org', container: '', volume: '', issue: '', pages: '7', doi: '', url: '' },
    });
    expect(edited.status).toBe(200);
    expect(edited.body.csl).toMatchObject({ ISBN: '978-0-9914063-1-9', edition: '1', page: '7', publisher: 'IDEO.org' });
    expect(edited.body.csl.custom.source).toMatch(/imprint/);
    expect(hartley).toBeDefined();
    const completed = await s.request('PATCH', `/api/reviews/1/citations/${hartley.id}`, {
      version: hartley.version,
      form: { type: 'report', authors: 'Hartley', year: '2006', title: 'A title checked by hand', publisher: 'A publisher', container: '', volume: '', issue: '', pages: '', doi: '', url: '' },
    });
    expect(completed.body.incomplete).toBe(false);
    expect(completed.body.csl.custom).toEqual({ source: expect.stringMatching(/in-text citation/) });
  });

  it('refuses a stale edit with 409 and a taken key with 409', async () => {
    const c = (await s.request('POST', '/api/reviews/1/citations', { csl: { type: 'book', title: 'Versioned', author: [{ family: 'Vee', given: 'A' }], issued: { 'date-parts': [[2000]] } } })).body;
    expect((await s.request('PATCH', `/api/reviews/1/citations/${c.id}`, { csl: { ...c.csl, title: 'Edited' }, version: 1 })).status).toBe(200);
    const stale = await s.request('PATCH', `/api/reviews/1/citations/${c.id}`, { csl: { ...c.csl, title: 'Lost' }, version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.current.version).toBe(2);
    const clash = await s.request('POST', '/api/reviews/1/citations', { csl: { type: 'book', title: 'T' }, citekey: 'murray2010' });
    expect(clash.status).toBe(409);
  });

  it('exports the bibliography in all six forms; BibTeX and RIS import back to the same references', async () => {
    const fresh = await startTestServer({ dbPath: tempDbPath() });
    try {
      for (const format of ['bibtex', 'ris', 'csl-json', 'html', 'text']) {
        const res = await fresh.request('GET', `/api/reviews/1/bibliography/export?format=${format}&style=harvard`);
        expect(res.status).toBe(200);
        expect(res.text.length).toBeGreaterThan(100);
      }
      const html = await fresh.request('GET', '/api/reviews/1/bibliography/export?format=html&style=apa');
      expect(html.text).toContain('Murray, R., Caulier-Grice, J., &#38; Mulgan, G. (2010). <i>The open book of social innovation</i>.');
      const original = (await fresh.request('GET', '/api/reviews/1/citations')).body as { csl: Record<string, unknown> }[];
      const pick = (c: Record<string, unknown>) => ({ title: c.title, author: c.author, issued: c.issued, DOI: c.DOI });
      for (const format of ['bibtex', 'ris']) {
        const review = (await fresh.request('POST', '/api/reviews', { slug: `back-${format}`, title: 'Back' })).body;
        const exported = (await fresh.request('GET', `/api/reviews/1/bibliography/export?format=${format}`)).text;
        const back = await fresh.request('POST', `/api/reviews/${review.id}/citations/import`, { text: exported });
        expect(back.body.failures).toEqual([]);
        const sortKey = (c: { title?: unknown; issued?: unknown }) => JSON.stringify([c.title, c.issued]);
        expect(back.body.created.map((c: { csl: Record<string, unknown> }) => pick(c.csl)).sort((a: object, b: object) => sortKey(a).localeCompare(sortKey(b))))
          .toEqual(original.map((c) => pick(c.csl)).sort((a, b) => sortKey(a).localeCompare(sortKey(b))));
      }
    } finally {
      await fresh.close();
    }
  });
});
