// RIS as its dialects write it: authors under A1 and AU, the other creator roles, the DA/PY date rule (on small
// records written for each dialect, then on every RIS export in ../shared/data), every reference type of the RIS
// specification, and records with a container but no title.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../../server/services/decode.ts';
import { parseText } from '../../../shared/literature/parse/index.ts';
import { RIS_TYPES } from '../../../shared/literature/parse/ris.ts';
import type { ParsedRecord } from '../../../shared/literature/types.ts';
import { repoRoot } from './support.ts';

const ris = (...records: string[]): string => records.map((r) => `TY  - JOUR\n${r}\nER  - \n`).join('\n');
const one = (record: string, ty = 'JOUR'): ParsedRecord => {
  const r = parseText(`TY  - ${ty}\n${record}\nER  - \n`, 'ris');
  expect(r.failures).toEqual([]);
  return r.records[0] as ParsedRecord;
};

describe('RIS creators', () => {
  it('A1 and AU are one author list in file order: a record that starts with A1 keeps its first author', () => {
    const r = one('TI  - T\nA1  - First, Anna\nAU  - Second, Ben\nAU  - Third, Cy');
    expect(r.item.author).toEqual([
      { family: 'First', given: 'Anna' },
      { family: 'Second', given: 'Ben' },
      { family: 'Third', given: 'Cy' },
    ]);
    expect(one('TI  - T\nAU  - Second, Ben\nA1  - First, Anna').item.author?.map((a) => a.family)).toEqual(['Second', 'First']);
  });

  it('WoS RIS: group authors under A1 are added, the book authors it repeats there are not doubled', () => {
    const r = one('AU  - Zhang, JF\nAU  - Rodriguez-Delgado, C\nA1  - Zhang, J\nA1  - RodriguezDelgado, C\nA1  - IEEE\nA1  - IEEE\nTI  - T', 'CPAPER');
    expect(r.item.author).toEqual([{ family: 'Zhang', given: 'JF' }, { family: 'Rodriguez-Delgado', given: 'C' }, { literal: 'IEEE' }]);
    // two people of one name and initials in one list stay two
    expect(one('TI  - T\nAU  - Wang, Y\nAU  - Wang, Y').item.author).toHaveLength(2);
  });

  it('A2 and ED are editors, A3 series (collection) editors, A4 translators, T3 the series title', () => {
    const r = one('TI  - Chapter\nAU  - Writer, W\nA2  - Editor, E\nED  - Other, O\nA3  - Series, S\nA4  - Translator, T\nT2  - The Book\nT3  - The Series', 'CHAP');
    expect(r.item).toMatchObject({
      type: 'chapter',
      author: [{ family: 'Writer', given: 'W' }],
      editor: [{ family: 'Other', given: 'O' }, { family: 'Editor', given: 'E' }],
      'collection-editor': [{ family: 'Series', given: 'S' }],
      translator: [{ family: 'Translator', given: 'T' }],
      'container-title': 'The Book',
      'collection-title': 'The Series',
    });
    // A2 on a journal article is read too (Zotero writes a journal's editors there)
    expect(one('TI  - T\nA2  - Editor, E').item.editor).toEqual([{ family: 'Editor', given: 'E' }]);
  });

  it("Zotero's whole book: editors under A3 with no A2 are the book's editors", () => {
    const book = one('TI  - An Edited Book\nA3  - Editor, E\nPY  - 2010', 'BOOK').item;
    expect(book.editor).toEqual([{ family: 'Editor', given: 'E' }]);
    expect(book['collection-editor']).toBeUndefined();
    expect(one('TI  - A Book\nA2  - Editor, E\nA3  - Series, S', 'BOOK').item['collection-editor']).toEqual([{ family: 'Series', given: 'S' }]);
  });

  it("Ovid's A2 list of cited surnames is left out with a warning; names packed in one line are still read", () => {
    const r = one('TI  - T\nA1  - Trindade, Ines A\nA2  - Andres, Bucchianeri, Buote, Byrne, Casati, Cohen, De Rooy, Duarte');
    expect(r.item.editor).toBeUndefined();
    expect(r.warnings).toContain('A2 holds a list of 8 surnames, not names; left out');
    expect(one('TI  - T\nA2  - Smith, J., Jones, K., Brown, L., Adams, M.').item.editor).toHaveLength(4);
  });
});

