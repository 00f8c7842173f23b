// Property tests: malformed input never throws out of the parsers, a good record next to a bad one is never lost,
// any chunking of a stream gives the same records, and parse(write(items)) gives back the same CSL-JSON.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { streamParse } from './support.ts';
import type { CslItem, CslName } from '../../../shared/csl.ts';
import { collapse } from '../../../shared/literature/normalise.ts';
import { parseText } from '../../../shared/literature/parse/index.ts';
import { INPUT_FORMATS, type InputFormat } from '../../../shared/literature/types.ts';
import { writeBibtex } from '../../../shared/literature/write/bibtex.ts';
import { writeRis } from '../../../shared/literature/write/ris.ts';

// FC_RUNS=2000 for a deeper local run.
const RUNS = Number(process.env.FC_RUNS ?? 150);


// Text that looks like each format, so the generator reaches deep into the parsers rather than only the splitters.
const SNIPPETS: Record<InputFormat, string[]> = {
  ris: ['TY  - JOUR\n', 'ER  - \n', 'TI  - ', 'AU  - ', 'PY  - 2018//\n', 'DA  - Jun\n', 'DO  - ', '\r\n', 'KW  - a\n', 'SP  - 1\n'],
  bibtex: ['@article{', '@string{a = "b"}', '}', '{', ',', ' = ', '"', '#', '\\"o', 'author = {', ' and ', '\n', 'crossref = {x}', '@book{x,'],
  'csl-json': ['[', ']', '{', '}', '"title": ', '"id": 1', ',', '"', '\\', '"author": [{"family": "x"}]', '"issued": {"date-parts": [["2020"]]}'],
  'endnote-xml': ['<record>', '</record>', '<titles><title>', '</title></titles>', '<', '>', '&amp;', '&bogus;', '<year>1999</year>', '<style face="x">'],
  medline: ['PMID- 1\n', 'TI  - ', '      cont\n', 'FAU - A, B\n', 'DP  - 2017 Nov\n', 'LID - 10.1/x [doi]\n', '\n'],
  wos: ['PT J\n', 'ER\n', 'AU ', 'TI ', '   cont\n', 'PY 2019\n', 'EF\n'],
  'pubmed-xml': ['<PubmedArticle>', '</PubmedArticle>', '<PubmedBookArticle>', '<ArticleTitle>', '</ArticleTitle>', '<', '>', '&amp;', '&lt;i&gt;', '<Year>1999</Year>', '<i>'],
  csv: ['Title,Authors,Year\n', '"', '""', ',', '\n', '\r\n', 'x', 'Smith J.; Jones K.', '2020'],
};

const malformed = (format: InputFormat): fc.Arbitrary<string> =>
  fc.array(fc.oneof(fc.constantFrom(...SNIPPETS[format]), fc.string({ maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 6 })), { maxLength: 40 }).map((parts) => parts.join(''));

describe('malformed input never throws', () => {
  for (const format of INPUT_FORMATS) {
    it(`${format}: any text, any chunking`, () => {
      fc.assert(
        fc.property(malformed(format), fc.array(fc.nat(), { maxLength: 6 }), (text, cuts) => {
          const whole = parseText(text, format);
          const streamed = streamParse(format, text, cuts);
          // Chunk boundaries never change what comes out.
          expect(streamed.map((r) => r.recordNumber)).toEqual(
            [...whole.records, ...whole.failures].map((r) => r.recordNumber).sort((a, b) => a - b),
          );
        }),
        { numRuns: RUNS },
      );
    });
  }
});

// ----- generated items, in the normalised form the parsers produce -----

