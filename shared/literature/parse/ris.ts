// RIS as Zotero, EndNote, Embase, Ovid, PubMed, WoS, Scopus, EPPI, Rayyan and others write it. Hand-written rather
// than citation-js: it is several times faster, and the dialect quirks (repeated DO, month-only DA, "2018//",
// untagged continuation lines, record-number lines between records) are handled here instead of throwing.
import type { RawRecord, RecordParser, RecordSplitter, ParsedRecord, RecordFailure } from '../types.ts';
import { parseDate, type DateParts } from '../dates.ts';
import { findDoi, normaliseDoi } from '../doi.ts';
import type { CslName } from '../../csl.ts';
import { parseNameList } from '../names.ts';
import { finishItem, newDraft } from '../normalise.ts';
import { splitLines, trimRecord } from './lines.ts';
import { hasNothingUsable, setDate, setNames, setText, titleUntitled } from './tagged.ts';

// Record boundaries are found with native regex scans over the buffered text instead of line by line: the
// splitter then costs almost nothing, and each raw record is one slice of the input, verbatim.
// A record starts at its TY line, or, where TY is damaged or missing, at the first other tag line after the last
// record if an ER line closes that block before the next TY: a block of TI/AU/… lines is never skipped (the parser
// reads it as a record of unknown type), while stray tag lines between records (Ovid's NL after ER) stay ignored.
// Up to three control or non-ASCII characters before the tag (a BOM mangled by a Windows code page) are dropped.
const START = /^([^\x20-\x7E\r\n]{0,3})(?!ER)[A-Z][A-Z0-9] {1,2}-/gm;
const STOP = /^(?:ER {1,2}-|ER[ \t]*$|[^\x20-\x7E\r\n]{0,3}TY {1,2}-)/gm;
const EOL = /\r\n|\r|\n/g;

export class RisSplitter implements RecordSplitter {
  private buf = '';
  private start = -1;
  private from = 0;
  private n = 0;
  private first = true;
  private lineStart = true;
  /** the open record began at a tag other than TY: it is one only if an ER line closes it */
  private untyped = false;