describe('RIS dates: the DA/PY rule, dialect by dialect', () => {
  const issued = (record: string): unknown => one(record).item.issued?.['date-parts']?.[0];

  it('Zotero (PY the year, DA the full date from the same field) and ASReview: the full date', () => {
    expect(issued('TI  - T\nPY  - 2019\nDA  - 2019/03/15/')).toEqual([2019, 3, 15]);
    expect(issued('TI  - T\nPY  - 1999\nDA  - 1999/08//undefined')).toEqual([1999, 8]);
    expect(issued('TI  - T\nPY  - 2005\nDA  - 2005///SPR')).toEqual([2005]);
    expect(issued('TI  - T\nDA  - 2019/03/02\nPY  - 2019')).toEqual([2019, 3, 2]);
  });

  it('EndNote from PubMed, WoS RIS and EPPI (DA only a month, or month and day): PY gives the year', () => {
    expect(issued('TI  - T\nPY  - 2011\nDA  - Jun')).toEqual([2011, 6]);
    expect(issued('TI  - T\nPY  - 2016\nDA  - Mar 9')).toEqual([2016, 3, 9]);
    expect(issued('TI  - T\nDA  - JUN 15\nPY  - 2018')).toEqual([2018, 6, 15]);
    expect(issued('TI  - T\nPY  - 1997\nDA  - 1997/02/01')).toEqual([1997, 2, 1]);
    expect(issued('TI  - T\nPY  - 2010\nDA  - Sep')).toEqual([2010, 9]);
  });

  it('Ovid and Embase (Y1, no PY): Y1 gives the date', () => {
    expect(issued('TI  - T\nY1  - 2019//')).toEqual([2019]);
    expect(issued('TI  - T\nY1  - 2014')).toEqual([2014]);
    expect(issued('TI  - T\nY1  - 2014/05/06/\nDA  - May')).toEqual([2014, 5, 6]);
  });

  it('a DA of another year is not the publication date: PY keeps the year, DA is kept with a warning', () => {
    const later = one('TI  - T\nPY  - 2018\nDA  - 2021/03/04/');
    expect(later.item.issued).toEqual({ 'date-parts': [[2018]] });
    expect(later.item.accessed).toEqual({ 'date-parts': [[2021, 3, 4]] });
    expect(later.warnings).toContain('DA 2021-3-4 is not the publication date (PY 2018); kept as accessed');
    const earlier = one('TI  - T\nPY  - 2019\nDA  - 2018/11/05/');
    expect(earlier.item.issued).toEqual({ 'date-parts': [[2019]] });
    expect(earlier.item['available-date']).toEqual({ 'date-parts': [[2018, 11, 5]] });
    // no PY or Y1: DA is the only date there is
    expect(issued('TI  - T\nDA  - 2020/01/02/')).toEqual([2020, 1, 2]);
  });

  it('Y2 is the access date, never the year', () => {
    const r = one('TI  - T\nPY  - 2015\nY2  - 2023/05/01/');
    expect(r.item.issued).toEqual({ 'date-parts': [[2015]] });
    expect(r.item.accessed).toEqual({ 'date-parts': [[2023, 5, 1]] });
    expect(one('TI  - Web page\nY2  - 2023/05/01/', 'ELEC').item.issued).toBeUndefined();
  });
});

