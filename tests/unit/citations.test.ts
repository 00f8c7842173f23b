// Citations without the server: parsing one record at a time, keys, round trips through the same importer, and
// formatting checked by hand against APA 7, Cite Them Right (Harvard) and Vancouver.
import fs from 'node:fs';
import path from 'node:path';
import { Cite } from '@citation-js/core';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../server/paths.ts';
import { citationFormatter } from '../../server/services/citations.ts';
import type { CslItem, CslName } from '../../shared/csl.ts';
import { isFailure } from '../../shared/literature/types.ts';
import { baseCitekey, uniqueCitekey } from '../../shared/citations/citekey.ts';
import type { PasteFormat } from '../../shared/citations/model.ts';
import { missingFields, normalizeDoi, yearOf } from '../../shared/citations/normalize.ts';
import { createRecordParser, detectPasteFormat, splitRecords, writeBibtex, writeRis } from '../../shared/citations/parse-adapter.ts';

const FIXTURES = path.join(ROOT, 'fixtures', 'citations');
const SHARED = path.resolve(ROOT, '..', 'shared', 'data', 'bibliographies');

function parseAll(text: string, format: PasteFormat) {
  const parser = createRecordParser(format);
  const items: { n: number; item: CslItem }[] = [];
  const failures: { position: number; reason: string }[] = [];
  const take = (out: ReturnType<typeof parser.parse>) => {
    if (out === null) return;
    if (isFailure(out)) failures.push({ position: out.recordNumber, reason: out.reason });
    else items.push({ n: out.recordNumber, item: out.item });
  };
  for (const r of splitRecords(text, format)) take(parser.parse(r));
  for (const r of parser.end()) take(r);
  return { items: items.sort((a, b) => a.n - b.n).map((i) => i.item), failures };
}

const nameKey = (n: CslName): string => n.literal ?? [n['non-dropping-particle'], n.family, n.given].filter(Boolean).join(' ');
/** The fields BibTeX and RIS both carry: what a round trip must give back unchanged. */
function canonical(item: CslItem) {
  return {
    title: item.title,
    author: (item.author ?? []).map(nameKey),
    year: yearOf(item),
    container: item['container-title'],
    volume: item.volume === undefined ? undefined : String(item.volume),
    issue: item.issue === undefined ? undefined : String(item.issue),
    page: item.page,
    DOI: item.DOI,
  };
}

/** The item without the key fields the export writes (id, citation-key). */
function withoutKey(item: CslItem): Record<string, unknown> {
  return Object.fromEntries(Object.entries(item).filter(([k]) => k !== 'id' && k !== 'citation-key'));
}

function roundTrip(items: CslItem[]) {
  const keyed = items.map((csl, i) => ({ citekey: `k${i + 1}`, csl }));
  const viaBib = parseAll(writeBibtex(keyed), 'bibtex');
  const viaRis = parseAll(writeRis(keyed), 'ris');
  return { viaBib, viaRis };
}

const f = citationFormatter();
const murray: CslItem = {
  id: 'murray2010', type: 'book', title: 'The open book of social innovation',
  author: [{ family: 'Murray', given: 'Robin' }, { family: 'Caulier-Grice', given: 'Julie' }, { family: 'Mulgan', given: 'Geoff' }],
  issued: { 'date-parts': [[2010]] }, publisher: 'The Young Foundation and NESTA', 'publisher-place': 'London',
};
const designCouncil: CslItem = { id: 'designcouncil2019', type: 'report', author: [{ literal: 'Design Council' }], issued: { 'date-parts': [[2019]] }, title: 'Framework for innovation' };
const mulganLeadbeater: CslItem = {
  id: 'mulgan2013', type: 'report', title: 'Systems innovation: discussion paper', publisher: 'Nesta', 'publisher-place': 'London',
  author: [{ family: 'Mulgan', given: 'Geoff' }, { family: 'Leadbeater', given: 'Charlie' }], issued: { 'date-parts': [[2013]] },
};
const article: CslItem = {
  id: 'moullin2019', type: 'article-journal', title: 'Systematic review of the EPIS framework', 'container-title': 'Implementation Science',
  author: [{ family: 'Moullin', given: 'Joanna C.' }, { family: 'Aarons', given: 'Gregory A.' }], issued: { 'date-parts': [[2019]] },
  volume: '14', issue: '1', page: '1-16', DOI: '10.1186/s13012-018-0842-6',
};

