// The record the duplicate search compares, built from an item's fields: the title as compared (markup and language
// notes removed) with its variants (without a subtitle, the bracketed translation), volume, issue and first page in
// comparable forms, the journal and the first author's surname words. Computed when the search runs, from the
// item's columns, so a change here applies to the whole library at once without a migration.
import type { CslItem, CslName } from '../csl.ts';
import { authorKey, nameText, normaliseDoi, normaliseText, yearOf } from './dedupe-keys.ts';

/** What an item contributes to the duplicate search, as its columns hold it. */
export interface DedupeFields {
  title: string;
  /** normaliseText(title), when the caller has it stored */
  titleNorm?: string;
  doiNorm: string | null;
  /** the stored first-author key (particles handled from the structured name) */
  authorKey: string;
  /** the first author as displayed: "Family, Given" or a literal "Liu R." */
  firstAuthor: string;
  year: number | null;
  container: string;
  volume: string;
  issue: string;
  page: string;
}

export interface DedupeRecord {
  id: number;
  doiNorm: string | null;
  /** normalised title, markup removed (ablation: plainTitle) */
  titleNorm: string;
  /** normalised title as stored (normaliseText of the title alone), for measuring what the cleaning adds */
  plainTitle: string;
  authorKey: string;
  year: number | null;
  /** the title before a subtitle (":", " - ", "? ", ". "), when that part is long enough to identify a work */
  mainTitle: string | null;
  /** a bracketed translation and the title without it ("Originaltitel [Original title]") */
  alternates: readonly string[];
  /** the first author as displayed; its surname words (authorWordsOf) are only needed when the keys differ */
  firstAuthor: string;
  journal: string;
  volume: string | null;
  issue: string | null;
  firstPage: string | null;
}

// Markup some databases keep in titles (Embase: <sup>, <inf>; others <i>, <sub>) and the entities beside it.
const TAGS = /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>/gi;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
const ENTITY = /&(#\d+|#x[0-9a-f]+|[a-z]+);/gi;

const LANGUAGES = 'afrikaans|arabic|bulgarian|catalan|chinese|croatian|czech|danish|dutch|english|estonian|finnish|french|' +
  'german|greek|hebrew|hindi|hungarian|icelandic|indonesian|italian|japanese|korean|latvian|lithuanian|malay|norwegian|' +
  'persian|polish|portuguese|romanian|russian|serbian|slovak|slovene|slovenian|spanish|swedish|thai|turkish|ukrainian|vietnamese';
// MEDLINE and Embase note the language after a translated title: "… in rats. [German]", "[Article in French]",
// "(author's transl)", "[English abstract]"
const LANGUAGE_NOTE = new RegExp(
  `[\\s.]*[[(](?:(?:article\\s+in\\s+|in\\s+)?(?:${LANGUAGES})(?:\\s*(?:,|and|&|/)\\s*(?:${LANGUAGES}))*(?:\\s+(?:abstract|summary|text|version|transl(?:ation)?))?` +
  `|author'?s'?\\s+transl(?:ation)?)[\\])]\\.?\\s*$`, 'i');

const BRACKET_END = /[\])]\.?\s*$/;

/** The title with markup and trailing language notes removed, not yet normalised. */
export function cleanTitle(title: string): string {
  let t = title.includes('<') ? title.replace(TAGS, '') : title;
  if (t.includes('&')) {
    t = t.replace(ENTITY, (m, e: string) => {
      if (e[0] !== '#') return ENTITIES[e.toLowerCase()] ?? m;
      const code = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    });
  }
  // only a title that ends in a bracket (and perhaps a full stop) can end in a note: most are spared the pattern
  for (let i = 0; i < 2 && BRACKET_END.test(t); i++) t = t.replace(LANGUAGE_NOTE, '');
  return t;
}

// A variant identifies a work only when it is long enough: "Introduction: …" must not match every "Introduction".
const MIN_VARIANT_WORDS = 4;
const MIN_VARIANT_LENGTH = 24;
const longEnough = (norm: string): boolean => norm.length >= MIN_VARIANT_LENGTH && norm.split(' ').length >= MIN_VARIANT_WORDS;

const SUBTITLE = /\s*(?::|\s[-–—]\s|[?!.]\s)/;

/** The main title before a subtitle, normalised, or null when there is no subtitle or the main part is short. */
export function mainTitleOf(clean: string): string | null {
  const m = SUBTITLE.exec(clean);
  if (!m || m.index === 0 || !/[\p{L}\p{N}]/u.test(clean.slice(m.index + m[0].length))) return null;
  const main = normaliseText(clean.slice(0, m.index));
  return longEnough(main) ? main : null;
}

const BRACKETED = /\[([^[\]]+)\]/;

/** A bracketed part that is a title of its own (a translation), and the title without it. */
export function alternatesOf(clean: string): string[] {
  const m = BRACKETED.exec(clean);
  if (!m) return [];
  const out: string[] = [];
  const inside = normaliseText(m[1] ?? '');
  const outside = normaliseText(clean.slice(0, m.index) + ' ' + clean.slice(m.index + m[0].length));
  // a title that is all brackets ("[Effects of …]", MEDLINE's translated title) is the same title
  if (!outside) return [];
  if (longEnough(inside)) out.push(inside);
  if (longEnough(outside) && out.length > 0) out.push(outside);
  return out;
}