const LETTERS = 'abcdefghijklmnopqrstuvwxyzéüßøçñ';
const PUNCT = ' .,:()?!\'"-/+*=#%&_';
const word = fc.string({ unit: fc.constantFrom(...LETTERS.split('')), minLength: 1, maxLength: 9 });
const capWord = word.map((w) => w.charAt(0).toUpperCase() + w.slice(1));
const textOf = (extra: string): fc.Arbitrary<string> =>
  fc
    .array(fc.oneof({ weight: 4, arbitrary: word }, { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(...(PUNCT + extra + '0123456789').split('')), minLength: 1, maxLength: 3 }) }), { minLength: 1, maxLength: 12 })
    .map((ws) => collapse(ws.join(' ')))
    .filter((s) => s.length > 0 && !/\band\b|&[a-z#]/i.test(s));

// Family names of two letters or more and not all capitals ('ß' capitalises to "SS"): "Aa A, Aa J." and
// "Aa SS, Aa J." are honestly ambiguous with two packed "Family Initials" names.
const familyWord = capWord.filter((w) => w.length >= 2 && w !== w.toUpperCase());
const person: fc.Arbitrary<CslName> = fc
  .record({
    family: fc.array(familyWord, { minLength: 1, maxLength: 2 }).map((w) => w.join(' ')),
    given: fc.option(fc.array(fc.oneof(capWord, fc.constantFrom('J.', 'A. B.', 'K')), { minLength: 1, maxLength: 2 }).map((w) => w.join(' ')), { nil: undefined }),
    particle: fc.option(fc.constantFrom('van', 'van der', 'de', 'von', 'de la', 'da'), { nil: undefined }),
    suffix: fc.option(fc.constantFrom('Jr.', 'Sr.', 'III'), { nil: undefined }),
  })
  // a given name ending in "Jr" is a suffix (PubMed writes "Dice, P. F. 2nd"), so generated ones never do
  .filter((p) => !/^(jr\.?|sr\.?|ii|iii|iv|v|2nd|3rd)$/i.test(p.given ?? '') && !/\s(jr|sr)\.?$/i.test(p.given ?? '') && !(p.suffix && !p.given))
  .map((p) => {
    const n: CslName = { family: p.family };
    if (p.given) n.given = p.given;
    if (p.particle) n['non-dropping-particle'] = p.particle;
    if (p.suffix) n.suffix = p.suffix;
    return n;
  });
const org: fc.Arbitrary<CslName> = fc.tuple(capWord, fc.constantFrom('Collaboration', 'Group', 'Institute', 'Consortium')).map(([a, b]) => ({ literal: `${a} ${b}` }));

const item = (types: string[], extra: string): fc.Arbitrary<CslItem> =>
  fc
    .record({
      type: fc.constantFrom(...types),
      title: textOf(extra),
      author: fc.array(fc.oneof({ weight: 5, arbitrary: person }, { weight: 1, arbitrary: org }), { maxLength: 4 }),
      date: fc.option(fc.tuple(fc.integer({ min: 1900, max: 2030 }), fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }), fc.option(fc.integer({ min: 1, max: 28 }), { nil: undefined })), { nil: undefined }),
      container: fc.option(textOf(extra), { nil: undefined }),
      volume: fc.option(fc.integer({ min: 1, max: 300 }).map(String), { nil: undefined }),
      issue: fc.option(fc.integer({ min: 1, max: 12 }).map(String), { nil: undefined }),
      page: fc.option(fc.oneof(fc.tuple(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 50 })).map(([a, b]) => `${a}-${a + b}`), fc.integer({ min: 1, max: 9999 }).map((n) => `e${n}`)), { nil: undefined }),
      doi: fc.option(fc.tuple(fc.integer({ min: 1000, max: 99999 }), fc.string({ unit: fc.constantFrom(...'abcXYZ0123456789._()-'.split('')), minLength: 1, maxLength: 15 })).map(([p, s]) => `10.${p}/x${s}z`), { nil: undefined }),
      abstract: fc.option(fc.array(textOf(extra), { minLength: 1, maxLength: 4 }).map((a) => a.join(' ')), { nil: undefined }),
      keywords: fc.uniqueArray(fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(' ')), { maxLength: 5, selector: (k) => k.toLowerCase() }),
      language: fc.option(capWord, { nil: undefined }),
    })
    .map((r) => {
      const i: CslItem = { id: 'x', type: r.type, title: r.title };
      if (r.author.length) i.author = r.author;
      if (r.date) {
        const [y, m, d] = r.date;
        i.issued = { 'date-parts': [m === undefined ? [y] : d === undefined ? [y, m] : [y, m, d]] };
      }
      if (r.container) i['container-title'] = r.container;
      if (r.volume) i.volume = r.volume;
      if (r.issue) i.issue = r.issue;
      if (r.page) i.page = r.page;
      if (r.doi) i.DOI = r.doi;
      if (r.abstract) i.abstract = r.abstract;
      if (r.keywords.length) i.keyword = r.keywords.join('; ');
      if (r.language) i.language = r.language;
      return i;
    });

