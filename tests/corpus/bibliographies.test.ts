// Every real export in ../shared/data/bibliographies/ (beside the checkout; CI has it): nothing lost, years and
// first authors plausible, hand-checked fields for the GPL and unchecked samples that may not be copied into
// fixtures/, and the Zotero twins (the same 1000 records as RIS and as BibTeX) compared field by field.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../server/services/decode.ts';
import { parseText, type ParseResult } from '../../shared/literature/parse/index.ts';
import { createMarkerCounter } from '../../shared/literature/parse/markers.ts';
import type { CslItem } from '../../shared/csl.ts';
import { hasMarkup, plainOf } from '../../shared/literature/rich-text.ts';
import { repoRoot } from '../unit/literature/support.ts';

const dir = path.resolve(repoRoot, '../shared/data/bibliographies');

function files(d: string): string[] {
  return fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(d, e.name);
    if (e.isDirectory()) return files(p);
    return /^(SOURCES\.md|SHA256SUMS)$/.test(e.name) ? [] : [p];
  });
}

// Expected record counts, each verified outside the parser: RIS by `grep -c '^ER  -'` (matches SOURCES.md),
// MEDLINE by `grep -c '^PMID-'`, EndNote XML by `grep -o '<record>' | wc -l`, BibTeX by counting entries by eye and
// `grep -c '^@'` (the EndNote .bib is tab-indented, so 0 there, 1 by eye), CSV by Python's csv module (1845, as
// SOURCES.md says), CSL-JSON by `len(json.load(f))`.
const EXPECTED: Record<string, number> = {
  'bibtex/asysd_zotero_export.bib': 1000,
  'bibtex/bbt_crossref.bib': 2,
  'bibtex/bbt_endnote_no_citekey.bib': 1,
  'bibtex/synthesisr_scopus.bib': 3,
  'csl-json/deep_review_manual_references.json': 36,
  'endnote-xml/asysd_zotero_export_endnote.xml': 1233,
  'labelled/asysd_labelled_test_set.csv': 1845,
  'large/citesource_wos_benchmark/Search1_1.ris': 978,
  'large/citesource_wos_benchmark/Search2_1.ris': 1000,
  'large/citesource_wos_benchmark/Search2_2.ris': 1000,
  'large/citesource_wos_benchmark/Search2_3.ris': 1000,
  'large/citesource_wos_benchmark/Search2_4.ris': 15,
  'medline/synthesisr_pubmed_medline.txt': 3,
  'ris/asreview_baseline_crlf_bom.ris': 100,
  'ris/asreview_embase.ris': 6,
  'ris/asreview_ovid_psycinfo.ris': 6,
  'ris/asreview_pubmed_endnote.txt': 6,
  'ris/asreview_web_of_science.txt': 10,
  'ris/asysd_zotero_export.ris': 1000,
  'ris/citesource_tiab.ris': 1573,
  'ris/synthesisr_ovid_cab.ris': 4,
};

const cache = new Map<string, ParseResult>();
function parse(rel: string): ParseResult {
  let r = cache.get(rel);
  if (!r) {
    const { text } = decodeBytes(fs.readFileSync(path.join(dir, rel)));
    r = parseText(text, undefined, path.basename(rel));
    cache.set(rel, r);
  }
  return r;
}
const item = (rel: string, n: number): CslItem => {
  const r = parse(rel).records.find((x) => x.recordNumber === n);
  if (!r) throw new Error(`${rel}: record ${n} missing`);
  return r.item;
};
const yearOf = (i: CslItem): number | undefined => {
  const y = i.issued?.['date-parts']?.[0]?.[0];
  return typeof y === 'number' ? y : undefined;
};