// The rule, computed apart from the parser, on the real exports: every RIS dialect the corpus holds.
const corpus = path.resolve(repoRoot, '../shared/data/bibliographies');
const DIALECTS: [string, string][] = [
  ['Zotero', 'ris/asysd_zotero_export.ris'],
  ['ASReview (Zotero-style)', 'ris/asreview_baseline_crlf_bom.ris'],
  ['EndNote from PubMed', 'ris/asreview_pubmed_endnote.txt'],
  ['WoS RIS', 'ris/asreview_web_of_science.txt'],
  ['WoS RIS, 1000-record chunks', 'large/citesource_wos_benchmark/Search1_1.ris'],
  ['Ovid PsycINFO', 'ris/asreview_ovid_psycinfo.ris'],
  ['Ovid CAB', 'ris/synthesisr_ovid_cab.ris'],
  ['Embase', 'ris/asreview_embase.ris'],
  ['EPPI', 'ris/citesource_tiab.ris'],
];
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function expectedDate(raw: string): number[] | undefined {
  const tagValue = (tag: string): string | undefined => new RegExp(`^${tag} {1,2}- ?(.*?)\\s*$`, 'm').exec(raw)?.[1] || undefined;
  const yearIn = (v: string | undefined): number | undefined => (v && /^(\d{4})/.test(v) ? Number(v.slice(0, 4)) : undefined);
  const da = tagValue('DA');
  const year = yearIn(tagValue('PY')) ?? yearIn(tagValue('Y1')) ?? yearIn(da);
  if (year === undefined) return undefined;
  // "2019/03/15/", "1999/08//undefined", "2015-12-28"
  const iso = da ? /^(\d{4})[/-](\d{2})?(?:[/-](\d{2})?)?/.exec(da) : null;
  if (iso) {
    if (Number(iso[1]) !== year || !iso[2]) return [year];
    return iso[3] ? [year, Number(iso[2]), Number(iso[3])] : [year, Number(iso[2])];
  }
  // "Jun", "Mar 9", "JUN 15", "JAN-MAR" (the first month of a range), "May 2014 2014-05-02"
  const named = da ? /^([A-Za-z]{3})[a-z]*\.?(?: (\d{1,2})\b)?(?:[ -](\d{4})\b)?/.exec(da) : null;
  const month = named ? MONTHS.indexOf((named[1] as string).toLowerCase()) + 1 : 0;
  if (!named || month === 0 || (named[3] && Number(named[3]) !== year)) return [year];
  return named[2] ? [year, month, Number(named[2])] : [year, month];
}

describe.runIf(fs.existsSync(corpus))('WoS RIS authors in ../shared/data', () => {
  it('A1 group authors follow the AU authors; the A1 book authors that repeat AU ones are not doubled', () => {
    const { text } = decodeBytes(fs.readFileSync(path.join(corpus, 'large/citesource_wos_benchmark/Search2_2.ris')));
    const withA1 = parseText(text, 'ris').records.filter((r) => /^A1 {2}- /m.test(r.raw));
    expect(withA1.length).toBeGreaterThan(20);
    for (const r of withA1) {
      const au = [...r.raw.matchAll(/^AU {2}- (.+?)\s*$/gm)].map((m) => m[1]);
      // the AU authors come first, as the file has them
      expect(r.item.author?.slice(0, au.length).map((a) => `${a.family}, ${a.given}`)).toEqual(au);
      const literals = (r.item.author ?? []).map((a) => a.literal).filter(Boolean);
      expect(new Set(literals).size).toBe(literals.length);
    }
    const bergillos = withA1.find((r) => r.item.title?.startsWith('Wave Energy Converter Configuration'));
    expect(bergillos?.item.author?.map((a) => a.family)).toEqual(['Bergillos', 'Rodriguez-Delgado', 'Iglesias']);
  });
});

describe.runIf(fs.existsSync(corpus))('the DA/PY rule on every RIS dialect in ../shared/data', () => {
  for (const [dialect, rel] of DIALECTS) {
    it(`${dialect}: ${rel}`, () => {
      const { text } = decodeBytes(fs.readFileSync(path.join(corpus, rel)));
      const r = parseText(text, 'ris');
      expect(r.failures).toEqual([]);
      const wrong = r.records.filter((x) => JSON.stringify(x.item.issued?.['date-parts']?.[0]) !== JSON.stringify(expectedDate(x.raw)));
      expect(wrong.map((x) => `#${x.recordNumber}`)).toEqual([]);
      expect(r.records.filter((x) => x.item.issued).length).toBeGreaterThan(0);
    });
  }
});

// The reference types of the RIS specification (RefMan 2011; the 2001 list is a subset), as the specification lists them.
const SPEC_TYPES =
  'ABST ADVS AGGR ANCIENT ART BILL BLOG BOOK CASE CHAP CHART CLSWK COMP CONF CPAPER CTLG DATA DBASE DICT EBOOK ECHAP EDBOOK EJOUR ELEC ENCYC EQUA FIGURE GEN GOVDOC GRANT HEAR ICOMM INPR JFULL JOUR LEGAL MANSCPT MAP MGZN MPCT MULTI MUSIC NEWS PAMP PAT PCOMM RPRT SER SLIDE SOUND STAND STAT THES UNBILL UNPB VIDEO WEB'.split(' ');
