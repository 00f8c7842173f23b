// Duplicate finding on crafted pairs: what must match, what must not, and the keys it works from.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CslItem } from '../../shared/csl.ts';
import { authorKey, dedupeKeys, normaliseDoi, normaliseText } from '../../shared/literature/dedupe-keys.ts';
import { boundedLevenshtein, findDuplicateGroups, pairKey, type DedupeRecord } from '../../shared/literature/dedupe.ts';
import { buildFtsMatch, parseSearch, typoCandidates } from '../../shared/literature/search.ts';

let nextId = 1;
function rec(item: Partial<CslItem> & { title: string }): DedupeRecord {
  return { id: nextId++, ...dedupeKeys({ id: 'x', type: 'article-journal', ...item }) };
}
const author = (family: string, given = 'A.') => [{ family, given }];
const pair = (a: DedupeRecord, b: DedupeRecord) => findDuplicateGroups([a, b]);

describe('dedupe keys', () => {
  it('normalise DOIs, titles and first authors the way exports differ', () => {
    expect(normaliseDoi('https://dx.doi.org/10.1016/J.CHIABU.2019.01.001')).toBe('10.1016/j.chiabu.2019.01.001');
    expect(normaliseDoi('doi:10.1000/ABC%2F123.')).toBe('10.1000/abc/123');
    expect(normaliseDoi('not a doi')).toBeNull();
    expect(normaliseText('Ødegård’s “naïve” β-cell STUDY—Zürich')).toBe('odegard s naive β cell study zurich');
    expect(authorKey({ family: 'Vicente', 'non-dropping-particle': 'de' })).toBe(authorKey({ family: 'de Vicente' }));
    expect(authorKey({ literal: 'Liu R.' })).toBe('liu');
    expect(authorKey({ family: 'Dvořák', given: 'Jan' })).toBe('dvorak');
  });
});

describe('findDuplicateGroups on crafted pairs', () => {
  const title = 'Implementation of family group conferencing in children’s social care';

  it('matches the same DOI written three ways', () => {
    const g = findDuplicateGroups([
      rec({ title, DOI: '10.1000/ABC' }), rec({ title: title.toUpperCase(), DOI: 'https://doi.org/10.1000/abc' }), rec({ title, DOI: 'doi:10.1000/abc' }),
    ]);
    expect(g).toHaveLength(1);
    expect(g[0]).toMatchObject({ rule: 'doi', score: 1, certain: true });
    expect(g[0]?.members).toHaveLength(3);
  });

  it('matches a missing DOI by title, year and first author, with diacritics and initials', () => {
    const g = pair(
      rec({ title, author: author('Müller', 'Anna'), issued: { 'date-parts': [[2019]] }, DOI: '10.1000/x' }),
      rec({ title: `${title.toUpperCase()}.`, author: author('Muller', 'A.'), issued: { 'date-parts': [[2019]] } }),
    );
    expect(g).toHaveLength(1);
    expect(g[0]).toMatchObject({ rule: 'title-year-author', certain: true });
  });

  it('sends a one-letter typo with a year off by one to review, not to auto-merge', () => {
    const g = pair(
      rec({ title, author: author('Smith'), issued: { 'date-parts': [[2019]] } }),
      rec({ title: title.replace('conferencing', 'conferncing'), author: author('Smith'), issued: { 'date-parts': [[2020]] } }),
    );
    expect(g).toHaveLength(1);
    expect(g[0]?.rule).toBe('fuzzy-title');
    expect(g[0]?.certain).toBe(false);
    expect(g[0]?.score).toBeGreaterThanOrEqual(0.93);
  });

  it('sends a preprint and its published version (different DOIs) to review', () => {
    const g = pair(
      rec({ title, author: author('Smith'), issued: { 'date-parts': [[2019]] }, DOI: '10.1101/2019.01.01.123' }),
      rec({ title, author: author('Smith'), issued: { 'date-parts': [[2019]] }, DOI: '10.1016/j.x.2019.1' }),
    );
    expect(g).toHaveLength(1);
    expect(g[0]?.certain).toBe(false);
  });

  it('never matches a correction, a reply, a retraction or another part', () => {
    const base = { author: author('Smith'), issued: { 'date-parts': [[2019]] } };
    for (const other of [`Correction to: ${title}`, `Reply to: ${title}`, `Retraction: ${title}`, `${title}: Part II`]) {
      expect(pair(rec({ title, ...base }), rec({ title: other, ...base }))).toEqual([]);
    }
    expect(pair(rec({ title: `${title}: Part I`, ...base }), rec({ title: `${title}: Part II`, ...base }))).toEqual([]);
    expect(pair(rec({ title: `${title} in 2019`, ...base }), rec({ title: `${title} in 2020`, ...base }))).toEqual([]);
  });

  it('does not match different first authors, distant years, or chapters sharing a book DOI', () => {
    expect(pair(rec({ title, author: author('Smith'), issued: { 'date-parts': [[2019]] } }), rec({ title, author: author('Jones'), issued: { 'date-parts': [[2019]] } }))).toEqual([]);
    expect(pair(rec({ title, author: author('Smith'), issued: { 'date-parts': [[2015]] } }), rec({ title, author: author('Smith'), issued: { 'date-parts': [[2019]] } }))).toEqual([]);
    expect(pair(rec({ title: 'Chapter one on scaling innovations', DOI: '10.1000/book' }), rec({ title: 'Measuring outcomes for children in care', DOI: '10.1000/book' }))).toEqual([]);
  });

  it('respects "not a duplicate" decisions', () => {
    const a = rec({ title, DOI: '10.1000/same' });
    const b = rec({ title, DOI: '10.1000/same' });
    expect(findDuplicateGroups([a, b])).toHaveLength(1);
    expect(findDuplicateGroups([a, b], { distinct: new Set([pairKey(a.id, b.id)]) })).toEqual([]);
  });

  it('finds the same groups whatever the input order', () => {
    const records = [
      rec({ title, DOI: '10.1000/a' }), rec({ title: 'Another study entirely about something', author: author('Li'), issued: { 'date-parts': [[2001]] } }),
      rec({ title, DOI: '10.1000/A' }), rec({ title: 'Another study entirely about something', author: author('Li'), issued: { 'date-parts': [[2001]] } }),
    ];
    const norm = (gs: ReturnType<typeof findDuplicateGroups>) => gs.map((g) => g.members.join(',')).sort();
    expect(norm(findDuplicateGroups([...records].reverse()))).toEqual(norm(findDuplicateGroups(records)));
    expect(norm(findDuplicateGroups(records))).toHaveLength(2);
  });
});