const COMPARED = ['type', 'title', 'author', 'issued', 'container-title', 'volume', 'issue', 'page', 'DOI', 'abstract', 'keyword', 'language'] as const;
const pick = (i: CslItem): Partial<CslItem> => Object.fromEntries(COMPARED.filter((k) => i[k] !== undefined).map((k) => [k, i[k]]));

const BIB_TYPES = ['article-journal', 'book', 'chapter', 'paper-conference', 'report', 'thesis', 'webpage', 'manuscript', 'dataset', 'patent', 'article', 'software'];
const RIS_TYPES = [...BIB_TYPES, 'article-magazine', 'article-newspaper', 'entry-encyclopedia'];

describe('writers round-trip through the importer', () => {
  it('BibTeX: parse(writeBibtex(items)) gives the same CSL-JSON, TeX specials included', () => {
    fc.assert(
      fc.property(fc.array(item(BIB_TYPES, '\\{}~^$`'), { minLength: 1, maxLength: 5 }), (items) => {
        const r = parseText(writeBibtex(items), 'bibtex');
        expect(r.failures).toEqual([]);
        expect(r.records.map((x) => pick(x.item))).toEqual(items.map(pick));
      }),
      { numRuns: RUNS },
    );
  });

  it('RIS: parse(writeRis(items)) gives the same CSL-JSON', () => {
    fc.assert(
      fc.property(fc.array(item(RIS_TYPES, ''), { minLength: 1, maxLength: 5 }), (items) => {
        const r = parseText(writeRis(items), 'ris');
        expect(r.failures).toEqual([]);
        expect(r.records.map((x) => pick(x.item))).toEqual(items.map(pick));
      }),
      { numRuns: RUNS },
    );
  });
});

// ----- a good record beside a bad one -----

const garbageLine = fc.string({ unit: fc.constantFrom(...'abc XYZ{"=,\\-:;01'.split('')), maxLength: 30 });

