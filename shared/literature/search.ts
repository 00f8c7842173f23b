// Library search queries: what the user types → terms → an FTS5 MATCH expression that cannot be a syntax error.
// Plain words are AND-ed; "quoted words" are phrases; word* is a prefix; title:, author:, abstract:, keyword:
// restrict a word to one field.
import { boundedLevenshtein } from './dedupe.ts';
import { normaliseText } from './dedupe-keys.ts';

export const SEARCH_FIELDS = { title: 'title', author: 'authors', authors: 'authors', abstract: 'abstract', keyword: 'keywords', keywords: 'keywords' } as const;
export type SearchColumn = (typeof SEARCH_FIELDS)[keyof typeof SEARCH_FIELDS];

export interface SearchTerm {
  /** normalised like the index tokens: lower case, no diacritics; a phrase keeps its words space-separated */
  text: string;
  phrase: boolean;
  prefix: boolean;
  column?: SearchColumn;
  /** close index words, OR-ed with the term (typo tolerance) */
  alternatives?: string[];
}

const TOKEN = /(?:(\w+):)?(?:"([^"]*)"?|(\S+))/gu;

export function parseSearch(input: string): SearchTerm[] {
  const out: SearchTerm[] = [];
  for (const m of input.slice(0, 500).matchAll(TOKEN)) {
    const field = m[1]?.toLowerCase();
    const column = field && field in SEARCH_FIELDS ? SEARCH_FIELDS[field as keyof typeof SEARCH_FIELDS] : undefined;
    // an unknown "field:" is just a word
    const rawText = m[2] ?? (column ? m[3] : m[0]) ?? '';
    const isPhrase = m[2] !== undefined;
    const prefix = !isPhrase && rawText.endsWith('*');
    const words = normaliseText(rawText).split(' ').filter(Boolean);
    if (words.length === 0) continue;
    if (isPhrase || words.length > 1) {
      // "covid-19" tokenises to two words in the index: keep them together as a phrase
      out.push({ text: words.join(' '), phrase: true, prefix: false, ...(column ? { column } : {}) });
    } else {
      out.push({ text: words[0] as string, phrase: false, prefix, ...(column ? { column } : {}) });
    }
  }
  return out.slice(0, 16);
}

const quote = (s: string): string => `"${s.replaceAll('"', '""')}"`;

export function buildFtsMatch(terms: SearchTerm[]): string {
  return terms
    .map((t) => {
      const options = [quote(t.text) + (t.prefix ? '*' : ''), ...(t.alternatives ?? []).map(quote)];
      const expr = options.length > 1 ? `(${options.join(' OR ')})` : (options[0] as string);
      return t.column ? `{${t.column}} : ${expr}` : expr;
    })
    .join(' AND ');
}

/** Up to `max` index words within edit distance 1 (2 for words of 8+ letters), most documents first. */
export function typoCandidates(word: string, vocabulary: readonly { term: string; doc: number }[], max = 5): string[] {
  const limit = word.length >= 8 ? 2 : 1;
  const found: { term: string; doc: number; d: number }[] = [];
  for (const v of vocabulary) {
    if (Math.abs(v.term.length - word.length) > limit) continue;
    const d = boundedLevenshtein(word, v.term, limit);
    if (d <= limit) found.push({ ...v, d });
  }
  return found.sort((a, b) => a.d - b.d || b.doc - a.doc).slice(0, max).map((f) => f.term);
}