describe('formatting (strings checked by hand against each style guide)', () => {
  it('writes the in-text forms the review prints', () => {
    expect(f.inText(murray, 'apa')).toBe('(Murray et al., 2010)');
    expect(f.inText(designCouncil, 'apa')).toBe('(Design Council, 2019)');
    expect(f.inText(designCouncil, 'harvard')).toBe('(Design Council, 2019)');
    expect(f.inText(mulganLeadbeater, 'harvard')).toBe('(Mulgan and Leadbeater, 2013)');
    expect(f.inText(murray, 'apa', '12')).toBe('(Murray et al., 2010, p. 12)');
  });

  it('formats a book in APA 7, Harvard and Vancouver', () => {
    expect(f.entry(murray, 'apa').text).toBe('Murray, R., Caulier-Grice, J., & Mulgan, G. (2010). The open book of social innovation. The Young Foundation and NESTA.');
    expect(f.entry(murray, 'apa').html).toContain('<i>The open book of social innovation</i>');
    expect(f.entry(murray, 'harvard').text).toBe('Murray, R., Caulier-Grice, J. and Mulgan, G. (2010) The open book of social innovation. London: The Young Foundation and NESTA.');
    expect(f.entry(murray, 'vancouver').text).toBe('1. Murray R, Caulier-Grice J, Mulgan G. The open book of social innovation. London: The Young Foundation and NESTA; 2010.');
  });

  it('formats a journal article in APA 7 and Vancouver', () => {
    expect(f.entry(article, 'apa').text).toBe('Moullin, J. C., & Aarons, G. A. (2019). Systematic review of the EPIS framework. Implementation Science, 14(1), 1–16. https://doi.org/10.1186/s13012-018-0842-6');
    expect(f.entry(article, 'vancouver').text).toBe('1. Moullin JC, Aarons GA. Systematic review of the EPIS framework. Implementation Science. 2019;14(1):1–16. doi:10.1186/s13012-018-0842-6');
  });

  it('sorts a bibliography by author in APA and keeps citation order in Vancouver', () => {
    const items = [murray, designCouncil, article];
    expect(f.bibliography(items, 'apa').map((e) => e.id)).toEqual(['designcouncil2019', 'moullin2019', 'murray2010']);
    expect(f.bibliography(items, 'vancouver').map((e) => e.id)).toEqual(['murray2010', 'designcouncil2019', 'moullin2019']);
  });

  it('derives the text form from the HTML exactly as citeproc writes text (so it formats once, not twice)', () => {
    const { items } = parseAll(fs.readFileSync(path.join(FIXTURES, 'deep_review_manual_references.json'), 'utf8'), 'csl-json');
    const ris = parseAll(fs.readFileSync(path.join(FIXTURES, 'asreview_web_of_science.txt'), 'utf8'), 'ris').items;
    const all = [...items, ...ris.map((r, i) => ({ ...r, id: `wos${i}` })), murray, designCouncil, article];
    const setup = { apa: ['workbench-apa', 'en-US'], harvard: ['workbench-harvard-cite-them-right', 'en-GB'], vancouver: ['workbench-vancouver', 'en-US'] } as const;
    for (const style of ['apa', 'harvard', 'vancouver'] as const) {
      const [template, lang] = setup[style];
      const expected = new Cite(all).format('bibliography', { template, lang, format: 'text', asEntryArray: true })
        .map(([id, text]) => [id, text.replace(/\s+/g, ' ').trim()]);
      expect(f.bibliography(all, style).map((e) => [e.id, e.text])).toEqual(expected);
    }
  });

  it('escapes markup in a title instead of emitting it', () => {
    const html = f.entry({ ...article, title: 'Evil <img src=x onerror=alert(1)> title' }, 'apa').html;
    expect(html).not.toContain('<img');
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;');
  });
});

describe('keys', () => {
  it('derives stable keys and suffixes clashes a, b, …', () => {
    expect(baseCitekey(murray)).toBe('murray2010');
    expect(baseCitekey(designCouncil)).toBe('designcouncil2019');
    expect(baseCitekey({ id: 'x', type: 'book', author: [{ family: 'Öztürk', given: 'A' }] })).toBe('ozturknd');
    const taken = new Set(['murray2010', 'murray2010a']);
    expect(uniqueCitekey('murray2010', (k) => taken.has(k))).toBe('murray2010b');
  });
});

