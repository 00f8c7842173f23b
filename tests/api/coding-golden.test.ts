// Golden files of the coding exports (tests/golden/): the coded extracts as CSV and the codebook as JSON, from a
// review made from the seed template (the six stages, no models) with two categories and five tags. Rendered with a
// fixed generated-at time; UPDATE_GOLDEN=1 rewrites the files, which are then checked by hand.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../server/paths.ts';
import { codingExport } from '../../server/services/coding-export.ts';
import { insertItems, testItems } from '../support/coding-items.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const golden = (name: string) => path.join(ROOT, 'tests/golden', name);
const FIXED = (): string => '2026-01-01T00:00:00.000Z';

describe('coding export golden files', () => {
  let s: TestServer;
  let reviewId: number;
  beforeAll(async () => {
    s = await startTestServer();
    const review = await s.request('POST', '/api/reviews', { title: 'Coding golden', slug: 'coding-golden', start: { kind: 'template', template: 'seed' } });
    expect(review.status).toBe(201);
    reviewId = review.body.id;
    const ann = (await s.request('POST', `/api/reviews/${reviewId}/reviewers`, { name: 'Ann Coder' })).body.id;
    const as = { 'x-workbench-reviewer': String(ann) };
    const base = `/api/reviews/${reviewId}/coding`;
    const context = (await s.request('POST', `${base}/codes`, { label: 'Context', description: 'Where the innovation happens', band: 'early' }, as)).body;
    const policy = (await s.request('POST', `${base}/codes`, { label: 'Policy, law and guidance', parentId: context.id }, as)).body;
    await s.request('POST', `${base}/codes`, { label: 'Outcomes', description: 'What changed "for whom"' }, as);
    const [a, b] = insertItems(s.wb.repos.db, reviewId, testItems(2));
    const nodes = (await s.request('GET', `${base}/codebook`)).body.nodes as { ref: string; kind: string }[];
    const [mobilising, , , , , embedding] = nodes.filter((n) => n.kind === 'stage').map((n) => n.ref);
    for (const body of [
      { itemId: b, code: embedding, quote: 'the change was embedded, "slowly"', locator: 'p. 14' },
      { itemId: a, code: mobilising, quote: 'we mobilised staff', locator: 'p. 3' },
      { itemId: a, code: `code:${policy.id}`, quote: '=HYPERLINK("x") a formula-looking quote', locator: '§2' },
      { itemId: a, code: `code:${context.id}`, note: 'no quote, the whole item' },
      { itemId: b, code: mobilising, quote: 'line one\nline two', locator: 'pp. 2–3' },
    ]) expect((await s.request('POST', `${base}/tags`, body, as)).status).toBe(201);
  });
  afterAll(async () => {
    await s.close();
  });

  for (const [what, format, file] of [['extracts', 'csv', 'coding-extracts.csv'], ['codebook', 'json', 'coding-codebook.json'], ['codebook', 'csv', 'coding-codebook.csv'], ['evidence-map', 'csv', 'coding-evidence-map.csv']] as const) {
    it(`${what} as ${format}`, async () => {
      const body = String((await codingExport(s.wb.repos, reviewId, what, { format }, FIXED)).body);
      if (process.env.UPDATE_GOLDEN === '1') fs.writeFileSync(golden(file), body);
      expect(body).toBe(fs.readFileSync(golden(file), 'utf8'));
    });
  }

  it('differs between two exports only in the generated-at line', async () => {
    const one = String((await codingExport(s.wb.repos, reviewId, 'codebook', { format: 'json' }, FIXED)).body);
    const two = String((await codingExport(s.wb.repos, reviewId, 'codebook', { format: 'json' }, () => '2027-05-05T00:00:00.000Z')).body);
    expect(one).not.toBe(two);
    expect(one.replace(/"generatedAt": "[^"]*"/, '')).toBe(two.replace(/"generatedAt": "[^"]*"/, ''));
  });
});