describe('a bad record never loses a good one', () => {
  it('RIS: records without ER or with nothing usable, between good ones', () => {
    const bad = fc.array(garbageLine, { maxLength: 4 }).map((lines) => `TY  - JOUR\n${lines.filter((l) => !/^(TY|ER)/.test(l)).join('\n')}\n`);
    fc.assert(
      fc.property(fc.array(fc.oneof(item(RIS_TYPES, '').map((i) => ({ good: i })), bad.map((b) => ({ bad: b }))), { minLength: 1, maxLength: 8 }), (entries) => {
        const text = entries.map((e) => ('good' in e ? writeRis([e.good]) : e.bad)).join('\n');
        const titles = parseText(text, 'ris').records.map((r) => r.item.title);
        for (const e of entries) if ('good' in e) expect(titles).toContain(e.good.title);
      }),
      { numRuns: RUNS },
    );
  });

  it('BibTeX: unclosed entries, bad field names and unterminated quotes, between good ones', () => {
    const bad = fc.tuple(fc.constantFrom('@article{bad, title = {', '@article{bad, ti tle = ', '@misc{bad, note = "', '@book{'), garbageLine).map(([a, b]) => `${a}${b.replace(/[{}]/g, '')}\n`);
    fc.assert(
      fc.property(fc.array(fc.oneof(item(BIB_TYPES, '').map((i) => ({ good: i })), bad.map((b) => ({ bad: b }))), { minLength: 1, maxLength: 8 }), (entries) => {
        const text = entries.map((e, n) => ('good' in e ? writeBibtex([{ ...e.good, id: `good${n}` }]) : e.bad)).join('\n');
        const r = parseText(text, 'bibtex');
        const titles = r.records.map((x) => x.item.title);
        for (const e of entries) if ('good' in e) expect(titles).toContain(e.good.title);
        expect(r.records.length + r.failures.length).toBeGreaterThanOrEqual(entries.length);
      }),
      { numRuns: RUNS },
    );
  });

  it('CSL-JSON: invalid items (bad JSON, wrong types) fail alone', () => {
    const bad = fc.constantFrom('{"title": }', '{"id": 1, "author": "x", "title": "t"}', '{"issued": {"date-parts": 5}, "title": 1}', '{,}');
    fc.assert(
      fc.property(fc.array(fc.oneof(item(RIS_TYPES, '').map((i) => ({ good: i })), bad.map((b) => ({ bad: b }))), { minLength: 1, maxLength: 8 }), (entries) => {
        const text = `[${entries.map((e) => ('good' in e ? JSON.stringify(e.good) : e.bad)).join(',\n')}]`;
        const r = parseText(text, 'csl-json');
        expect(r.records.map((x) => x.item.title)).toEqual(entries.flatMap((e) => ('good' in e ? [e.good.title] : [])));
        expect(r.failures).toHaveLength(entries.filter((e) => 'bad' in e).length);
      }),
      { numRuns: RUNS },
    );
  });

  // Formats without a writer: good records written here by hand, bad ones garbage in the record's shape.
  const garbage = fc.array(garbageLine, { maxLength: 4 });
  const xmlEscape = (t: string): string => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const CASES: [InputFormat, (title: string, n: number) => string, (lines: string[]) => string, (body: string) => string][] = [
    ['medline', (t, n) => `PMID- ${n + 1}\nTI  - ${t}\nDP  - 2001\n\n`, (l) => `PMID- 0\n${l.join('\n')}\n\n`, (b) => b],
    ['wos', (t) => `PT J\nTI ${t}\nPY 2001\nER\n\n`, (l) => `PT J\n${l.map((x) => `   ${x}`).join('\n')}\n`, (b) => `FN Clarivate Analytics Web of Science\nVR 1.0\n${b}EF\n`],
    ['endnote-xml', (t) => `<record><titles><title>${xmlEscape(t)}</title></titles><dates><year>2001</year></dates></record>`, (l) => `<record><titles><title>${xmlEscape(l.join(' '))}</titles></record>`, (b) => `<?xml version="1.0"?><xml><records>${b}</records></xml>`],
    ['csv', (t) => `"${t.replace(/"/g, '""')}",2001\n`, (l) => `${l.join(' ').replace(/["\n\r]/g, '')},,,\n`, (b) => `Title,Year\n${b}`],
  ];
  for (const [format, good, bad, wrap] of CASES) {
    it(`${format}: malformed records between good ones`, () => {
      fc.assert(
        fc.property(fc.array(fc.oneof(textOf('').map((t) => ({ good: t })), garbage.map((l) => ({ bad: l }))), { minLength: 1, maxLength: 8 }), (entries) => {
          const text = wrap(entries.map((e, n) => ('good' in e ? good(e.good, n) : bad(e.bad))).join(''));
          const titles = parseText(text, format).records.map((r) => r.item.title);
          for (const e of entries) if ('good' in e) expect(titles).toContain(e.good);
        }),
        { numRuns: RUNS },
      );
    });
  }
});
