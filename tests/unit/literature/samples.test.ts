// Every permissively licensed sample (fixtures/literature) imports completely, with fields checked by hand against
// the file. Record counts were verified independently: `grep -c '^ER  -' FILE` for RIS (the first TY sits behind a
// BOM in two files, so ER is the reliable count) and the counts in ../shared/data/bibliographies/SOURCES.md;
// for the CSL-JSON file, `python3 -c "import json; print(len(json.load(open(F))))"` → 36.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../../server/services/decode.ts';
import { createParser, createSplitter } from '../../../shared/literature/parse/index.ts';
import type { ParsedRecord, RawRecord, RecordFailure } from '../../../shared/literature/types.ts';
import { fixture, parseFile, record, year } from './support.ts';

describe('record counts of the fixtures', () => {
  it.each([
    ['asreview_embase.ris', 'ris', 6],
    ['asreview_ovid_psycinfo.ris', 'ris', 6],
    ['asreview_pubmed_endnote.txt', 'ris', 6],
    ['asreview_web_of_science.txt', 'ris', 10],
    ['asreview_baseline_crlf_bom.ris', 'ris', 100],
    ['deep_review_manual_references.json', 'csl-json', 36],
  ] as const)('%s is detected as %s and yields %i records, none failed', (file, format, n) => {
    const r = parseFile(fixture(file));
    expect(r.format).toBe(format);
    expect(r.failures).toEqual([]);
    expect(r.records).toHaveLength(n);
    expect(r.records.map((x) => x.recordNumber)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    for (const x of r.records) expect(x.raw.length).toBeGreaterThan(0);
  });
});

describe('Embase RIS (BOM, "Liu R." names, duplicated SN)', () => {
  const r = parseFile(fixture('asreview_embase.ris'));
  it('record 1 as in the file', () => {
    const { item, raw } = record(r, 1);
    expect(raw.startsWith('TY  - JOUR')).toBe(true);
    expect(raw.endsWith('ER  -')).toBe(true);
    expect(item.title).toBe('Duplication cysts: Diagnosis, management, and the role of endoscopic ultrasound');
    expect(item.author).toEqual([
      { family: 'Liu', given: 'R.' },
      { family: 'Adler', given: 'D.G.' },
    ]);
    expect(item.issued).toEqual({ 'date-parts': [[2014]] });
    expect(item['container-title']).toBe('Endoscopic Ultrasound');
    expect([item.volume, item.issue, item.page]).toEqual(['3', '3', '152-160']);
    expect(item.DOI).toBe('10.4103/2303-9027.138783');
    expect(item.ISSN).toBe('2226-7190');
    expect(item.language).toBe('English');
    expect(item.type).toBe('article-journal');
  });
});

describe('Ovid PsycINFO RIS (repeated DO with resolver prefix, Y1 2019//, numbering lines)', () => {
  const r = parseFile(fixture('asreview_ovid_psycinfo.ris'));
  it('record 2 as in the file', () => {
    const { item, raw } = record(r, 2);
    expect(raw.startsWith('TY  - JOUR\n')).toBe(true);
    expect(raw).not.toContain('Link to the Ovid Full Text');
    expect(item.title).toBe('Gender differences in inflammatory bowel disease: Explaining body image dissatisfaction.');
    expect(item.author?.[0]).toEqual({ family: 'Trindade', given: 'Ines A' });
    expect(item.author).toHaveLength(4);
    expect(item.issued).toEqual({ 'date-parts': [[2019]] });
    expect(item.DOI).toBe('10.1177/1359105317742958');
    expect([item.volume, item.issue, item.page]).toEqual(['24', '7', '847-856']);
    expect(item['container-title']).toBe('Journal of Health Psychology');
    expect(item.keyword).toBe('*Body Image; *Colon Disorders; *Human Sex Differences; *Self-Concept; *Sex Roles; Symptoms');
  });
  it('"SP - No / EP - Specified" (Ovid\'s "No Pagination Specified") is no page at all', () => {
    expect(record(r, 1).item.page).toBeUndefined();
  });
});

describe('PubMed → EndNote RIS (blank first line, KW with untagged continuation lines, DA month only)', () => {
  const r = parseFile(fixture('asreview_pubmed_endnote.txt'));
  it('record 1: year from PY, month from "DA - Jun", ten keywords one per line', () => {
    const { item } = record(r, 1);
    expect(item.title).toBe('Boswellia serrata: an overall assessment of in vitro, preclinical, pharmacokinetic and clinical data');
    expect(item.issued).toEqual({ 'date-parts': [[2011, 6]] });
    expect(item.author?.[0]).toEqual({ family: 'Abdel-Tawab', given: 'M.' });
    const kws = item.keyword?.split('; ') ?? [];
    expect(kws).toHaveLength(10);
    expect(kws[0]).toBe('Animals');
    expect(kws).toContain('Disease Models, Animal');
    expect(kws[9]).toBe('Plant Extracts/adverse effects/pharmacokinetics/*pharmacology');
    expect(item.DOI).toBe('10.2165/11586800-000000000-00000');
    expect(item.language).toBe('English'); // "LA  - eng": ISO codes are stored as the English name
  });
  it('record 2: "DA - Mar 1" is 1 March of PY 2018, not the year 1', () => {
    expect(record(r, 2).item.issued).toEqual({ 'date-parts': [[2018, 3, 1]] });
  });
  it('every record keeps its PY year', () => {
    expect(r.records.every((x) => typeof year(x) === 'number' && (year(x) as number) > 1900)).toBe(true);
  });
});

describe('Web of Science RIS (DA - SEP beside PY, upper-case journals)', () => {
  const r = parseFile(fixture('asreview_web_of_science.txt'));
  it('record 1', () => {
    const { item } = record(r, 1);
    expect(item.title).toBe('Holding Yourself Captive: Perceptions of Custody During Interviews and Interrogations');
    expect(item.author?.map((a) => a.family)).toEqual(['Alceste', 'Luke', 'Kassin']);
    expect(item.issued).toEqual({ 'date-parts': [[2018, 9]] });
    expect(item['container-title']).toBe('JOURNAL OF APPLIED RESEARCH IN MEMORY AND COGNITION');
    expect(item.DOI).toBe('10.1016/j.jarmac.2018.03.001');
    expect(item.ISSN).toBe('2211-3681, 2211-369X');
  });
  it('record 4 (PU/PI are WoS\'s publisher and place tags)', () => {
    const { item } = record(r, 4);
    expect(item.author?.[0]).toEqual({ family: 'Brimbal', given: 'L' });
    expect(item.author).toHaveLength(9);
    expect(item.issued).toEqual({ 'date-parts': [[2021, 2]] });
    expect(item['container-title']).toBe('LAW AND HUMAN BEHAVIOR');
    expect([item.volume, item.issue, item.page, item.DOI]).toEqual(['45', '1', '55-67', '10.1037/lhb0000437']);
    expect(item.publisher).toBe('EDUCATIONAL PUBLISHING FOUNDATION-AMERICAN PSYCHOLOGICAL ASSOC');
    expect(item['publisher-place']).toBe('WASHINGTON');
  });
  it('all ten keep their year', () => {
    expect(r.records.map(year).every((y) => typeof y === 'number')).toBe(true);
  });
});

describe('Lens/Zotero-style RIS with BOM and CRLF', () => {
  const r = parseFile(fixture('asreview_baseline_crlf_bom.ris'));
  it('record 1', () => {
    const { item, raw } = record(r, 1);
    expect(raw.startsWith('TY  - JOUR\r\n')).toBe(true);
    expect(item.title?.startsWith('The Value of Radiologic Interventions and 18 F-DOPA PET in Diagnosing')).toBe(true);
    expect(item.author?.[0]).toEqual({ family: 'Blomberg', given: 'Björn A.' });
    expect(item.issued).toEqual({ 'date-parts': [[2012, 7, 3]] });
    expect(item['container-title']).toBe('Molecular imaging and biology');
    expect([item.volume, item.issue, item.page]).toEqual(['15', '1', '97-105']);
    expect(item.publisher).toBe('Springer New York');
    expect(item['publisher-place']).toBe('Netherlands');
    expect(item.ISSN).toBe('18602002, 15361632');
    expect(item.abstract).not.toMatch(/\r|\n/);
  });
});

describe('CSL-JSON (deep-review manual references)', () => {
  const r = parseFile(fixture('deep_review_manual_references.json'));
  it('record 1: string date-parts become numbers; names kept as given', () => {
    const { item } = record(r, 1);
    expect(item.id).toBe('url:http://www.bioinf.at/publications/2014/NIPS2014a.pdf');
    expect(item.title).toBe('Deep learning as an opportunity in virtual screening');
    expect(item.issued).toEqual({ 'date-parts': [[2014]] });
    expect(item.author?.[2]).toEqual({ family: 'Klambauer', given: 'Günter' });
    expect(item.URL).toBe('http://www.dlworkshop.org/23.pdf?attredirects=0');
    // fields the importer does not manage are kept as they were
    expect(item.accessed).toEqual({ 'date-parts': [['2017', 5, 19]] });
  });
  it('the seven items without authors still import (13th, 14th, 15th, 17th, 18th, 19th, 21st)', () => {
    const noAuthor = r.records.filter((x) => !x.item.author).map((x) => x.recordNumber);
    expect(noAuthor).toEqual([13, 14, 15, 17, 18, 19, 21]);
  });
});

describe('streaming the real files in small chunks gives the same records as the whole text', () => {
  it.each([3, 61, 1000])('chunks of %i characters', (size) => {
    for (const file of ['asreview_baseline_crlf_bom.ris', 'asreview_pubmed_endnote.txt', 'asreview_ovid_psycinfo.ris', 'deep_review_manual_references.json']) {
      const whole = parseFile(fixture(file));
      const { text } = decodeBytes(fs.readFileSync(fixture(file)));
      const splitter = createSplitter(whole.format);
      const parser = createParser(whole.format);
      const got: (ParsedRecord | RecordFailure)[] = [];
      const take = (raws: RawRecord[]): void => {
        for (const raw of raws) {
          const r = parser.parse(raw);
          if (r) got.push(r);
        }
      };
      for (let i = 0; i < text.length; i += size) take(splitter.push(text.slice(i, i + size)));
      take(splitter.end());
      expect(got, `${file} in chunks of ${size}`).toEqual(whole.records);
    }
  });
});