describe.runIf(fs.existsSync(dir))('corpus: ../shared/data/bibliographies', () => {
  it('every file is accounted for, and each imports with zero lost records', () => {
    const all = files(dir).map((f) => path.relative(dir, f).split(path.sep).join('/'));
    expect(all.sort()).toEqual(Object.keys(EXPECTED).sort());
    const report: string[] = [];
    for (const rel of all) {
      const r = parse(rel);
      const reasons = r.failures.map((f) => `#${f.recordNumber}: ${f.reason}`);
      report.push(`${rel}: ${r.format}, records ${EXPECTED[rel]}, parsed ${r.records.length}, failed ${r.failures.length}${reasons.length ? ` (${reasons.join('; ')})` : ''}`);
      expect(r.records.length + r.failures.length, rel).toBe(EXPECTED[rel]);
      expect(r.failures, rel).toEqual([]);
      expect(new Set(r.records.map((x) => x.recordNumber)).size, rel).toBe(r.records.length);
    }
    console.log(report.join('\n'));
  });

  it('the record markers each file announces match what comes out: nothing lost, no false alarm', () => {
    for (const rel of Object.keys(EXPECTED)) {
      const r = parse(rel);
      const counter = createMarkerCounter(r.format);
      counter.push(decodeBytes(fs.readFileSync(path.join(dir, rel))).text);
      const announced = counter.end();
      // CSV and CSL-JSON have no record markers to count
      if (announced) expect(announced.count, `${rel} (${announced.name})`).toBe(r.records.length + r.failures.length);
      else expect(['csv', 'csl-json'], rel).toContain(r.format);
    }
  });

  it('years and first authors are plausible everywhere', () => {
    for (const rel of Object.keys(EXPECTED)) {
      const r = parse(rel);
      let withYear = 0;
      for (const { item: i, recordNumber } of r.records) {
        const y = yearOf(i);
        if (y !== undefined) {
          withYear++;
          expect(y, `${rel} #${recordNumber}`).toBeGreaterThanOrEqual(1800); // the XML has a real 1818 paper
          expect(y, `${rel} #${recordNumber}`).toBeLessThanOrEqual(2026);
        }
        const first = i.author?.[0];
        if (first) {
          const name = first.family ?? first.literal ?? '';
          expect(name, `${rel} #${recordNumber}`).toMatch(/^\S.{0,60}$/u);
          expect(name, `${rel} #${recordNumber}`).not.toMatch(/\d|[{}\\<>;]/);
        }
      }
      // A handful of records in the samples have no year in the source (early access, undated web pages).
      expect(withYear / r.records.length, rel).toBeGreaterThanOrEqual(0.97);
    }
  });

  it('the PubMed-via-EndNote and WoS RIS files keep PY years despite month-only DA lines', () => {
    // the PY lines, read with `grep ^PY`
    expect(parse('ris/asreview_pubmed_endnote.txt').records.map((r) => yearOf(r.item))).toEqual([2011, 2018, 2017, 2016, 2014, 2017]);
    expect(parse('ris/asreview_web_of_science.txt').records.map((r) => yearOf(r.item))).toEqual([2018, 2016, 2019, 2021, 2018, 2023, 2021, 1997, 2019, 2014]);
    expect(parse('ris/citesource_tiab.ris').records.filter((r) => yearOf(r.item) === undefined)).toHaveLength(10);
  });

  it('EPPI RIS: <i> in titles is kept as CSL rich text; other HTML and TeX markup leave no trace', () => {
    const rel = 'ris/citesource_tiab.ris';
    expect(item(rel, 505).title).toBe("“Then it's clear who owns the trees?”: Common property and private control in the social forest in a Zimbabwean resettlement area");
    // case is data and so is the italic species name: both as EPPI wrote them
    expect(item(rel, 675).title).toBe('USE, CONTROL AND VALUE OF CRAFT MATERIAL— <i>CYPERUS TEXTILIS</i> : PERSPECTIVES FROM A MPONDO VILLAGE, SOUTH AFRICA');
    expect(item(rel, 1)).toMatchObject({ type: 'chapter', title: 'Cost-benefit analysis', page: 'x + 497 pp.', ISBN: '0-521-46674-1, 0-521-46128-6' });
    // `grep -c '^TI  - .*<i>'`: four titles carry italics
    expect(parse(rel).records.filter((r) => hasMarkup(r.item.title ?? ''))).toHaveLength(4);
    for (const r of parse(rel).records) expect(plainOf(r.item.title ?? '')).not.toMatch(/<\/?[a-z]+\s*\/?>|&[a-z]+;|``|\{|\\/i);
  });

  it('Ovid CAB RIS: Y1 2020// gives 2020, DO loses its resolver', () => {
    expect(item('ris/synthesisr_ovid_cab.ris', 1)).toMatchObject({
      title: 'Detection of retention trees on clearcuts, a 50-year perspective.',
      author: [{ family: 'Holmstrom', given: 'E.' }, { family: 'Nordstrom', given: 'E.' }, { family: 'Lariviere', given: 'D.' }, { family: 'Wallin', given: 'I.' }],
      issued: { 'date-parts': [[2020]] },
      DOI: '10.4236/ojf.2020.101008',
      'container-title': 'Open Journal of Forestry',
    });
  });

  it('WoS RIS chunks with two DO lines per book chapter import whole', () => {
    const twoDo = parse('large/citesource_wos_benchmark/Search1_1.ris').records.filter((r) => (r.raw.match(/^DO {2}- /gm) ?? []).length === 2);
    expect(twoDo.length).toBeGreaterThan(0);
    for (const r of twoDo) expect(r.item.DOI).toMatch(/^10\./);
    expect(item('large/citesource_wos_benchmark/Search1_1.ris', 1)).toMatchObject({
      title: 'Ecosystem engineers drive creek formation in salt marshes',
      author: [{ family: 'Vu', given: 'HD' }, { family: 'Wieski', given: 'K' }, { family: 'Pennings', given: 'SC' }],
      'container-title': 'ECOLOGY', // as WoS wrote it: case is data
      issued: { 'date-parts': [[2017, 1]] },
      page: '162-174',
      DOI: '10.1002/ecy.1628',
    });
  });

  it('BibTeX: Scopus field names with spaces, EndNote without a key, crossref inheritance', () => {
    expect(item('bibtex/synthesisr_scopus.bib', 1)).toMatchObject({
      'citation-key': 'Li2020',
      title: 'Soil fauna diversity at different stages of reed restoration in a lakeshore wetland at Lake Taihu, China',
      'container-title': 'Ecosystem Health and Sustainability',
      issued: { 'date-parts': [[2020]] },
      DOI: '10.1080/20964129.2020.1722034',
      page: '1722034',
    });
    expect(item('bibtex/bbt_endnote_no_citekey.bib', 1)).toMatchObject({
      title: 'Alzheimer mechanisms and therapeutic strategies',
      author: [{ family: 'Huang', given: 'Y.' }, { family: 'Mucke', given: 'L.' }],
      'container-title': 'Cell',
      issued: { 'date-parts': [[2012]] },
      volume: '148',
      issue: '6',
      page: '1204-22',
    });
    expect(item('bibtex/bbt_crossref.bib', 1)).toMatchObject({
      type: 'chapter',
      title: 'Lebanon',
      'container-title': 'Global Civil Society: Dimensions of the Nonprofit Sector',
      publisher: 'Kumarian Press',
      issued: { 'date-parts': [[2004]] },
      page: '227-32',
    });
  });

  it('MEDLINE: FAU names, [doi] LIDs, DP dates', () => {
    expect(item('medline/synthesisr_pubmed_medline.txt', 1)).toMatchObject({
      id: 'pmid:28441597',
      author: [{ family: 'Neilen', given: 'Amanda D' }, { family: 'Chen', given: 'Chengrong R' }, { family: 'Parker', given: 'Brett M' }, { family: 'Faggotter', given: 'Stephen J' }, { family: 'Burford', given: 'Michele A' }],
      issued: { 'date-parts': [[2017, 11, 15]] },
      DOI: '10.1016/j.scitotenv.2017.04.075',
      volume: '598',
      page: '188-197',
    });
  });

  it('ASySD labelled CSV (Windows-1252): glued author lists are split', () => {
    expect(item('labelled/asysd_labelled_test_set.csv', 1)).toMatchObject({
      title: 'Intestinal lipoprotein overproduction in insulin-resistant states',
      author: [{ family: 'Adeli', given: 'K.' }, { family: 'Lewis', given: 'G. F.' }],
      issued: { 'date-parts': [[2008]] },
      'container-title': 'Curr Opin Lipidol',
    });
    const text = parse('labelled/asysd_labelled_test_set.csv').records.map((r) => r.item.abstract ?? '').join(' ');
    expect(text).toContain('©');
    expect(text).not.toContain('\uFFFD');
  });

  describe('the Zotero twins: asysd_zotero_export.ris and .bib hold the same 1000 records', () => {
    const FIELDS = ['title', 'author', 'container-title', 'volume', 'issue', 'page', 'DOI', 'abstract', 'language', 'type'] as const;
    // Zotero's BibTeX export joins keywords with ", " (so "Disease Models, Animal" splits) and drops the day.
    const kwSet = (i: CslItem): string[] => [...new Set((i.keyword ?? '').split(/[;,]\s*/).filter(Boolean).map((k) => k.toLowerCase()))].sort();
    const yearMonth = (i: CslItem): number[] | undefined => (i.issued?.['date-parts']?.[0] as number[] | undefined)?.slice(0, 2);
    // Zotero wrote a different field into BibTeX's booktitle than into RIS T2 for these three conference papers
    // (read by hand: RIS T2 "PROCEEDINGS OF THE ELEVENTH ANNUAL…", BibTeX booktitle "University of {Minnesota} {System}").
    const CONTAINER_DIFFERS_IN_SOURCE = [394, 663, 695];
    // Zotero's BibTeX leaves a literal "--" in these abstracts unescaped ("DRB1*015:01--DQA1", "22286 --{\textgreater}A");
    // TeX reads it as an en dash, RIS as two hyphens (found by `grep -n -- '--'` on the .bib, pages left out).
    const DASH_IN_BIBTEX_PROSE = [226, 661];

    it('agree field by field', () => {
      const ris = parse('ris/asysd_zotero_export.ris').records;
      const bib = parse('bibtex/asysd_zotero_export.bib').records;
      expect(ris).toHaveLength(1000);
      expect(bib).toHaveLength(1000);
      const diffs: string[] = [];
      ris.forEach((r, i) => {
        const b = bib[i] as (typeof bib)[number];
        expect(b.recordNumber).toBe(r.recordNumber);
        for (const f of FIELDS) {
          if (f === 'container-title' && CONTAINER_DIFFERS_IN_SOURCE.includes(r.recordNumber)) continue;
          if (f === 'abstract' && DASH_IN_BIBTEX_PROSE.includes(r.recordNumber)) {
            expect(b.item.abstract).toBe(r.item.abstract?.replace(/--/g, '–'));
            continue;
          }
          if (JSON.stringify(r.item[f]) !== JSON.stringify(b.item[f])) diffs.push(`#${r.recordNumber} ${f}`);
        }
        if (JSON.stringify(yearMonth(r.item)) !== JSON.stringify(yearMonth(b.item))) diffs.push(`#${r.recordNumber} issued`);
        if (JSON.stringify(kwSet(r.item)) !== JSON.stringify(kwSet(b.item))) diffs.push(`#${r.recordNumber} keyword`);
      });
      expect(diffs).toEqual([]);
      for (const n of CONTAINER_DIFFERS_IN_SOURCE) expect(item('ris/asysd_zotero_export.ris', n).type).toBe('paper-conference');
    });

    it('particles: "de Vicente" is particle + family in both', () => {
      const hit = parse('ris/asysd_zotero_export.ris').records.find((r) => r.item.author?.some((a) => a.family === 'Vicente'));
      expect(hit?.item.author?.find((a) => a.family === 'Vicente')?.['non-dropping-particle']).toBe('de');
    });

    it('the EndNote XML export (PubMed metadata, so names and journals are written differently) agrees on DOI and year', () => {
      const ris = parse('ris/asysd_zotero_export.ris').records.map((r) => r.item);
      const byDoi = new Map(ris.filter((i) => i.DOI).map((i) => [i.DOI?.toLowerCase(), i]));
      let matched = 0;
      const yearDiffs: string[] = [];
      for (const { item: x } of parse('endnote-xml/asysd_zotero_export_endnote.xml').records) {
        const r = x.DOI ? byDoi.get(x.DOI.toLowerCase()) : undefined;
        if (!r) continue;
        matched++;
        if (yearOf(r) !== undefined && yearOf(r) !== yearOf(x)) yearDiffs.push(x.DOI as string);
      }
      // 576 of the XML's DOIs are in the RIS file (checked with a join on lower-cased DOIs).
      expect(matched).toBe(576);
      expect(yearDiffs).toEqual([]);
    });
  });
});
