// Hostile payloads: HTML and link syntax in names come out of every Markdown export inert, and deeply nested JSON
// in a citation's CSL is refused with 422 at any depth (5,000 and 20,000 levels must not overflow the stack).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markdownCell } from '../../shared/export/markdown.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

const HOSTILE = '<img src=x onerror=alert(1)> [click](javascript:alert(2)) <javascript:alert(3)> `code` &lt;b&gt;';

/** what a Markdown renderer could turn into markup or a link */
const unsafe = (md: string): string[] => [
  ...(md.match(/<(?!br>)[a-z!/?][^>]*>?/gi) ?? []),
  ...(md.match(/(?<!\\)\[[^\]]*(?<!\\)\]\(/g) ?? []),
  ...(md.match(/(?<!\\)`/g) ?? []),
  ...(md.match(/&lt;b&gt;/g) ?? []),
];

describe('Markdown exports', () => {
  it('escape HTML and link syntax in every cell of all five Markdown tables', async () => {
    const frameworks = (await s.request('GET', '/api/reviews/1/frameworks')).body as { id: number; role: string; version: number }[];
    const source = frameworks.filter((f) => f.role === 'source');
    const target = frameworks.find((f) => f.role === 'target');
    const [a, b] = source;
    expect(a && b && target).toBeTruthy();
    const phases = (await s.request('GET', `/api/reviews/1/frameworks/${a?.id}/phases`)).body as { id: number; version: number }[];
    const stages = (await s.request('GET', `/api/reviews/1/frameworks/${target?.id}/stages`)).body as { id: number; version: number }[];
    expect((await s.request('PATCH', `/api/reviews/1/phases/${phases[0]?.id}`, { label: HOSTILE, version: phases[0]?.version })).status).toBe(200);
    expect((await s.request('PATCH', `/api/reviews/1/stages/${stages[0]?.id}`, { name: HOSTILE, version: stages[0]?.version })).status).toBe(200);
    expect((await s.request('PATCH', `/api/reviews/1/frameworks/${a?.id}`, { name: HOSTILE, version: a?.version })).status).toBe(200);

    const exports = [
      'crosswalk?format=md&layout=bands', 'crosswalk?format=md&layout=stages', 'stages?format=md', 'coverage?format=md',
      `pairwise?format=md&a=${a?.id}&b=${b?.id}`,
    ];
    for (const e of exports) {
      const res = await s.request('GET', `/api/reviews/1/export/${e}`);
      expect(res.status, e).toBe(200);
      expect(res.text, e).toContain('&lt;img src=x onerror=alert(1)&gt;');
      expect(unsafe(res.text), e).toEqual([]);
    }
  });

  it('keeps ordinary text as it was', () => {
    expect(markdownCell('Child Abuse & Neglect (2020): a | b\nnext')).toBe('Child Abuse & Neglect (2020): a \\| b<br>next');
    expect(markdownCell('[x](javascript:y)')).toBe('\\[x\\](javascript:y)');
  });
});

describe('deeply nested JSON in a citation', () => {
  it('answers 422 with a pointer at any depth, and nothing is stored', async () => {
    const before = (await s.request('GET', '/api/reviews/1/citations')).body.length as number;
    for (const depth of [100, 1000, 5000, 20_000]) {
      // written by hand: JSON.stringify itself recurses and would overflow here first
      const v = `${'{"a":'.repeat(depth)}"x"${'}'.repeat(depth)}`;
      for (const csl of [`{"id":"x","type":"book","title":"T","note":${v}}`, `{"id":"x","type":"book","title":"T","extra":[${v}]}`]) {
        const res = await s.request('POST', '/api/reviews/1/citations', `{"csl":${csl}}`, { 'content-type': 'application/json' });
        expect(res.status, `depth ${depth}`).toBe(422);
        expect(res.body.errors[0].pointer).toMatch(/^\/body\/csl\//);
      }
    }
    const arrays = `${'['.repeat(5000)}1${']'.repeat(5000)}`;
    expect((await s.request('PATCH', '/api/reviews/1', `{"title":${arrays},"version":1}`, { 'content-type': 'application/json' })).status).toBe(422);
    expect((await s.request('GET', '/api/reviews/1/citations')).body.length).toBe(before);
    // a citation as the client sends it still goes in
    expect((await s.request('POST', '/api/reviews/1/citations', { csl: { id: 'ok', type: 'book', title: 'Fine', author: [{ family: 'Smith', given: 'A' }] } })).status).toBe(201);
  });
});
