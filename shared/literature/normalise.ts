// One place turns what a format parser read into stored CSL-JSON, so every format yields the same shape for the
// same work: plain Unicode text, single-spaced, pages with a hyphen, dates as numeric date-parts, DOI without resolver.
import type { CslItem, CslName } from '../csl.ts';
import { toDateParts, type DateParts } from './dates.ts';
import { normaliseDoi } from './doi.ts';
import { htmlToText } from './html.ts';
import { looksLikeTex, texToUnicode } from './tex.ts';

/** What a format parser fills in; text fields are still in the source's markup (TeX, HTML). */
export interface Draft {
  id: string;
  type: string;
  title?: string;
  author: CslName[];
  editor: CslName[];
  date: DateParts;
  container?: string;
  volume?: string;
  issue?: string;
  page?: string;
  pageEnd?: string;
  doi?: string;
  abstract?: string;
  keywords: string[];
  language?: string;
  publisher?: string;
  place?: string;
  isbn?: string;
  issn?: string;
  url?: string;
  note?: string;
  citationKey?: string;
}

export type Markup = 'tex' | 'plain';

export const newDraft = (id: string, type: string): Draft => ({ id, type, author: [], editor: [], date: {}, keywords: [] });

// Most values need no cleaning at all: one native regex scan finds those, and only the rest pay for the finer
// checks. (Abstracts are long, and a JavaScript character loop over them costs more than these scans.)
const SPECIAL = /[^\u0020-\u0025\u0027-\u003b=\u003f-\u005b\u005d-\u005f\u0061-\u007e]/;
const OTHER_SPACE = /[^\S ]| {2}/;
const NON_ASCII = /[\u0080-\uffff]/;

/** Single-spaced and trimmed. */
export const collapse = (s: string): string => (OTHER_SPACE.test(s) ? s.replace(/\s+/g, ' ') : s).trim();

/** Source markup to plain single-spaced Unicode. */
export function cleanText(s: string | undefined, markup: Markup): string | undefined {
  if (s === undefined) return undefined;
  let t = s;
  // "--" stays as written: Zotero's BibTeX leaves it unescaped in text ("DRB1*015:01--DQA1"), so reading it as an
  // en dash would make the BibTeX and RIS exports of one record differ. Page ranges are normalised separately.
  if (markup === 'tex') t = texToUnicode(t, { dashes: false });
  if (t.includes('  ') || SPECIAL.test(t)) {
    t = htmlToText(t);
    if (markup === 'plain' && (t.includes('\\') || t.includes('`')) && looksLikeTex(t)) t = texToUnicode(t, { dashes: false });
    if (NON_ASCII.test(t)) t = t.normalize('NFC');
    if (OTHER_SPACE.test(t)) t = t.replace(/\s+/g, ' ');
  }
  t = t.trim();
  return t || undefined;
}

const SMALL = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'de', 'del', 'der', 'des', 'di', 'du', 'et', 'for', 'from', 'in', 'la', 'le', 'of', 'on', 'or', 'the', 'to', 'und', 'with', 'y']);

/** Web of Science shouts journal names ("JOURNAL OF APPLIED RESEARCH"); store them in title case. */
export function unshout(s: string): string {
  if (/\p{Ll}/u.test(s) || !/\p{Lu}{3}/u.test(s)) return s;
  let first = true;
  return s.replace(/[\p{L}\p{N}'’]+/gu, (w) => {
    const lower = w.toLowerCase();
    const wasFirst = first;
    first = false;
    if (/\d/.test(w)) return w;
    if (w.length <= 4 && !/[AEIOUY]/.test(w)) return w;
    if (!wasFirst && SMALL.has(lower)) return lower;
    return lower.charAt(0).toUpperCase() + lower.slice(1);
  });
}

// MEDLINE and EndNote write ISO 639 codes ("eng"), WoS, Embase and Zotero the English name ("English"): store the
// name, so one language filters as one. Only lower-case bare codes are codes; anything else is kept as written.
const LANGUAGES: Record<string, string> = {
  en: 'English', eng: 'English', fr: 'French', fre: 'French', fra: 'French', de: 'German', ger: 'German',
  deu: 'German', es: 'Spanish', spa: 'Spanish', it: 'Italian', ita: 'Italian', pt: 'Portuguese', por: 'Portuguese',
  nl: 'Dutch', dut: 'Dutch', nld: 'Dutch', zh: 'Chinese', chi: 'Chinese', zho: 'Chinese', ja: 'Japanese',
  jpn: 'Japanese', ru: 'Russian', rus: 'Russian', pl: 'Polish', pol: 'Polish', sv: 'Swedish', swe: 'Swedish',
  no: 'Norwegian', nor: 'Norwegian', da: 'Danish', dan: 'Danish', fi: 'Finnish', fin: 'Finnish', ko: 'Korean',
  kor: 'Korean', tr: 'Turkish', tur: 'Turkish', ar: 'Arabic', ara: 'Arabic', he: 'Hebrew', heb: 'Hebrew',
  hu: 'Hungarian', hun: 'Hungarian', cs: 'Czech', cze: 'Czech', ces: 'Czech', el: 'Greek', gre: 'Greek',
  ell: 'Greek', ro: 'Romanian', rum: 'Romanian', ron: 'Romanian', hr: 'Croatian', hrv: 'Croatian', sk: 'Slovak',
  slo: 'Slovak', slk: 'Slovak', sl: 'Slovenian', slv: 'Slovenian', uk: 'Ukrainian', ukr: 'Ukrainian',
  fa: 'Persian', per: 'Persian', fas: 'Persian', hi: 'Hindi', hin: 'Hindi', th: 'Thai', tha: 'Thai',
  lt: 'Lithuanian', lit: 'Lithuanian', lv: 'Latvian', lav: 'Latvian', et: 'Estonian', est: 'Estonian',
  bg: 'Bulgarian', bul: 'Bulgarian', sr: 'Serbian', srp: 'Serbian', is: 'Icelandic', ice: 'Icelandic',
  isl: 'Icelandic', ca: 'Catalan', cat: 'Catalan', af: 'Afrikaans', afr: 'Afrikaans', ms: 'Malay', may: 'Malay',
  msa: 'Malay', id: 'Indonesian', ind: 'Indonesian', vi: 'Vietnamese', vie: 'Vietnamese', la: 'Latin', lat: 'Latin',
};

