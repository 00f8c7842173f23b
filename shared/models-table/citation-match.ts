// Which of the review's citations a citation as printed ("Murray et al., 2010", "Mulgan and Leadbeater, 2013",
// "Hartley 2006", "Nesta, 2016a", "Design Council, n.d.") names: the same first author (or both authors), as many
// authors as printed ("et al." is three or more) and the same year, ignoring case and diacritics.
import type { CslItem, CslName } from '../csl.ts';
import { yearOf } from '../citations/normalize.ts';
import type { CitationMatch } from './schemas.ts';

export interface LibraryCitation {
  id: number;
  citekey: string;
  csl: CslItem;
}

export interface PrintedCitation {
  names: string[];
  etAl: boolean;
  /** null for "n.d." */
  year: number | null;
}

const fold = (s: string): string =>
  s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/ß/g, 'ss').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

export function parsePrintedCitation(text: string): PrintedCitation | null {
  const m = /^(.*?)[\s,]*\b(?:((?:1[5-9]\d\d|20\d\d))[a-z]?\b|(n\.\s?d\.?))/i.exec(text.trim());
  if (!m) return null;
  let authors = (m[1] ?? '').trim().replace(/[\s,]+$/, '');
  const etAl = /\bet\s*al\.?$/i.test(authors);
  if (etAl) authors = authors.replace(/[\s,]*\bet\s*al\.?$/i, '');
  const names = authors.split(/\s*(?:,|&|\band\b)\s*/i).map(fold).filter(Boolean);
  if (names.length === 0) return null;
  return { names, etAl, year: m[2] ? Number(m[2]) : null };
}

const nameOf = (n: CslName): string => fold(n.literal ?? [n['non-dropping-particle'], n.family].filter(Boolean).join(' '));

function matches(printed: PrintedCitation, csl: CslItem): boolean {
  if ((yearOf(csl) ?? null) !== printed.year) return false;
  const names = (csl.author?.length ? csl.author : csl.editor ?? []).map(nameOf);
  if (printed.etAl) return names.length >= 3 && names[0] === printed.names[0];
  return names.length === printed.names.length && printed.names.every((n, i) => names[i] === n);
}

export type CitationLookup =
  | { kind: 'matched'; match: CitationMatch }
  | { kind: 'none' }
  | { kind: 'ambiguous'; citekeys: string[] };

export function matchCitation(printed: string, citations: LibraryCitation[]): CitationLookup {
  const parsed = parsePrintedCitation(printed);
  if (!parsed) return { kind: 'none' };
  const found = citations.filter((c) => matches(parsed, c.csl));
  if (found.length === 1 && found[0]) return { kind: 'matched', match: { citationId: found[0].id, citekey: found[0].citekey } };
  return found.length === 0 ? { kind: 'none' } : { kind: 'ambiguous', citekeys: found.map((c) => c.citekey) };
}
