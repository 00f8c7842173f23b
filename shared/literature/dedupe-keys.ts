// The normalised keys of an item, computed once at import and stored as indexed columns; the duplicate search builds
// its records from these columns and the item's others (dedupe-record.ts).
import type { CslItem, CslName } from '../csl.ts';
import { plainOf } from './rich-text.ts';

// Letters NFKD does not decompose into a base letter plus a mark.
const FOLD: Record<string, string> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ħ: 'h',
};
const FOLD_RE = /[ßæœøłđðþıħ]/g;
const MARKS = /\p{M}+/gu;
const NON_WORD = /[^\p{L}\p{N}]+/gu;

const ASCII = /^[\x20-\x7e]*$/;
const ASCII_NON_WORD = /[^a-z0-9]+/g;

/** Lower case, diacritics stripped, every run of non-letters and non-digits one space. */
export function normaliseText(text: string): string {
  // most titles and names are plain ASCII, for which decomposition changes nothing: a third of the time
  if (ASCII.test(text)) return text.toLowerCase().replace(ASCII_NON_WORD, ' ').trim();
  return text
    .normalize('NFKD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(FOLD_RE, (c) => FOLD[c] ?? c)
    .replace(NON_WORD, ' ')
    .trim();
}

/** Title prefix used as a blocking key: long enough to be selective, short enough to survive cut subtitles. */
export const TITLE_KEY_LENGTH = 60;

export function titleKey(titleNorm: string): string | null {
  return titleNorm.length >= 8 ? titleNorm.slice(0, TITLE_KEY_LENGTH) : null;
}

/** DOI for matching: no resolver prefix or `doi:`, URL-decoded, lower case; null when it is not a DOI. */
export function normaliseDoi(doi: string | undefined): string | null {
  if (!doi) return null;
  let d = doi.trim();
  try {
    d = decodeURIComponent(d);
  } catch {
    // a stray % is left as it is
  }
  d = d.toLowerCase().replace(/^(?:https?:\/\/)?(?:dx\.)?doi\.org\//, '').replace(/^doi:\s*/, '').trim();
  const m = /10\.\d{4,9}\/\S+/.exec(d);
  return m ? m[0].replace(/[.,;]+$/, '') : null;
}

/** The first author's surname, normalised, particles dropped ("de Vicente" and Vicente + particle agree). */
export function authorKey(name: CslName | undefined): string {
  if (!name) return '';
  const family = name.family ?? name.literal ?? '';
  const words = normaliseText(family).split(' ').filter(Boolean);
  if (words.length === 0) return '';
  // an unsplit literal ("Liu R.") has the surname first; a family name may carry particles before it
  return name.family ? (words.at(-1) as string) : (words[0] as string);
}

export function yearOf(item: CslItem): number | null {
  const part = item.issued?.['date-parts']?.[0]?.[0];
  const y = typeof part === 'string' ? Number.parseInt(part, 10) : part;
  if (typeof y === 'number' && Number.isInteger(y) && y > 0 && y < 10000) return y;
  const m = /\b(1[5-9]\d\d|20\d\d)\b/.exec(item.issued?.raw ?? item.issued?.literal ?? '');
  return m ? Number(m[1]) : null;
}

export function nameText(n: CslName): string {
  if (n.literal) return n.literal;
  const family = [n['non-dropping-particle'], n.family].filter(Boolean).join(' ');
  return [family, [n.given, n['dropping-particle']].filter(Boolean).join(' ')].filter(Boolean).join(', ');
}

export interface DedupeKeys {
  doiNorm: string | null;
  titleNorm: string;
  titleKey: string | null;
  authorKey: string;
  year: number | null;
}

export function dedupeKeys(item: CslItem): DedupeKeys {
  // the plain form: "<i>Homo</i>" and "Homo" are one title
  const titleNorm = normaliseText(plainOf(item.title ?? ''));
  return {
    doiNorm: normaliseDoi(item.DOI),
    titleNorm,
    titleKey: titleKey(titleNorm),
    authorKey: authorKey(item.author?.[0] ?? item.editor?.[0]),
    year: yearOf(item),
  };
}