export function languageName(s: string | undefined): string | undefined {
  return s === undefined ? undefined : (LANGUAGES[s] ?? s);
}

export function normalisePages(start: string | undefined, end: string | undefined): string | undefined {
  const a = start?.trim();
  const b = end?.trim();
  if (!a && !b) return undefined;
  if (a && /^no$/i.test(a) && b && /^specified$/i.test(b)) return undefined;
  if (a && /^no pagination specified$/i.test(a)) return undefined;
  let page: string;
  if (a && b && b !== a && !/[-–—]/.test(a)) page = `${a}-${b}`;
  else page = (a || b) as string;
  page = collapse(page.replace(/\s*(?:--|[–—‐-])\s*/g, '-'));
  // "405-405" (BibTeX) and SP 405 / EP 405 (RIS) are the same single page.
  const halves = page.split('-');
  if (halves.length === 2 && halves[0] === halves[1]) page = halves[0] as string;
  return page || undefined;
}

function cleanName(n: CslName, markup: Markup): CslName | undefined {
  const out: CslName = {};
  for (const k of ['family', 'given', 'non-dropping-particle', 'dropping-particle', 'suffix', 'literal'] as const) {
    const v = n[k];
    if (typeof v === 'string') {
      const c = markup === 'tex' ? collapse(v) : cleanText(v, markup);
      if (c) out[k] = c;
    }
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function cleanNames(names: CslName[], markup: Markup): CslName[] {
  const out: CslName[] = [];
  for (const n of names) {
    const c = cleanName(n, markup);
    if (c) out.push(c);
  }
  return out;
}

/** Draft → stored CSL-JSON. BibTeX names arrive already converted (their TeX is split before it is cleaned). */
export function finishItem(d: Draft, markup: Markup): CslItem {
  const item: CslItem = { id: d.id, type: d.type };
  const set = (key: keyof CslItem & string, v: string | undefined): void => {
    if (v) (item as Record<string, unknown>)[key] = v;
  };
  set('title', cleanText(d.title, markup));
  const author = cleanNames(d.author, markup);
  if (author.length) item.author = author;
  const editor = cleanNames(d.editor, markup);
  if (editor.length) item.editor = editor;
  const parts = toDateParts(d.date);
  if (parts) item.issued = { 'date-parts': [parts] };
  const container = cleanText(d.container, markup);
  set('container-title', container === undefined ? undefined : unshout(container));
  set('volume', cleanText(d.volume, markup));
  set('issue', cleanText(d.issue, markup));
  set('page', normalisePages(cleanText(d.page, markup), cleanText(d.pageEnd, markup)));
  set('DOI', normaliseDoi(d.doi));
  set('abstract', cleanText(d.abstract, markup));
  const seen = new Set<string>();
  const keywords: string[] = [];
  for (const k of d.keywords) {
    const c = cleanText(k, markup)?.replace(/^[;,]+|[;,]+$/g, '').trim();
    if (c && !seen.has(c.toLowerCase())) {
      seen.add(c.toLowerCase());
      keywords.push(c);
    }
  }
  if (keywords.length) item.keyword = keywords.join('; ');
  set('language', languageName(cleanText(d.language, markup)));
  set('publisher', cleanText(d.publisher, markup));
  set('publisher-place', cleanText(d.place, markup));
  set('ISBN', cleanText(d.isbn, markup));
  set('ISSN', cleanText(d.issn, markup));
  set('URL', d.url?.trim() || undefined);
  set('note', cleanText(d.note, markup));
  set('citation-key', d.citationKey?.trim() || undefined);
  return item;
}

/** Keywords as stored ("; "-joined) back to a list. */
export function keywordList(item: CslItem): string[] {
  return item.keyword ? item.keyword.split(/;\s*/).filter(Boolean) : [];
}
