// Models from a table over real HTTP: the journal's Table 1 pasted into a new review gives the seed's Table 1 back,
// a table with any error answers 422 with pointers and creates nothing, and the XLSX export imports back.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../server/paths.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

const TSV = fs.readFileSync(path.join(ROOT, 'fixtures/models-table/table1-journal.tsv'), 'utf8');
let reviews = 0;
async function newReview(): Promise<number> {
  const res = await s.request('POST', '/api/reviews', { slug: `imported-${++reviews}`, title: `Imported ${reviews}` });
  expect(res.status).toBe(201);
  return res.body.id as number;
}
const bandsTableOf = async (reviewId: number) => {
  const { header, rows } = (await s.request('GET', `/api/reviews/${reviewId}/crosswalk`)).body.tables.bands;
  return { header, rows };
};
const counts = (reviewId: number) => ({
  frameworks: (s.wb.db.prepare('SELECT count(*) AS n FROM framework WHERE review_id = ?').get(reviewId) as { n: number }).n,
  bands: (s.wb.db.prepare('SELECT count(*) AS n FROM band WHERE review_id = ?').get(reviewId) as { n: number }).n,
  phases: (s.wb.db.prepare('SELECT count(*) AS n FROM phase p JOIN framework f ON f.id = p.framework_id WHERE f.review_id = ?').get(reviewId) as { n: number }).n,
  audit: (s.wb.db.prepare('SELECT count(*) AS n FROM audit_event WHERE review_id = ?').get(reviewId) as { n: number }).n,
});

