// One place turns what a format parser read into stored CSL-JSON, so every format yields the same shape for the
// same work: Unicode text, single-spaced, pages with a hyphen, dates as numeric date-parts, DOI without resolver.
// Title, container title and abstract keep their formatting as CSL rich text (rich-text.ts); every other field is
// plain. Case is data: nothing is re-cased ("FEMS YEAST RESEARCH" is stored as the source wrote it).
import type { CslItem, CslName } from '../csl.ts';
import { toDateParts, type DateParts } from './dates.ts';
import { normaliseDoi } from './doi.ts';
import { htmlToRuns, htmlToText } from './html.ts';
import { refineRuns, runsToRich, type Run } from './rich-text.ts';
import { looksLikeTex, texOverRuns, texToRuns, texToUnicode } from './tex.ts';

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

export interface CleanOptions {
  /** keep formatting as CSL rich text (title, container title, abstract) */
  rich?: boolean;
  /**
   * Prose, where TeX's "--" and "---" are en and em dashes. Not pages ("--" is a range there) nor identifiers.
   * Zotero's BibTeX leaves a literal "--" unescaped ("DRB1*015:01--DQA1"), so a few such records read as en dashes
   * from BibTeX and as two hyphens from RIS: TeX says "--" is a dash, and the issue asks for TeX read as TeX.
   */
  prose?: boolean;
  /** collects what could not be read (unknown TeX commands, kept as written) */
  warnings?: Set<string>;
}

// An entity for "<": decoded, it could spell a tag, which the rich path keeps as text.
const ENCODED_LT = /&(?:lt|#0*60|#x0*3c);/i;

// TeX that only leaks into a non-TeX format is read without dashes: there "--" was typed as two hyphens.
const leakedTex = (t: string): boolean => (t.includes('\\') || t.includes('`')) && looksLikeTex(t);

/** Source markup to single-spaced Unicode: plain text, or CSL rich text with `rich`. */
export function cleanText(s: string | undefined, markup: Markup, opts: CleanOptions = {}): string | undefined {
  if (s === undefined) return undefined;
  // Most values carry no formatting: without a tag or a TeX command there is nothing to keep, and the plain path
  // gives the same text.
  if (opts.rich && (s.includes('<') || ENCODED_LT.test(s) || (markup === 'tex' ? /[\\$]/.test(s) : s.includes('\\')))) return cleanRich(s, markup, opts);
  const tex = { dashes: markup === 'tex' && opts.prose === true, warnings: opts.warnings };
  let t = s;
  if (markup === 'tex') t = texToUnicode(t, tex);
  if (t.includes('  ') || SPECIAL.test(t)) {
    t = htmlToText(t);
    if (markup === 'plain' && leakedTex(t)) t = texToUnicode(t, { dashes: false, escapes: true, warnings: opts.warnings });
    if (NON_ASCII.test(t)) t = t.normalize('NFC');
    if (OTHER_SPACE.test(t)) t = t.replace(/\s+/g, ' ');
  }
  t = t.trim();
  return t || undefined;
}

function cleanRich(s: string, markup: Markup, opts: CleanOptions): string | undefined {
  let runs: Run[] = markup === 'tex' ? texToRuns(s, { dashes: opts.prose === true, warnings: opts.warnings }) : [{ text: s, marks: 0 }];
  runs = refineRuns(runs, htmlToRuns);
  if (markup === 'plain' && leakedTex(runs.map((r) => r.text).join(''))) runs = texOverRuns(runs, { dashes: false, escapes: true, warnings: opts.warnings });
  // single-spaced and trimmed across the runs, before any tag is written between two spaces
  let space = true;
  for (const r of runs) {
    if (NON_ASCII.test(r.text)) r.text = r.text.normalize('NFC');
    if (OTHER_SPACE.test(r.text)) r.text = r.text.replace(/\s+/g, ' ');
    if (space && r.text.startsWith(' ')) r.text = r.text.slice(1);
    if (r.text) space = r.text.endsWith(' ');
  }
  for (let n = runs.length - 1; n >= 0; n--) {
    const r = runs[n] as Run;
    r.text = r.text.trimEnd();
    if (r.text) break;
  }
  return runsToRich(runs) || undefined;
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

function cleanName(n: CslName, markup: Markup, warnings: Set<string>): CslName | undefined {
  const out: CslName = {};
  for (const k of ['family', 'given', 'non-dropping-particle', 'dropping-particle', 'suffix', 'literal'] as const) {
    const v = n[k];
    if (typeof v === 'string') {
      const c = markup === 'tex' ? collapse(v) : cleanText(v, markup, { warnings });
      if (c) out[k] = c;
    }
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function cleanNames(names: CslName[], markup: Markup, warnings: Set<string>): CslName[] {
  const out: CslName[] = [];
  for (const n of names) {
    const c = cleanName(n, markup, warnings);
    if (c) out.push(c);
  }
  return out;
}

/**
 * Draft → stored CSL-JSON. BibTeX names arrive already converted (their TeX is split before it is cleaned). What
 * could not be read (an unknown TeX command, kept as written) is added to `warnings`, once per kind.
 */
export function finishItem(d: Draft, markup: Markup, warnings: string[] = []): CslItem {
  const item: CslItem = { id: d.id, type: d.type };
  const notes = new Set<string>();
  const plain = { warnings: notes };
  const prose = { prose: true, warnings: notes };
  const rich = { rich: true, prose: true, warnings: notes };
  const set = (key: keyof CslItem & string, v: string | undefined): void => {
    if (v) (item as Record<string, unknown>)[key] = v;
  };
  set('title', cleanText(d.title, markup, rich));
  const author = cleanNames(d.author, markup, notes);
  if (author.length) item.author = author;
  const editor = cleanNames(d.editor, markup, notes);
  if (editor.length) item.editor = editor;
  const parts = toDateParts(d.date);
  if (parts) item.issued = { 'date-parts': [parts] };
  set('container-title', cleanText(d.container, markup, rich));
  set('volume', cleanText(d.volume, markup, plain));
  set('issue', cleanText(d.issue, markup, plain));
  set('page', normalisePages(cleanText(d.page, markup, plain), cleanText(d.pageEnd, markup, plain)));
  set('DOI', normaliseDoi(d.doi));
  set('abstract', cleanText(d.abstract, markup, rich));
  const seen = new Set<string>();
  const keywords: string[] = [];
  for (const k of d.keywords) {
    const c = cleanText(k, markup, prose)?.replace(/^[;,]+|[;,]+$/g, '').trim();
    if (c && !seen.has(c.toLowerCase())) {
      seen.add(c.toLowerCase());
      keywords.push(c);
    }
  }
  if (keywords.length) item.keyword = keywords.join('; ');
  set('language', languageName(cleanText(d.language, markup, plain)));
  set('publisher', cleanText(d.publisher, markup, prose));
  set('publisher-place', cleanText(d.place, markup, prose));
  set('ISBN', cleanText(d.isbn, markup, plain));
  set('ISSN', cleanText(d.issn, markup, plain));
  set('URL', d.url?.trim() || undefined);
  set('note', cleanText(d.note, markup, prose));
  set('citation-key', d.citationKey?.trim() || undefined);
  for (const w of notes) if (!warnings.includes(w)) warnings.push(w);
  return item;
}

/** Keywords as stored ("; "-joined) back to a list. */
export function keywordList(item: CslItem): string[] {
  return item.keyword ? item.keyword.split(/;\s*/).filter(Boolean) : [];
}