// German and Scandinavian letters written out by databases that drop diacritics: "Müller" becomes "muller" in one
// and "mueller" in another. Both sides are folded the same way, so "ue" and "u" agree.
const TRANSLIT = /ae|oe|ue|aa/g;
const TRANSLIT_TO: Record<string, string> = { ae: 'a', oe: 'o', ue: 'u', aa: 'a' };
export const transliterate = (word: string): string => word.replace(TRANSLIT, (m) => TRANSLIT_TO[m] ?? m);

// Initials end a literal name's surname: "Garcia-Lopez J. M.", "van der Berg JM"
const INITIALS = /^(?:\p{Lu}\.?){1,3}$|^\p{Lu}\.(?:-?\p{Lu}\.)*$/u;

/** The first author's surname words (all of a compound or particle surname), transliterated, " "-delimited. */
export function authorWordsOf(firstAuthor: string): string {
  const comma = firstAuthor.indexOf(',');
  let surname = comma >= 0 ? firstAuthor.slice(0, comma) : firstAuthor;
  if (comma < 0) {
    const parts = surname.split(/\s+/);
    // ASySD-style packed lists ("Adeli K.Lewis G. F.") run the next surname into an initial
    const end = parts.findIndex((p, i) => i > 0 && (INITIALS.test(p) || /^\p{Lu}\.\p{L}/u.test(p)));
    surname = (end > 0 ? parts.slice(0, end) : parts.slice(0, 1)).join(' ');
  }
  const words = normaliseText(surname).split(' ').filter((w) => w.length > 1).map(transliterate);
  return words.length ? ` ${words.join(' ')} ` : '';
}

const digitsOf = (s: string): string => s.replace(/^0+(?=\d)/, '');

// Spreadsheets turn "1-2" into "01-Feb" and "8-21" into "21-Aug": such a value says nothing reliable.
const SPREADSHEET_DATE = /^\d{1,2}-(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)$/i;

/**
 * A volume's number ("38 (Supplement 1)" → 38, "12(3)" → 12, "57 Suppl" → 57) and an issue written with it; null
 * for what cannot be read cleanly ("1)", a damaged "(Supplement 1)", or "96-98").
 */
export function volumeKey(volume: string): { volume: string | null; issue: string | null } {
  const m = /^\s*(?:vol(?:ume)?\.?\s*)?(\d+)\s*(?:\(([^()]*)\)|(?=\s|$))/i.exec(volume);
  if (!m) return { volume: null, issue: null };
  return { volume: digitsOf(m[1] as string), issue: m[2] ? issueKey(m[2]) : null };
}

/** An issue as "3" or "s3" (supplement 3); null for forms that cannot be compared safely ("1 Suppl 1", "3-4"). */
export function issueKey(issue: string): string | null {
  if (SPREADSHEET_DATE.test(issue.trim())) return null;
  const s = issue.toLowerCase().replace(/\b(?:no|nr|issue|num(?:ber)?)\b\.?/g, '').replace(/\b(?:supplement|suppl|supp|sup)\b\.?/g, 's')
    .replace(/[\s.]+/g, '');
  const m = /^(s?)0*(\d+)$/.exec(s);
  if (m) return `${m[1] ?? ''}${m[2] || '0'}`;
  return s === 's' ? 's' : null;
}

/** The first page's number: "e1234" and "1234", "S354" and "354", "221-8" and "221-228" agree; null for "xii". */
export function firstPageKey(page: string): string | null {
  if (SPREADSHEET_DATE.test(page.trim())) return null;
  const first = page.trim().replace(/^pp?\.?\s*/i, '').split(/\s*[-–—,]\s*/)[0] ?? '';
  const m = /^[a-z]{0,2}0*(\d+)[a-z]?$/i.exec(first);
  return m ? digitsOf(m[1] as string) : null;
}

export function fieldsOfItem(item: CslItem): DedupeFields {
  const first: CslName | undefined = item.author?.[0] ?? item.editor?.[0];
  const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
  return {
    title: item.title ?? '',
    doiNorm: normaliseDoi(item.DOI),
    authorKey: authorKey(first),
    firstAuthor: first ? nameText(first) : '',
    year: yearOf(item),
    container: item['container-title'] ?? '',
    volume: str(item.volume),
    issue: str(item.issue),
    page: str(item.page),
  };
}

export function dedupeRecord(id: number, f: DedupeFields): DedupeRecord {
  const clean = cleanTitle(f.title);
  const plainTitle = f.titleNorm ?? normaliseText(f.title);
  const titleNorm = clean === f.title ? plainTitle : normaliseText(clean);
  const vol = volumeKey(f.volume);
  return {
    id,
    doiNorm: f.doiNorm,
    titleNorm,
    plainTitle,
    authorKey: f.authorKey,
    year: f.year,
    mainTitle: mainTitleOf(clean),
    alternates: clean.includes('[') ? alternatesOf(clean) : [],
    firstAuthor: f.firstAuthor,
    journal: normaliseText(f.container),
    volume: vol.volume,
    issue: f.issue ? issueKey(f.issue) : vol.issue,
    firstPage: firstPageKey(f.page),
  };
}
