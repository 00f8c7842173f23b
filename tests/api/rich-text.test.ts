// Rich titles over real HTTP: an imported title keeps its italics and subscripts in the CSL-JSON and the list,
// is found by its plain words (never by its tags), dedupes against the same title without formatting, reports an
// unknown TeX command on its record, and a formatted reference keeps the italics.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';

const BIB = `@article{homo2020,
  title = {\\textit{Homo sapiens} and CO\\textsubscript{2} in {\\it vivo}: a study},
  author = {Smith, Jane},
  journal = {\\textit{Nature}},
  year = {2020},
  abstract = {K$_m$ was 10$^{-5}$ in \\emph{Homo}, \\foo{kept}.}
}
`;

const RIS = `TY  - JOUR
TI  - Homo sapiens and CO2 in vivo: a study
AU  - Smith, J
PY  - 2020
ER  - 

TY  - JOUR
TI  - A plain title about kinship care
AU  - Doe, Jane
PY  - 2019
ER  - 

TY  - JOUR
TI  - Sustaining &lt;img src=x onerror=alert(1)&gt; innovation
AU  - Brown, Peter
PY  - 2021
ER  - 
`;

async function importText(s: TestServer, text: string, fileName: string) {
  const res = await fetch(`${s.url}/api/reviews/1/literature/imports?fileName=${encodeURIComponent(fileName)}`, {
    method: 'POST', headers: { 'content-type': 'application/octet-stream', 'x-workbench-request': '1' }, body: text,
  });
  expect(res.status).toBe(202);
  const { batchId } = (await res.json()) as { batchId: number };
  for (const deadline = Date.now() + 120_000; Date.now() < deadline;) {
    const p = await s.request('GET', `/api/reviews/1/literature/imports/${batchId}`);
    if (p.body.state !== 'running') return p.body;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not finish');
}

interface Row { id: number; title: string; titleRich: string | null; container: string }
const search = async (s: TestServer, q: string): Promise<Row[]> =>
  (await s.request('GET', `/api/reviews/1/literature/items?q=${encodeURIComponent(q)}`)).body.items as Row[];

describe('rich text through the API', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
    expect(await importText(s, BIB, 'rich.bib')).toMatchObject({ state: 'complete', imported: 1 });
    expect(await importText(s, RIS, 'plain.ris')).toMatchObject({ state: 'complete', imported: 3 });
  }, 240_000);
  afterAll(async () => {
    await s.close();
  });

  it('the list gives the plain title, and the rich one only where it differs', async () => {
    const all = (await s.request('GET', '/api/reviews/1/literature/items')).body.items as Row[];
    const rich = all.find((r) => r.titleRich !== null);
    expect(rich).toMatchObject({
      title: 'Homo sapiens and CO2 in vivo: a study',
      titleRich: '<i>Homo sapiens</i> and CO<sub>2</sub> in <i>vivo</i>: a study',
      container: 'Nature',
    });
    expect(all.filter((r) => r.titleRich !== null)).toHaveLength(1);
    // an escaped tag in a source is text: stored as text, never as markup
    expect(all.find((r) => r.title.startsWith('Sustaining'))).toMatchObject({ title: 'Sustaining <img src=x onerror=alert(1)> innovation', titleRich: null });
    const detail = (await s.request('GET', `/api/reviews/1/literature/items/${rich?.id}`)).body;
    expect(detail.csl).toMatchObject({ title: rich?.titleRich, 'container-title': '<i>Nature</i>', abstract: 'K<sub>m</sub> was 10<sup>-5</sup> in <i>Homo</i>, \\foo{kept}.' });
    expect(detail.sources[0].warnings).toContain('unknown TeX command \\foo kept as written');
  });

  it('search finds a rich title and abstract by their plain words, never by their tags', async () => {
    expect((await search(s, 'sapiens vivo')).map((r) => r.titleRich)).toContain('<i>Homo sapiens</i> and CO<sub>2</sub> in <i>vivo</i>: a study');
    expect((await search(s, 'CO2')).length).toBeGreaterThanOrEqual(1);
    expect((await search(s, 'Km')).map((r) => r.container)).toEqual(['Nature']);
    expect(await search(s, 'sub')).toEqual([]);
    expect(await search(s, 'sup')).toEqual([]);
  });

  it('the rich title and its plain twin from another file are one duplicate candidate', async () => {
    const groups = (await s.request('GET', '/api/reviews/1/literature/duplicates')).body as { members: { csl: { title: string } }[] }[];
    const titles = groups.map((g) => g.members.map((m) => m.csl.title).sort());
    expect(titles).toContainEqual(['<i>Homo sapiens</i> and CO<sub>2</sub> in <i>vivo</i>: a study', 'Homo sapiens and CO2 in vivo: a study']);
  });

  it('a formatted reference keeps the italics and escapes any other markup', async () => {
    const created = await s.request('POST', '/api/reviews/1/citations', {
      csl: { type: 'article-journal', title: '<i>Homo sapiens</i> in Europe <img src=x onerror=alert(1)>', author: [{ family: 'Smith', given: 'Jane' }], issued: { 'date-parts': [[2020]] }, 'container-title': 'Journal of Tests' },
    });
    expect(created.status).toBe(201);
    const f = (await s.request('GET', `/api/reviews/1/citations/${created.body.id}/formatted?style=apa`)).body;
    expect(f.html).toContain('<i>Homo sapiens</i> in Europe');
    expect(f.html).not.toContain('<img');
    expect(f.text).toContain('Homo sapiens in Europe');
  });
});