describe('pasting', () => {
  it('detects the format and normalises DOIs', () => {
    expect(detectPasteFormat('@article{a, title={x}}')).toBe('bibtex');
    expect(detectPasteFormat('TY  - JOUR\nER  - ')).toBe('ris');
    expect(detectPasteFormat('[{"type":"book"}]')).toBe('csl-json');
    expect(detectPasteFormat('https://doi.org/10.1093/bjsw/bcac183')).toBe('doi');
    expect(detectPasteFormat('just words')).toBeUndefined();
    expect(normalizeDoi('http://dx.doi.org/10.1002/cpp.2398')).toBe('10.1002/cpp.2398');
  });

  it('parses each record on its own and names the position and reason of each bad one', () => {
    const text = '@article{good1, title={One}, author={Smith, Ann}, year={2001}, journal={J}}\n@article{bad, title=}\n@book{good2, title={Two}, author={Jones, Bo}, year={2002}, publisher={P}}';
    const { items, failures } = parseAll(text, 'bibtex');
    expect(items.map((i) => i.title)).toEqual(['One', 'Two']);
    expect(failures).toHaveLength(1);
    expect(failures[0]?.position).toBe(2);
    expect(failures[0]?.reason).toBe('field "title" has no value');
  });

  it('keeps the year when a RIS DA line holds only a month, and survives repeated DO lines', () => {
    const wos = parseAll(fs.readFileSync(path.join(FIXTURES, 'asreview_web_of_science.txt'), 'utf8'), 'ris');
    expect(wos.failures).toEqual([]);
    expect(wos.items).toHaveLength(10);
    expect(wos.items.every((i) => yearOf(i) !== undefined)).toBe(true);
    const ovid = parseAll(fs.readFileSync(path.join(FIXTURES, 'asreview_ovid_psycinfo.ris'), 'utf8'), 'ris');
    expect(ovid.failures).toEqual([]);
    expect(ovid.items).toHaveLength(6);
    expect(ovid.items[0]?.DOI).toBe('10.1002/cpp.2398');
    expect(ovid.items.every((i) => yearOf(i) === 2019 || yearOf(i) === 2020)).toBe(true);
  });

  it('splits Embase names without a comma into family and initials', () => {
    const { items } = parseAll(fs.readFileSync(path.join(FIXTURES, 'asreview_embase.ris'), 'utf8'), 'ris');
    expect(items[0]?.author?.[0]).toEqual({ family: 'Liu', given: 'R.' });
  });

  it('judges completeness by type', () => {
    expect(missingFields(murray)).toEqual([]);
    expect(missingFields({ id: 'x', type: 'article-journal', DOI: '10.1/x' })).toEqual(['author', 'title', 'year', 'container-title']);
  });
});

describe('round trips: exported BibTeX and RIS import back through the same importer', () => {
  /** `whole`: every CSL field must come back, not only the reference fields (true for files that were RIS or BibTeX). */
  const check = (items: CslItem[], whole = false) => {
    const { viaBib, viaRis } = roundTrip(items);
    expect(viaBib.failures).toEqual([]);
    expect(viaRis.failures).toEqual([]);
    expect(viaBib.items.map(canonical)).toEqual(items.map(canonical));
    expect(viaRis.items.map(canonical)).toEqual(items.map(canonical));
    if (whole) {
      expect(viaBib.items.map(withoutKey)).toEqual(items.map(withoutKey));
      expect(viaRis.items.map(withoutKey)).toEqual(items.map(withoutKey));
    }
  };

  it('for hand-made references with organisations, particles and TeX-special characters', () => {
    check([murray, designCouncil, article, {
      id: 'x', type: 'article-journal', title: 'Costs & benefits: 50% of {braces} and $ signs', 'container-title': 'J',
      author: [{ family: 'Vicente', given: 'Ana', 'non-dropping-particle': 'de' }], issued: { 'date-parts': [[1999, 8]] },
    }]);
  });

  for (const file of ['asreview_embase.ris', 'asreview_ovid_psycinfo.ris', 'asreview_web_of_science.txt']) {
    it(`for fixtures/citations/${file}`, () => {
      const { items, failures } = parseAll(fs.readFileSync(path.join(FIXTURES, file), 'utf8'), 'ris');
      expect(failures).toEqual([]);
      check(items, true);
    });
  }

  it('for fixtures/citations/deep_review_manual_references.json (CSL-JSON)', () => {
    const { items, failures } = parseAll(fs.readFileSync(path.join(FIXTURES, 'deep_review_manual_references.json'), 'utf8'), 'csl-json');
    expect(failures).toEqual([]);
    expect(items).toHaveLength(36);
    check(items);
  });

  const corpus = ['bibtex/asysd_zotero_export.bib', 'bibtex/synthesisr_scopus.bib', 'bibtex/bbt_crossref.bib', 'bibtex/bbt_endnote_no_citekey.bib', 'ris/synthesisr_ovid_cab.ris', 'ris/asreview_pubmed_endnote.txt'];
  describe.runIf(fs.existsSync(SHARED))('on the shared corpus (GPL-3 and unchecked files, read in place)', () => {
    for (const file of corpus) {
      it(file, () => {
        const text = fs.readFileSync(path.join(SHARED, file), 'utf8');
        const { items, failures } = parseAll(text, file.startsWith('bibtex') ? 'bibtex' : 'ris');
        expect(failures).toEqual([]);
        expect(items.length).toBeGreaterThan(0);
        check(items, true);
      });
    }
  });
});
