// A review's codebook and tags travel with it: the bundle carries them (a code moved under a parent made after it
// included), a restore gives the same tree and the same tags, and a copy without literature keeps the codebook but
// leaves the tags, which name items it does not take.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertItems, testItems } from '../support/coding-items.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

interface Node { ref: string; kind: string; path: string[]; band: string | null; description: string }
interface Tag { code: string; quote: string; locator: string; itemId: number; reviewerId: number }

describe('coding in bundles and copies', () => {
  let s: TestServer;
  const base = (id: number) => `/api/reviews/${id}/coding`;
  let ann: number;

  beforeAll(async () => {
    s = await startTestServer();
    ann = (await s.request('POST', '/api/reviews/1/reviewers', { name: 'Ann Coder' })).body.id;
  });
  afterAll(async () => {
    await s.close();
  });

  const as = () => ({ 'x-workbench-reviewer': String(ann) });
  const ownCodes = async (id: number) => ((await s.request('GET', `${base(id)}/codebook`)).body.nodes as Node[])
    .filter((n) => n.kind === 'code').map((n) => ({ path: n.path.join('/'), band: n.band, description: n.description }));
  // tags named by what they say, not by ids: ids differ after a restore
  const tagsOf = async (id: number) => {
    const nodes = (await s.request('GET', `${base(id)}/codebook`)).body.nodes as Node[];
    const pathOf = new Map(nodes.map((n) => [n.ref, n.path.join('/')]));
    const tags = (await s.request('GET', `${base(id)}/tags`)).body as Tag[] | { tags: Tag[] };
    return (Array.isArray(tags) ? tags : tags.tags).map((t) => `${pathOf.get(t.code)} | ${t.quote} | ${t.locator}`).sort();
  };

  it('restores the same codebook and tags from a bundle, and copies the codebook without the tags when literature is left out', async () => {
    const [first, second] = insertItems(s.wb.repos.db, 1, testItems(2)) as [number, number];
    const child = (await s.request('POST', `${base(1)}/codes`, { label: 'Leadership', description: 'who drives it' }, as())).body;
    const parent = (await s.request('POST', `${base(1)}/codes`, { label: 'Context', band: 'early' }, as())).body;
    // the child is older than its parent: the restore must not depend on id order
    const moved = await s.request('PATCH', `${base(1)}/codes/${child.id}`, { version: child.version, parentId: parent.id }, as());
    expect(moved.status, moved.text).toBe(200);
    const stage = ((await s.request('GET', `${base(1)}/codebook`)).body.nodes as Node[]).find((n) => n.kind === 'stage') as Node;
    for (const body of [
      { itemId: first, code: `code:${child.id}`, quote: 'Leaders secured funding early', locator: 'p. 12' },
      { itemId: first, code: stage.ref, quote: 'we mobilised staff' },
      { itemId: second, code: `code:${parent.id}` },
    ]) expect((await s.request('POST', `${base(1)}/tags`, body, as())).status).toBe(201);
    const codes = await ownCodes(1);
    const tags = await tagsOf(1);
    expect(codes).toEqual([
      { path: 'Categories/Context', band: 'early', description: '' },
      { path: 'Categories/Context/Leadership', band: null, description: 'who drives it' },
    ]);
    expect(tags).toHaveLength(3);

    const bundle = await fetch(`${s.url}/api/reviews/1/bundle`).then((r) => r.text());
    expect(JSON.parse(bundle).tables.map((t: { name: string }) => t.name)).toEqual(expect.arrayContaining(['code', 'tag']));
    const restored = await s.request('POST', '/api/reviews/bundle?slug=coded-copy', bundle, { 'content-type': 'application/json' });
    expect(restored.status, restored.text).toBe(201);
    expect(await ownCodes(restored.body.id)).toEqual(codes);
    expect(await tagsOf(restored.body.id)).toEqual(tags);

    const copy = await s.request('POST', '/api/reviews', { title: 'Codebook only', start: { kind: 'copy', fromReviewId: 1, alignments: true, literature: false } });
    expect(copy.status, copy.text).toBe(201);
    expect(await ownCodes(copy.body.id)).toEqual(codes);
    expect(await tagsOf(copy.body.id)).toEqual([]);
  });
});