describe('bounded Levenshtein', () => {
  const full = (a: string, b: string): number => {
    const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
    for (let j = 0; j <= b.length; j++) (d[0] as number[])[j] = j;
    for (let i = 1; i <= a.length; i++) {
      for (let j = 1; j <= b.length; j++) {
        const row = d[i] as number[];
        const prev = d[i - 1] as number[];
        row[j] = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
      }
    }
    return (d[a.length] as number[])[b.length] as number;
  };
  it('agrees with the full distance when within the bound, and says "over" otherwise', () => {
    fc.assert(fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), fc.integer({ min: 0, max: 5 }), (a, b, max) => {
      const d = full(a, b);
      expect(boundedLevenshtein(a, b, max)).toBe(d <= max ? d : max + 1);
    }));
  });
});

describe('search query parsing', () => {
  it('turns words, phrases, prefixes and fields into a safe FTS5 expression', () => {
    const terms = parseSearch('Müller "family group" innov* title:care author:"de Vicente" AND) "unclosed');
    expect(buildFtsMatch(terms)).toBe('"muller" AND "family group" AND "innov"* AND {title} : "care" AND {authors} : "de vicente" AND "and" AND "unclosed"');
    expect(buildFtsMatch(parseSearch('covid-19'))).toBe('"covid 19"');
    expect(parseSearch('  ')).toEqual([]);
    expect(buildFtsMatch([{ text: 'difusion', phrase: false, prefix: false, alternatives: ['diffusion'] }])).toBe('("difusion" OR "diffusion")');
  });
  it('proposes close index words, most frequent first', () => {
    const vocab = [{ term: 'diffusion', doc: 5 }, { term: 'difusions', doc: 9 }, { term: 'division', doc: 50 }, { term: 'fusion', doc: 7 }];
    // distance 1 first (more documents first among equals), then distance 2
    expect(typoCandidates('difusion', vocab)).toEqual(['difusions', 'diffusion', 'division', 'fusion']);
    expect(typoCandidates('care', [{ term: 'core', doc: 1 }, { term: 'cares', doc: 2 }, { term: 'scare', doc: 3 }])).toEqual(['scare', 'cares', 'core']);
  });
});