  push(chunk: string): RawRecord[] {
    if (this.first && chunk.length > 0) {
      this.first = false;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    this.buf += chunk;
    return this.scan(false);
  }

  end(): RawRecord[] {
    return this.scan(true);
  }

  private emit(out: RawRecord[], to: number): void {
    out.push({ recordNumber: ++this.n, raw: trimRecord(this.buf.slice(this.start, to)) });
  }

  private scan(final: boolean): RawRecord[] {
    const out: RawRecord[] = [];
    const buf = this.buf;
    for (;;) {
      if (this.start < 0) {
        START.lastIndex = this.from;
        let m = START.exec(buf);
        // Position 0 of a trimmed buffer is a line start only if the text before it ended a line.
        if (m && m.index === 0 && !this.lineStart) {
          START.lastIndex = 1;
          m = START.exec(buf);
        }
        if (!m) {
          // keep a possibly cut "TY  -" at the end, with the junk that may stand before it
          this.from = Math.max(this.from, buf.length - 9);
          break;
        }
        this.start = m.index + (m[1]?.length ?? 0);
        this.from = this.start + 2;
        this.untyped = !buf.startsWith('TY', this.start);
      }
      STOP.lastIndex = this.from;
      const stop = STOP.exec(buf);
      // A stop match at the very end may be cut short ("ER" of "ERx…", or "TY" of a tag yet to come).
      if (!stop || (!final && buf.length - stop.index < 11 && !/[\r\n]/.test(buf.slice(stop.index)))) {
        if (final) {
          if (!this.untyped) this.emit(out, buf.length);
          this.start = -1;
          this.from = buf.length;
        } else {
          // A stop can only begin at a line start: resume from the last one, not from the record's start, so
          // small chunks do not rescan the record over and over.
          const lastLine = Math.max(buf.lastIndexOf('\n'), buf.lastIndexOf('\r')) + 1;
          this.from = Math.max(this.from, Math.min(lastLine, stop ? stop.index : buf.length));
        }
        break;
      }
      if (stop[0].endsWith('-') && !stop[0].startsWith('ER')) {
        // a record without ER: keep it, the next TY starts another (tag lines with neither TY nor ER are not one)
        if (!this.untyped) this.emit(out, stop.index);
        this.start = -1;
        this.from = stop.index;
        continue;
      }
      EOL.lastIndex = stop.index;
      const eol = EOL.exec(buf);
      if (!eol || (eol[0] === '\r' && eol.index === buf.length - 1 && !final)) {
        if (!final) {
          this.from = stop.index;
          break;
        }
        this.emit(out, buf.length);
        this.start = -1;
        this.from = buf.length;
        break;
      }
      this.emit(out, eol.index);
      this.start = -1;
      this.from = eol.index + eol[0].length;
    }
    const keep = this.start >= 0 ? this.start : Math.min(this.from, buf.length);
    if (keep > 0) {
      const before = buf.charCodeAt(keep - 1);
      // the same line ends as the regexes' multiline ^ (which also breaks at U+2028 and U+2029)
      this.lineStart = before === 10 || before === 13 || before === 0x2028 || before === 0x2029;
    }
    this.buf = buf.slice(keep);
    this.from -= keep;
    if (this.start >= 0) this.start = 0;
    return out;
  }
}

// Every reference type of the RIS specification (RefMan 2011, and the 2001 list before it), with the nearest CSL 1.0.2
// type. Where the specification's own name says what the type is, that decides: MUSIC is a "music score", LEGAL a
// "legal rule or regulation", CLSWK and ANCIENT classical and ancient works, for which CSL has musical_score,
// regulation and classic. GEN ("generic") is the one that reads as article: EndNote and EPPI put working papers and
// grey literature there, which CSL calls article, and it is what our RIS writer writes for article.
export const RIS_TYPES: Record<string, string> = {
  ABST: 'article-journal', ADVS: 'motion_picture', AGGR: 'dataset', ANCIENT: 'classic', ART: 'graphic', BILL: 'bill',
  BLOG: 'post-weblog', BOOK: 'book', CASE: 'legal_case', CHAP: 'chapter', CHART: 'figure', CLSWK: 'classic',
  COMP: 'software', CONF: 'paper-conference', CPAPER: 'paper-conference', CTLG: 'book', DATA: 'dataset',
  DBASE: 'dataset', DICT: 'entry-dictionary', EBOOK: 'book', ECHAP: 'chapter', EDBOOK: 'book', EJOUR: 'article-journal',
  ELEC: 'webpage', ENCYC: 'entry-encyclopedia', EQUA: 'document', FIGURE: 'figure', GEN: 'article', GOVDOC: 'report',
  GRANT: 'document', HEAR: 'hearing', ICOMM: 'personal_communication', INPR: 'article-journal',
  JFULL: 'periodical', JOUR: 'article-journal', LEGAL: 'regulation', MANSCPT: 'manuscript', MAP: 'map',
  MGZN: 'article-magazine', MPCT: 'motion_picture', MULTI: 'motion_picture', MUSIC: 'musical_score',
  NEWS: 'article-newspaper', PAMP: 'pamphlet', PAT: 'patent', PCOMM: 'personal_communication', RPRT: 'report',
  SER: 'book', SLIDE: 'speech', SOUND: 'song', STAND: 'standard', STAT: 'legislation', THES: 'thesis',
  UNBILL: 'bill', UNPB: 'manuscript', VIDEO: 'motion_picture', WEB: 'webpage',
  // spellings other writers use: Zotero's GRNT and UNPD
  GRNT: 'document', UNPD: 'manuscript',
};

// Tags whose untagged continuation lines are further values (EndNote writes one MeSH term per line after one KW).
const LIST_TAGS = new Set(['KW', 'AU', 'A1', 'A2', 'A3', 'A4', 'ED', 'SN']);

export type RisFields = Map<string, string[]>;

const isUpper = (c: number): boolean => c >= 65 && c <= 90;

/** "XY  - value" → [tag, value]; hand-written because it runs on every line of every file. */
function tagOf(line: string): [string, string] | undefined {
  if (line.length < 4) return undefined;
  const a = line.charCodeAt(0);
  const b = line.charCodeAt(1);
  if (!isUpper(a) || !(isUpper(b) || (b >= 48 && b <= 57)) || line.charCodeAt(2) !== 32) return undefined;
  let i = 3;
  if (line.charCodeAt(i) === 32) i++;
  if (line.charCodeAt(i) !== 45) return undefined;
  i++;
  if (i < line.length && line.charCodeAt(i) !== 32) {
    // "AB  -x" is not a tag line, but "ER  -" and "ER  -   " are.
    if (line.slice(i).trim() !== '') return undefined;
  }
  return [line.slice(0, 2), line.slice(i).trim()];
}

export function readRisFields(raw: string): { fields: RisFields; ended: boolean } {
  const fields: RisFields = new Map();
  let last: string[] | undefined;
  let lastTag = '';
  let ended = false;
  for (const line of splitLines(raw)) {
    const m = tagOf(line);
    if (m) {
      const tag = m[0];
      if (tag === 'ER') {
        ended = true;
        break;
      }
      let values = fields.get(tag);
      if (!values) fields.set(tag, (values = []));
      values.push(m[1]);
      last = values;
      lastTag = tag;
    } else if (last && line.trim()) {
      if (LIST_TAGS.has(lastTag)) last.push(line.trim());
      else last[last.length - 1] += '\n' + line.trim();
    }
  }
  return { fields, ended };
}

function first(f: RisFields, ...tags: string[]): string | undefined {
  for (const t of tags) {
    const values = f.get(t);
    if (values === undefined) continue;
    for (const v of values) if (v !== '') return v;
  }
  return undefined;
}

function all(f: RisFields, ...tags: string[]): string[] {
  const out: string[] = [];
  for (const t of tags) {
    const values = f.get(t);
    if (values !== undefined) for (const v of values) if (v !== '') out.push(v);
  }
  return out;
}

const BOOKISH = new Set(['book', 'chapter', 'paper-conference', 'report']);

export interface RisDates {
  issued: DateParts;
  /** a DA that is not the publication date, kept: an earlier one is the online-first date, a later one an access
   * or entry date */
  other?: { key: 'available-date' | 'accessed'; date: DateParts };
  /** Y2: the access date in the 2011 specification, Zotero and EndNote */
  accessed?: DateParts;
}

const show = (d: DateParts): string => [d.year, d.month, d.day].filter((x) => x !== undefined).join('-');

/**
 * The publication date from PY, Y1 and DA, by one rule that holds in every dialect we have read:
 * - The year is PY's, else Y1's, else DA's. PY is the publication year of the 2011 specification and Y1 the primary
 *   date of the 2001 one; Zotero, EndNote, WoS, Scopus, EPPI and ASReview write PY, Ovid and Embase Y1.
 * - The month and day come from whichever of DA, Y1 and PY has most of them while having no year of its own
 *   (EndNote, WoS and EPPI write "DA - Jun", "DA - SEP", "DA - Mar 16") or the same year (Zotero writes "PY - 2019"
 *   and "DA - 2019/03/15/" from one date field; ScienceDirect and WoS a full DA too); DA first on a tie.
 * - A DA with a year of its own that differs is, in those dialects, not this record's publication date: Zotero's
 *   two never disagree, EndNote writes a web page's update date there and other exporters the date a record was
 *   entered. The year stays PY's, and that DA is kept as available-date when earlier (an online-first date) or
 *   accessed when later, with a warning naming both.
 * - Y2 is the access date (2011 specification, Zotero, EndNote): kept as accessed, never the publication year.
 */
export function risDate(f: RisFields, warnings: string[]): RisDates {
  const read = (tag: string): [string, DateParts] | undefined => {
    const v = first(f, tag);
    return v ? [tag, parseDate(v)] : undefined;
  };
  const cands = (['PY', 'Y1', 'DA'] as const).map(read).filter((c): c is [string, DateParts] => c !== undefined);
  const y2 = read('Y2')?.[1];
  const out: RisDates = y2?.year !== undefined ? { issued: {}, accessed: y2 } : { issued: {} };
  const withYear = cands.find(([, d]) => d.year !== undefined);
  if (!withYear) {
    if (cands.length) warnings.push(`no year in ${cands.map(([t]) => t).join('/')}`);
    return out;
  }
  const year = withYear[1].year as number;
  out.issued = { year };
  // the most complete of those that fit the year; on a tie DA, then Y1, then PY
  const order = ['DA', 'Y1', 'PY'];
  const parts = (d: DateParts): number => (d.month === undefined ? 0 : d.day === undefined ? 1 : 2);
  const fits = cands.filter(([, d]) => d.month !== undefined && (d.year === undefined || d.year === year));
  const best = fits.sort((a, b) => parts(b[1]) - parts(a[1]) || order.indexOf(a[0]) - order.indexOf(b[0]))[0];
  if (best) {
    const [tag, d] = best;
    out.issued.month = d.month;
    if (d.day !== undefined) out.issued.day = d.day;
    if (d.year === undefined && tag !== withYear[0]) warnings.push(`${tag} has no year; year taken from ${withYear[0]}`);
  }
  const da = cands.find(([t]) => t === 'DA')?.[1];
  if (da?.year !== undefined && da.year !== year) {
    const key = da.year < year ? 'available-date' : 'accessed';
    if (key === 'accessed' && out.accessed) {
      warnings.push(`DA ${show(da)} is not the publication date (${withYear[0]} ${year}); left in the raw record, Y2 is the access date`);
    } else {
      out.other = { key, date: da };
      warnings.push(`DA ${show(da)} is not the publication date (${withYear[0]} ${year}); kept as ${key}`);
    }
  }
  return out;
}

// Ovid PsycINFO writes one A2 line of cited authors' surnames in alphabetical order ("Andres, Bucchianeri, Buote, …"):
// read in pairs it would make dozens of editors. Names packed into one line ("Smith, J., Jones, K.") have initials and
// are not sorted.
const INITIAL = /(?:^|\s)\p{Lu}{1,3}\.?(?:$|\s)/u;
function isSurnameList(v: string): boolean {
  const parts = v.split(',').map((p) => p.trim().toLowerCase());
  if (parts.length < 6 || v.split(',').some((p) => INITIAL.test(p.trim()))) return false;
  return parts.every((p, i) => i === 0 || (parts[i - 1] as string).localeCompare(p) <= 0);
}

const letters = (s: string | undefined): string => (s ?? '').normalize('NFKD').replace(/[^\p{L}]/gu, '').toLowerCase();
/** "Jan Frederik" and "JF" → "jf"; "J." → "j". */
const initials = (given: string | undefined): string =>
  (given ?? '').split(/[\s.-]+/).filter(Boolean).map((w) => (/^\p{Lu}+$/u.test(w) ? w : w.charAt(0))).join('').toLowerCase();

/** The same person written twice, perhaps once with fewer initials or without the hyphen ("Zhang, J" / "Zhang, JF"). */
function samePerson(a: CslName, b: CslName): boolean {
  if (a.literal !== undefined || b.literal !== undefined) return letters(a.literal ?? a.family) === letters(b.literal ?? b.family);
  if (letters(a.family) !== letters(b.family)) return false;
  const x = initials(a.given);
  const y = initials(b.given);
  return x.startsWith(y) || y.startsWith(x);
}

/**
 * A1 (the 2001 specification) and AU (2011) are both authors, in file order: a record that starts with A1 and goes
 * on with AU keeps its first author first. WoS RIS writes its group authors ("IEEE") under A1 after AU, and a book's
 * authors again ("AU - Zhang, JF", "A1 - Zhang, J"): a name the other tag already gave is not added twice.
 */
function authors(f: RisFields, warnings: string[]): CslName[] {
  // a Map keeps its keys in the order they were first set: the order the two tags first appear in the record
  const [one, two] = [...f.keys()].filter((t) => t === 'A1' || t === 'AU');
  const firstNames = one ? names(f, warnings, one) : [];
  const more = two ? names(f, warnings, two).filter((n) => !firstNames.some((m) => samePerson(m, n))) : [];
  // an organisation written twice ("A1 - EC" twice) is one organisation; two people may share a name and initials
  return [...firstNames, ...more].filter((n, i, list) => n.literal === undefined || list.findIndex((m) => m.literal !== undefined && samePerson(m, n)) === i);
}

function names(f: RisFields, warnings: string[], ...tags: string[]): CslName[] {
  const out: CslName[] = [];
  for (const tag of tags) {
    for (const v of all(f, tag)) {
      if (tag !== 'AU' && tag !== 'A1' && isSurnameList(v)) {
        warnings.push(`${tag} holds a list of ${v.split(',').length} surnames, not names; left out`);
        continue;
      }
      out.push(...parseNameList(v));
    }
  }
  return out;
}

function splitIds(values: string[]): string[] {
  const out: string[] = [];
  for (const v of values) {
    for (const p of v.split(/[\\;,]|\s+(?=\d)/)) {
      const t = p.trim();
      if (t && !out.includes(t)) out.push(t);
    }
  }
  return out;
}

export const isIsbn = (s: string): boolean => s.replace(/[^0-9Xx]/g, '').length >= 10;

export function parseRisRecord(rec: RawRecord): ParsedRecord | RecordFailure {
  const { fields: f, ended } = readRisFields(rec.raw);
  const warnings: string[] = [];
  if (!ended) warnings.push('record has no ER line');
  const ty = (first(f, 'TY') ?? '').toUpperCase();
  const type = RIS_TYPES[ty] ?? 'document';
  if (!RIS_TYPES[ty]) warnings.push(ty ? `unknown RIS type "${ty}", read as document` : 'unknown RIS type (no TY line), read as document');
  const d = newDraft(first(f, 'ID') ?? `ris-${rec.recordNumber}`, type);
  d.title = first(f, 'TI', 'T1', ...(type === 'book' ? ['BT'] : []), 'CT', 'ST');
  // A2 (and ED, which EndNote writes) are the editors, A3 the series (collection) editors, A4 the "subsidiary
  // authors", which EndNote and Zotero write for translators. Zotero writes a whole book's editors as A3 (and its
  // series editors as A2): a book whose only editors are under A3 has them as its editors.
  d.author = authors(f, warnings);
  d.editor = names(f, warnings, 'ED', 'A2');
  const a3 = names(f, warnings, 'A3');
  const a3Editors = type === 'book' && d.editor.length === 0;
  if (a3Editors) d.editor = a3;
  d.container =
    type === 'chapter' ? first(f, 'T2', 'BT', 'JF', 'JO') : first(f, 'T2', 'JF', 'JO', 'BT', 'JA', 'J2', 'J1', 'T3');
  const dates = risDate(f, warnings);
  d.date = dates.issued;
  d.volume = first(f, 'VL');
  d.issue = first(f, 'IS', 'CP');
  d.page = first(f, 'SP');
  d.pageEnd = first(f, 'EP');
  let doi: string | undefined;
  for (const v of all(f, 'DO', 'DI', 'DOI')) if ((doi = normaliseDoi(v))) break;
  d.doi = doi ?? findDoi(all(f, 'UR', 'L2', 'L1', 'L3', 'LK').join(' ')) ?? normaliseDoi(first(f, 'M3'));
  const ab = first(f, 'AB');
  const n2 = first(f, 'N2');
  d.abstract = ab && n2 ? (n2.length > ab.length ? n2 : ab) : (ab ?? n2);
  d.keywords = all(f, 'KW', 'DE');
  if (d.keywords.some((k) => k.includes(';'))) d.keywords = d.keywords.flatMap((k) => k.split(';'));
  d.language = first(f, 'LA');
  d.publisher = first(f, 'PB', 'PU');
  d.place = first(f, 'CY', 'PP', 'PI');
  const ids = splitIds(all(f, 'SN', 'BN'));
  const isbn = ids.filter((s) => isIsbn(s) || BOOKISH.has(type));
  const issn = ids.filter((s) => !isbn.includes(s));
  if (isbn.length) d.isbn = isbn.join(', ');
  if (issn.length) d.issn = issn.join(', ');
  d.url = first(f, 'UR');
  d.note = first(f, 'N1');
  const item = finishItem(d, 'plain', warnings);
  if (!a3Editors) setNames(item, 'collection-editor', a3);
  setNames(item, 'translator', names(f, warnings, 'A4'));
  // T3 is the series title; it stands in as the container only when nothing else names one
  if (d.container !== first(f, 'T3')) setText(item, 'collection-title', first(f, 'T3'));
  if (dates.accessed) setDate(item, 'accessed', dates.accessed);
  if (dates.other) setDate(item, dates.other.key, dates.other.date);
  if (hasNothingUsable(item)) {
    return { recordNumber: rec.recordNumber, raw: rec.raw, reason: 'RIS record has no title, author, year or DOI' };
  }
  titleUntitled(item, warnings);
  return { recordNumber: rec.recordNumber, raw: rec.raw, item, warnings };
}

export class RisParser implements RecordParser {
  parse(rec: RawRecord): ParsedRecord | RecordFailure {
    return parseRisRecord(rec);
  }
}