// CSL 1.0.2's item types.
const CSL_TYPES = new Set(
  'article article-journal article-magazine article-newspaper bill book broadcast chapter classic collection dataset document entry entry-dictionary entry-encyclopedia event figure graphic hearing interview legal_case legislation manuscript map motion_picture musical_score pamphlet paper-conference patent performance periodical personal_communication post post-weblog regulation report review review-book software song speech standard thesis treaty webpage'.split(' '),
);

describe('RIS reference types', () => {
  it('every type of the specification has a CSL 1.0.2 type, and only GEN reads as article', () => {
    expect(SPEC_TYPES).toHaveLength(57);
    for (const ty of SPEC_TYPES) expect(CSL_TYPES.has(RIS_TYPES[ty] ?? ''), ty).toBe(true);
    for (const [ty, csl] of Object.entries(RIS_TYPES)) expect(CSL_TYPES.has(csl), ty).toBe(true);
    expect(Object.entries(RIS_TYPES).filter(([, csl]) => csl === 'article').map(([ty]) => ty)).toEqual(['GEN']);
  });

  it('the types a reader would look for by name', () => {
    const expected: Record<string, string> = {
      BLOG: 'post-weblog', DICT: 'entry-dictionary', ART: 'graphic', MUSIC: 'musical_score', SOUND: 'song',
      ADVS: 'motion_picture', MULTI: 'motion_picture', GOVDOC: 'report', STAND: 'standard', LEGAL: 'regulation',
      CASE: 'legal_case', CLSWK: 'classic', JFULL: 'periodical', SLIDE: 'speech', PAMP: 'pamphlet', CHART: 'figure',
    };
    for (const [ty, csl] of Object.entries(expected)) expect(one(`TI  - T\nPY  - 2001`, ty).item.type, ty).toBe(csl);
  });

  it('an unknown TY, or none, reads as document with a warning naming it', () => {
    const r = one('TI  - T\nPY  - 2001', 'WEIRD');
    expect(r.item.type).toBe('document');
    expect(r.warnings).toContain('unknown RIS type "WEIRD", read as document');
    const untyped = parseText('TI  - No type\nPY  - 2001\nER  - \n', 'ris').records[0];
    expect(untyped?.item.type).toBe('document');
    expect(untyped?.warnings.join(' ')).toMatch(/unknown RIS type \(no TY line\)/);
  });
});

describe('RIS records with a container but no title', () => {
  it('a Scopus record with only T2 is kept, titled from its container and flagged incomplete', () => {
    const r = parseText(ris('T2  - Journal of Applied Things\nPY  - 2020\nVL  - 4', 'TI  - Next\nPY  - 2021'), 'ris');
    expect(r.failures).toEqual([]);
    expect(r.records[0]?.item).toMatchObject({ title: '[untitled] in Journal of Applied Things', 'container-title': 'Journal of Applied Things', volume: '4' });
    expect(r.records[0]?.warnings).toContain('incomplete: the record has no title; titled from its container title');
    expect(r.records[1]?.warnings.some((w) => w.startsWith('incomplete:'))).toBe(false);
  });

  it('without a container, from the start of the abstract, else the keywords; only nothing usable is refused', () => {
    const r = parseText(
      ris(
        'AU  - Smith, J\nAB  - We studied twenty-one things in three places over two years and found that most of them changed.',
        'PY  - 2003\nKW  - forests\nKW  - rights',
        'AB  - An abstract alone\nKW  - x',
      ),
      'ris',
    );
    expect(r.records.map((x) => x.item.title)).toEqual([
      '[untitled] We studied twenty-one things in three places over two years and found…',
      '[untitled] on forests; rights',
    ]);
    expect(r.records.map((x) => x.warnings.find((w) => w.startsWith('incomplete:')))).toEqual([
      'incomplete: the record has no title; titled from the start of its abstract',
      'incomplete: the record has no title; titled from its keywords',
    ]);
    expect(r.failures.map((f) => f.recordNumber)).toEqual([3]);
  });
});
