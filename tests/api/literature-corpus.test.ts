// Every real export in ../shared/data/bibliographies (when present) imports through the API with its known record
// count and no record lost; the counts come from SOURCES.md and, for the WoS chunks, from counting ER lines by hand.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';

const SAMPLES = path.resolve(__dirname, '../../../shared/data/bibliographies');

const EXPECTED: [string, string, number][] = [
  ['ris/asreview_embase.ris', 'ris', 6],
  ['ris/asreview_ovid_psycinfo.ris', 'ris', 6],
  ['ris/asreview_pubmed_endnote.txt', 'ris', 6],
  ['ris/asreview_web_of_science.txt', 'ris', 10],
  ['ris/asreview_baseline_crlf_bom.ris', 'ris', 100],
  ['ris/asysd_zotero_export.ris', 'ris', 1000],
  ['ris/synthesisr_ovid_cab.ris', 'ris', 4],
  ['ris/citesource_tiab.ris', 'ris', 1573],
  ['bibtex/asysd_zotero_export.bib', 'bibtex', 1000],
  ['bibtex/synthesisr_scopus.bib', 'bibtex', 3],
  ['bibtex/bbt_crossref.bib', 'bibtex', 2],
  ['bibtex/bbt_endnote_no_citekey.bib', 'bibtex', 1],
  ['csl-json/deep_review_manual_references.json', 'csl-json', 36],
  ['endnote-xml/asysd_zotero_export_endnote.xml', 'endnote-xml', 1233],
  ['medline/synthesisr_pubmed_medline.txt', 'medline', 3],
  ['large/citesource_wos_benchmark/Search1_1.ris', 'ris', 978],
  ['large/citesource_wos_benchmark/Search2_1.ris', 'ris', 1000],
  ['large/citesource_wos_benchmark/Search2_4.ris', 'ris', 15],
];

describe.runIf(fs.existsSync(SAMPLES))('importing the real sample exports', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(async () => {
    await s.close();
  });

  it.each(EXPECTED)('%s imports as %s with %i records and none lost', async (file, format, count) => {
    const res = await fetch(`${s.url}/api/reviews/1/literature/imports?fileName=${encodeURIComponent(path.basename(file))}`, {
      method: 'POST', headers: { 'content-type': 'application/octet-stream', 'x-workbench-request': '1' }, body: new Uint8Array(fs.readFileSync(path.join(SAMPLES, file))),
    });
    expect(res.status).toBe(202);
    let p = (await res.json()) as { batchId: number; state: string; format: string; records: number; imported: number; failed: unknown[]; error: string | null };
    for (let i = 0; i < 600 && p.state === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      p = (await s.request('GET', `/api/reviews/1/literature/imports/${p.batchId}`)).body;
    }
    expect(p.error).toBeNull();
    expect({ state: p.state, format: p.format, records: p.records, imported: p.imported, failed: p.failed }).toEqual({ state: 'complete', format, records: count, imported: count, failed: [] });
    const page = await s.request('GET', `/api/reviews/1/literature/items?batch=${p.batchId}&limit=500`);
    expect(page.body.items.length).toBe(Math.min(500, count));
    // every stored item keeps its raw record, file name and 1-based record number
    const first = await s.request('GET', `/api/reviews/1/literature/items/${page.body.items[0].id}`);
    expect(first.body.sources[0].fileName).toBe(path.basename(file));
    expect(first.body.sources[0].recordNumber).toBeGreaterThanOrEqual(1);
    expect(first.body.sources[0].recordNumber).toBeLessThanOrEqual(count);
    expect(first.body.sources[0].raw.length).toBeGreaterThan(20);
  }, 120_000);
});