describe('POST /api/reviews/:id/models/import', () => {
  it('previews the journal Table 1 for a new review: three new bands, ten models, citations left to complete', async () => {
    const id = await newReview();
    const res = await s.request('POST', `/api/reviews/${id}/models/import/preview`, { text: TSV });
    expect(res.status).toBe(200);
    expect(res.body.format).toBe('tsv');
    expect(res.body.headerRow).toBe(true);
    expect(res.body.newBands).toEqual(['Early phases', 'Middle phases', 'Latter phases']);
    expect(res.body.models).toHaveLength(10);
    expect(res.body.models[8]).toEqual({
      row: 10, name: 'Phases of Innovation', citation: 'Hartley 2006', citationMatch: null,
      phases: [
        { label: 'Generating possibilities', bandLabel: 'Early phases', column: 1 },
        { label: 'Incubating and prototyping', bandLabel: 'Middle phases', column: 2 },
        { label: 'shaping good practice within organisations', bandLabel: 'Middle phases', column: 2 },
        { label: 'Scaling up within the organisation', bandLabel: 'Latter phases', column: 3 },
      ],
    });
    expect(res.body.problems.every((p: { severity: string }) => p.severity === 'warning')).toBe(true);
    expect(counts(id).frameworks).toBe(0);
  });

  it('imports it in one go, and the new review prints Table 1 exactly as the seed review does', async () => {
    const id = await newReview();
    // one reference in the new review's library, so one model links to it
    const cite = await s.request('POST', `/api/reviews/${id}/citations`, {
      csl: { type: 'report', title: 'The open book of social innovation', author: [{ family: 'Murray', given: 'R.' }, { family: 'Caulier-Grice', given: 'J.' }, { family: 'Mulgan', given: 'G.' }], issued: { 'date-parts': [[2010]] } },
    });
    expect(cite.status).toBe(201);
    const res = await s.request('POST', `/api/reviews/${id}/models/import`, { text: TSV }, { 'X-Workbench-User': 'importer' });
    expect(res.status).toBe(201);
    expect(res.body.bands.map((b: { label: string; position: number }) => [b.label, b.position])).toEqual([['Early phases', 0], ['Middle phases', 1], ['Latter phases', 2]]);
    expect(res.body.frameworks).toHaveLength(10);
    expect(res.body.phases).toBe(51);
    expect(res.body.plan.models[0].citationMatch).toEqual({ citationId: cite.body.id, citekey: cite.body.citekey });
    expect(res.body.frameworks.map((f: { citation: string }) => f.citation)).toContain('Hartley 2006');

    expect(await bandsTableOf(id)).toEqual(await bandsTableOf(1));
    const murray = res.body.frameworks[0];
    const links = await s.request('GET', `/api/reviews/${id}/citation-links?targetType=framework&targetId=${murray.id}`);
    expect(links.body.map((l: { citationId: number }) => l.citationId)).toEqual([cite.body.id]);
    const audit = (await s.request('GET', `/api/reviews/${id}/audit?limit=1000`)).body as { entity: string; action: string; actor: string }[];
    const created = audit.filter((e) => e.actor === 'importer' && e.action === 'create');
    expect(created.filter((e) => e.entity === 'framework')).toHaveLength(10);
    expect(created.filter((e) => e.entity === 'phase')).toHaveLength(51);
    expect(created.filter((e) => e.entity === 'band')).toHaveLength(3);
    expect(created.filter((e) => e.entity === 'citation_link')).toHaveLength(1);
  });

  it('answers 422 with a pointer per problem and creates nothing when any row has an error', async () => {
    const before = counts(1);
    const res = await s.request('POST', '/api/reviews/1/models/import', { text: TSV });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.body.errors).toHaveLength(10);
    expect(res.body.errors[0]).toEqual({
      pointer: '/table/rows/2/columns/1',
      message: 'row 2, column 1 (Model): “The six stages of social innovation” is already a model of this review',
    });
    expect(counts(1)).toEqual(before);

    // a new band and a good model do not survive a bad row either
    const id = await newReview();
    const bad = 'Model\tEarly phases\tMiddle phases\nGood (A, 2000)\tone\ttwo\n\torphan phase\t\nWide (B, 2001)\tx\ty\tz\n';
    const refused = await s.request('POST', `/api/reviews/${id}/models/import`, { text: bad });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([
      { pointer: '/table/rows/3/columns/1', message: 'row 3, column 1 (Model): this row has phases but no model name' },
      { pointer: '/table/rows/4/columns/4', message: 'row 4, column 4 (no header): this row has 4 cells but the header has 3: a cell was split or a column has no header' },
    ]);
    expect(counts(id)).toEqual({ frameworks: 0, bands: 0, phases: 0, audit: counts(id).audit });
    expect(counts(id).audit).toBe(1); // the review's own creation
  });

  it('applies a column mapping: an ignored column and a column moved to another band', async () => {
    const id = await newReview();
    const body = {
      text: TSV,
      columns: [
        { index: 0, role: 'model' }, { index: 1, role: 'band', bandLabel: 'Start' },
        { index: 2, role: 'band', bandLabel: 'Start' }, { index: 3, role: 'ignore' },
      ],
    };
    const preview = await s.request('POST', `/api/reviews/${id}/models/import/preview`, body);
    expect(preview.body.newBands).toEqual(['Start']);
    expect(preview.body.problems.filter((p: { message: string }) => p.message.includes('ignored column'))).toHaveLength(8);
    const res = await s.request('POST', `/api/reviews/${id}/models/import`, body);
    expect(res.status).toBe(201);
    expect(res.body.phases).toBe(51 - 13); // the latter phases, ignored
    const table = await bandsTableOf(id);
    expect(table.header).toEqual(['Model', 'Start']);
    expect(table.rows[0]).toEqual(['The six stages of social innovation (Murray et al., 2010)', 'Prompts, inspirations and diagnoses; proposals and ideas; Prototyping and pilots; sustaining']);
  });

  it('refuses a body with both or neither of text and xlsxBase64, or an unknown band id', async () => {
    const both = await s.request('POST', '/api/reviews/1/models/import/preview', { text: 'a', xlsxBase64: 'AAAA' });
    expect(both.status).toBe(400);
    expect(both.body.errors).toEqual([{ pointer: '/body/text', message: 'send exactly one of text and xlsxBase64' }]);
    expect((await s.request('POST', '/api/reviews/1/models/import/preview', {})).status).toBe(400);
    const unknownBand = await s.request('POST', '/api/reviews/1/models/import', { text: 'Model,Early\nNew one,x', columns: [{ index: 1, role: 'band', bandId: 9999 }] });
    expect(unknownBand.status).toBe(422);
    expect(unknownBand.body.errors).toEqual([{ pointer: '/table/columns/2', message: 'column 2 (Early): there is no band 9999 in this review' }]);
    expect((await s.request('POST', '/api/reviews/999/models/import/preview', { text: TSV })).status).toBe(404);
    const notXlsx = await s.request('POST', '/api/reviews/1/models/import/preview', { xlsxBase64: Buffer.from('not a zip').toString('base64') });
    expect(notXlsx.status).toBe(422);
    expect(notXlsx.body.errors).toEqual([{ pointer: '/body/xlsxBase64', message: 'is not an XLSX workbook' }]);
  });

  it('imports the seed crosswalk exported as XLSX back into a new review', async () => {
    const download = await fetch(`${s.url}/api/reviews/1/export/crosswalk?format=xlsx&layout=bands`);
    expect(download.status).toBe(200);
    const xlsxBase64 = Buffer.from(await download.arrayBuffer()).toString('base64');
    const id = await newReview();
    const preview = await s.request('POST', `/api/reviews/${id}/models/import/preview`, { xlsxBase64, format: 'xlsx' });
    expect(preview.status).toBe(200);
    expect(preview.body.format).toBe('xlsx');
    expect(preview.body.models.map((m: { name: string }) => m.name)).toContain('‘Double Diamond’');
    const res = await s.request('POST', `/api/reviews/${id}/models/import`, { xlsxBase64 });
    expect(res.status).toBe(201);
    expect(res.body.phases).toBe(51);
    expect(await bandsTableOf(id)).toEqual(await bandsTableOf(1));
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await s.request('GET', '/api/openapi.json')).body;
    const preview = doc.paths['/api/reviews/{reviewId}/models/import/preview'].post;
    expect(Object.keys(preview.requestBody.content['application/json'].schema.properties)).toEqual(['text', 'xlsxBase64', 'format', 'headerRow', 'columns']);
    expect(doc.paths['/api/reviews/{reviewId}/models/import'].post).toBeDefined();
  });
});
