import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { ROOT } from '../../server/paths.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

describe('seed review over HTTP', () => {
  it('answers health with the schema version', async () => {
    const res = await s.request('GET', '/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', schemaVersion: expect.stringMatching(/^\d{4}_/) });
  });

  it('lists the seed review, its three bands and ten source models', async () => {
    const reviews = await s.request('GET', '/api/reviews');
    expect(reviews.body.map((r: { title: string }) => r.title)).toEqual(["Stages of Innovation in Children's Social Care"]);
    const id = reviews.body[0].id;
    const bands = await s.request('GET', `/api/reviews/${id}/bands`);
    expect(bands.body.map((b: { label: string }) => b.label)).toEqual(['Early phases', 'Middle phases', 'Latter phases']);
    const sources = await s.request('GET', `/api/reviews/${id}/frameworks-by-role/source`);
    expect(sources.body).toHaveLength(10);
    const flow = await s.request('GET', `/api/reviews/${id}/flow`);
    expect(flow.body.map((f: { count: number | null }) => f.count)).toContain(3819);
  });

  it('returns both crosswalk layouts, and the CSV download is Table 1 as printed', async () => {
    const id = (await s.request('GET', '/api/reviews')).body[0].id;
    const res = await s.request('GET', `/api/reviews/${id}/crosswalk`);
    expect(res.status).toBe(200);
    expect(res.body.tables.bands.header).toEqual(['Model', 'Early phases', 'Middle phases', 'Latter phases']);
    expect(res.body.tables.stages.header).toEqual(['Model', 'Mobilising', 'Designing', 'Developing', 'Integrating', 'Growing', 'System change']);
    const murray = res.body.tables.stages.rows[0];
    expect(murray[3]).toBe('Prototyping and pilots (⊂)');
    const csv = await s.request('GET', `/api/reviews/${id}/export/crosswalk?layout=bands&format=csv`);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(/attachment; filename="?stages-of-innovation-crosswalk-bands\.csv"?/);
    expect(csv.text).toBe(fs.readFileSync(path.join(ROOT, 'fixtures/expected/table1.csv'), 'utf8'));
  });

  it('serves an OpenAPI 3.1 document built from the route schemas', async () => {
    const res = await s.request('GET', '/api/openapi.json');
    expect(res.body.openapi).toBe('3.1.0');
    const post = res.body.paths['/api/reviews/{reviewId}/alignments'].post;
    expect(post.requestBody.content['application/json'].schema.properties.relation.enum).toEqual([
      'equivalent', 'subset-of', 'superset-of', 'intersects-with', 'no-counterpart',
    ]);
    expect(res.body.paths['/api/reviews/{reviewId}/phases/{id}'].patch).toBeDefined();
  });
});
