// BibTeX/BibLaTeX from Zotero, Better BibTeX, JabRef, Scopus and EndNote. Hand-written: one malformed entry (a field
// name with a space, a missing key, an unbalanced brace) fails alone instead of aborting the file, @string macros
// carry across entries, and crossref parents (which BibTeX puts after their children) are resolved at end().
import type { CslName } from '../../csl.ts';
import type { RawRecord, RecordParser, RecordSplitter, ParsedRecord, RecordFailure } from '../types.ts';
import { monthNumber, parseDate } from '../dates.ts';
import { parseBibtexName, splitBibtexNames } from '../names.ts';
import { finishItem, newDraft } from '../normalise.ts';
import { texToUnicode } from '../tex.ts';

const HEADER = /^@[ \t]*([a-zA-Z][\w-]*)[ \t\r\n]*([{(])/;
const LINE_START_ENTRY = /^[ \t]*@[ \t]*[a-zA-Z][\w-]*[ \t]*[{(]/;
const LOOKAHEAD = 200;
// What the entry scanner has to look at; everything between is skipped by the regex engine.
const SIGNIFICANT = /[\\{}()\n]/g;
const BRACES = /[\\{}]/g;

export class BibtexSplitter implements RecordSplitter {
  private buf = '';
  private pos = 0;
  private start = -1;
  private depth = 0;
  private paren = false;
  private n = 0;

  push(chunk: string): RawRecord[] {
    this.buf += chunk;
    return this.scan(false);
  }

  end(): RawRecord[] {
    return this.scan(true);
  }

  private emit(out: RawRecord[], from: number, to: number): void {
    const raw = this.buf.slice(from, to).trimEnd();
    if (raw) out.push({ recordNumber: ++this.n, raw });
  }

  private scan(final: boolean): RawRecord[] {
    const out: RawRecord[] = [];
    const buf = this.buf;
    for (;;) {
      if (this.start < 0) {
        const at = buf.indexOf('@', this.pos);
        if (at < 0) {
          this.pos = buf.length;
          break;
        }
        const head = buf.slice(at, at + LOOKAHEAD);
        const m = HEADER.exec(head);
        if (!m) {
          if (!final && buf.length - at < LOOKAHEAD && !/[^@\s\w-]/.test(head.slice(1))) {
            this.pos = at; // header may be cut by the chunk boundary
            break;
          }
          this.pos = at + 1;
          continue;
        }
        this.start = at;
        this.pos = at + m[0].length;
        this.paren = m[2] === '(';
        this.depth = this.paren ? 0 : 1;
      }
      let i = this.pos;
      let closed = -1;
      let broken = -1;
      let wait = false;
      for (; i < buf.length; i++) {
        SIGNIFICANT.lastIndex = i;
        const hit = SIGNIFICANT.exec(buf);
        if (!hit) {
          i = buf.length;
          break;
        }
        i = hit.index;
        const c = buf.charCodeAt(i);
        if (c === 92 /* \ */) {
          if (i + 1 >= buf.length && !final) {
            wait = true;
            break;
          }
          i++;
        } else if (c === 123 /* { */) {
          this.depth++;
        } else if (c === 125 /* } */) {
          this.depth--;
          if (!this.paren && this.depth === 0) {
            closed = i;
            break;
          }
        } else if (c === 41 /* ) */ && this.paren && this.depth <= 0) {
          closed = i;
          break;
        } else if (c === 10 /* \n */) {
          // An entry header at the start of a line inside an entry means the entry never closed: cut it there so
          // the next record is not swallowed.
          const ahead = buf.slice(i + 1, i + 1 + LOOKAHEAD);
          if (!final && ahead.length < LOOKAHEAD && i + 1 + ahead.length >= buf.length && /^[ \t]*@/.test(ahead)) {
            wait = true;
            break;
          }
          if (ahead.charCodeAt(0) !== 125 && LINE_START_ENTRY.test(ahead)) {
            broken = i;
            break;
          }
        }
      }
      if (closed >= 0) {
        this.emit(out, this.start, closed + 1);
        this.start = -1;
        this.pos = closed + 1;
        continue;
      }
      if (broken >= 0) {
        this.emit(out, this.start, broken);
        this.start = -1;
        this.pos = broken + 1;
        continue;
      }
      if (final && !wait) {
        this.emit(out, this.start, buf.length);
        this.start = -1;
        this.pos = buf.length;
      } else {
        this.pos = i;
      }
      break;
    }
    // Keep only what is still needed, so the buffer stays the size of one entry.
    const keep = this.start >= 0 ? this.start : this.pos;
    this.buf = buf.slice(keep);
    this.pos -= keep;
    if (this.start >= 0) this.start = 0;
    return out;
  }
}

export const BIBTEX_TYPES: Record<string, string> = {
  article: 'article-journal', book: 'book', mvbook: 'book', inbook: 'chapter', incollection: 'chapter',
  inproceedings: 'paper-conference', conference: 'paper-conference', proceedings: 'book', mvproceedings: 'book',
  collection: 'book', mvcollection: 'book', booklet: 'book', manual: 'book', phdthesis: 'thesis',
  mastersthesis: 'thesis', thesis: 'thesis', techreport: 'report', report: 'report', misc: 'article',
  online: 'webpage', electronic: 'webpage', www: 'webpage', unpublished: 'manuscript', patent: 'patent',
  dataset: 'dataset', software: 'software', periodical: 'periodical', suppbook: 'chapter', reference: 'book',
  inreference: 'entry-encyclopedia', article_in_press: 'article-journal',
};

const MONTH_MACROS: Record<string, string> = {
  jan: 'January', feb: 'February', mar: 'March', apr: 'April', may: 'May', jun: 'June', jul: 'July',
  aug: 'August', sep: 'September', oct: 'October', nov: 'November', dec: 'December',
};

const PARENT_TYPES = new Set(['book', 'mvbook', 'proceedings', 'mvproceedings', 'collection', 'mvcollection', 'reference', 'periodical']);

export interface BibEntry {
  type: string;
  key?: string;
  fields: Map<string, string>;
}

class BibSyntaxError extends Error {}

/** Reads one entry's text into type, key and raw (still TeX) field values. Throws BibSyntaxError with a reason. */
export function readBibEntry(raw: string, macros: Map<string, string>, warnings: string[]): BibEntry {
  const m = HEADER.exec(raw.trimStart());
  if (!m) throw new BibSyntaxError('not a BibTeX entry (expected "@type{")');
  const text = raw.trimStart();
  const type = (m[1] as string).toLowerCase();
  const paren = m[2] === '(';
  let body = text.slice(m[0].length);
  const closer = paren ? ')' : '}';
  const trimmed = body.trimEnd();
  if (!trimmed.endsWith(closer)) throw new BibSyntaxError(`entry is not closed with "${closer}" (unbalanced braces?)`);
  body = trimmed.slice(0, -1);
  // No separate balance pass: the splitter closed the entry at depth 0, and the reader throws on a value whose
  // braces do not close.
  const r = new Reader(body, macros, warnings);
  const fields = new Map<string, string>();
  if (type === 'string') {
    r.fields(fields);
    return { type, fields };
  }
  if (type === 'comment' || type === 'preamble') return { type, fields };
  const key = r.key();
  r.fields(fields);
  return key === undefined ? { type, fields } : { type, key, fields };
}

class Reader {
  private i = 0;
  constructor(
    private readonly s: string,
    private readonly macros: Map<string, string>,
    private readonly warnings: string[],
  ) {}

  private ws(): void {
    while (this.i < this.s.length && /\s/.test(this.s[this.i] as string)) this.i++;
  }

  /** The citation key, or undefined for EndNote's key-less entries (fields start right after the brace). */
  key(): string | undefined {
    this.ws();
    const comma = this.s.indexOf(',', this.i);
    const candidate = comma < 0 ? this.s.slice(this.i) : this.s.slice(this.i, comma);
    if (candidate.includes('=') || candidate.includes('{')) {
      this.warnings.push('entry has no citation key');
      return undefined;
    }
    this.i = comma < 0 ? this.s.length : comma + 1;
    return candidate.trim() || undefined;
  }

  fields(into: Map<string, string>): void {
    for (;;) {
      this.ws();
      while (this.s[this.i] === ',') {
        this.i++;
        this.ws();
      }
      if (this.i >= this.s.length) return;
      const eq = this.s.indexOf('=', this.i);
      if (eq < 0) {
        const rest = this.s.slice(this.i).trim();
        throw new BibSyntaxError(`expected "name = value" but found "${rest.slice(0, 40)}"`);
      }
      const name = this.s.slice(this.i, eq).replace(/\s+/g, ' ').trim().toLowerCase();
      if (!name || /[{}"#,]/.test(name)) {
        throw new BibSyntaxError(`bad field name "${name.slice(0, 40)}" at offset ${this.i}`);
      }
      this.i = eq + 1;
      const value = this.value(name);
      if (into.has(name)) this.warnings.push(`field "${name}" repeated; first value kept`);
      else into.set(name, value);
    }
  }

  private value(field: string): string {
    let out = '';
    for (;;) {
      this.ws();
      const c = this.s[this.i];
      if (c === '{') {
        const end = this.closeBrace(this.i);
        out += this.s.slice(this.i + 1, end);
        this.i = end + 1;
      } else if (c === '"') {
        let depth = 0;
        let j = this.i + 1;
        for (; j < this.s.length; j++) {
          const ch = this.s[j];
          if (ch === '\\') j++;
          else if (ch === '{') depth++;
          else if (ch === '}') depth--;
          else if (ch === '"' && depth === 0) break;
        }
        if (j >= this.s.length) throw new BibSyntaxError(`unterminated quoted value of "${field}"`);
        out += this.s.slice(this.i + 1, j);
        this.i = j + 1;
      } else {
        const m = /^[^\s,#}]+/.exec(this.s.slice(this.i, this.i + 200));
        if (!m) throw new BibSyntaxError(`field "${field}" has no value`);
        const word = m[0];
        this.i += word.length;
        if (/^\d+$/.test(word)) out += word;
        else {
          const macro = this.macros.get(word.toLowerCase()) ?? MONTH_MACROS[word.toLowerCase()];
          if (macro === undefined) this.warnings.push(`undefined macro "${word}" in "${field}"`);
          out += macro ?? word;
        }
      }
      this.ws();
      if (this.s[this.i] === '#') {
        this.i++;
        continue;
      }
      return out;
    }
  }

  private closeBrace(open: number): number {
    let depth = 0;
    BRACES.lastIndex = open;
    for (let m = BRACES.exec(this.s); m; m = BRACES.exec(this.s)) {
      const ch = this.s.charCodeAt(m.index);
      if (ch === 92) BRACES.lastIndex = m.index + 2;
      else if (ch === 123) depth++;
      else if (--depth === 0) return m.index;
    }
    throw new BibSyntaxError('unbalanced braces in a value');
  }
}

// Names, dates and the DOI are not prose: a "--" there is not a dash (see cleanText); pages are normalised on their own.
const tex = (s: string): string => texToUnicode(s, { dashes: false });

function names(v: string | undefined): CslName[] {
  if (!v) return [];
  const out: CslName[] = [];
  for (const n of splitBibtexNames(v)) {
    const name = parseBibtexName(n, tex);
    if (name) out.push(name);
  }
  return out;
}

const CHILD_OF_BOOK = new Set(['inbook', 'incollection', 'inproceedings', 'conference', 'suppbook', 'inreference']);

/** BibLaTeX inheritance: the parent's title becomes the child's booktitle, its author the bookauthor, etc. */
export function inherit(child: BibEntry, parent: BibEntry): void {
  for (const [k, v] of parent.fields) {
    let target = k;
    if (CHILD_OF_BOOK.has(child.type)) {
      if (k === 'title') target = 'booktitle';
      else if (k === 'subtitle') target = 'booksubtitle';
      else if (k === 'author') target = 'bookauthor';
    }
    if (k === 'crossref' || k === 'ids' || k === 'key') continue;
    if (!child.fields.has(target)) child.fields.set(target, v);
  }
}

function entryToItem(e: BibEntry, rec: RawRecord, warnings: string[]): ParsedRecord | RecordFailure {
  const f = e.fields;
  const get = (...ks: string[]): string | undefined => {
    for (const k of ks) {
      const v = f.get(k);
      if (v !== undefined && v.trim() !== '') return v;
    }
    return undefined;
  };
  const type = BIBTEX_TYPES[e.type] ?? 'article';
  if (!BIBTEX_TYPES[e.type]) warnings.push(`unknown entry type "@${e.type}", read as article`);
  const d = newDraft(e.key ?? `bibtex-${rec.recordNumber}`, type);
  if (e.key) d.citationKey = e.key;
  const title = get('title');
  const subtitle = get('subtitle');
  d.title = title && subtitle ? `${title}: ${subtitle}` : title;
  d.author = names(get('author'));
  d.editor = names(get('editor'));
  d.container = get('journal', 'journaltitle', 'booktitle', 'maintitle');
  const dateField = get('date');
  const yearField = get('year');
  const fromDate = dateField ? parseDate(tex(dateField)) : {};
  const y = yearField ? /\d{4}/.exec(tex(yearField)) : null;
  d.date = { ...fromDate };
  if (y) d.date.year = Number(y[0]);
  const month = get('month');
  if (month && d.date.year !== undefined && d.date.month === undefined) {
    const mm = monthNumber(tex(month).trim().split(/[\s.]/)[0] ?? '');
    if (mm) d.date.month = mm;
    const day = get('day');
    if (mm && day && /^\d{1,2}$/.test(day.trim())) d.date.day = Number(day.trim());
  }
  if (d.date.year === undefined) d.date = {};
  d.volume = get('volume');
  d.issue = get('number', 'issue');
  d.page = get('pages', 'page') ?? get('art_number', 'eid');
  const doi = get('doi');
  d.doi = doi === undefined ? undefined : tex(doi);
  d.abstract = get('abstract');
  const kws = [get('keywords'), get('author_keywords'), get('keyword')].filter((k): k is string => k !== undefined);
  d.keywords = kws.flatMap((k) => (k.includes(';') ? k.split(';') : k.split(',')));
  d.language = get('language', 'langid');
  d.publisher = get('publisher', 'institution', 'school', 'organization');
  d.place = get('address', 'location');
  d.isbn = get('isbn');
  d.issn = get('issn');
  const url = get('url');
  d.url = url?.replace(/[{}]/g, '').replace(/\\([_%#&~])/g, '$1');
  d.note = get('note');
  const item = finishItem(d, 'tex', warnings);
  if (!item.title && !item.author && !item.issued && !item.DOI) {
    return { recordNumber: rec.recordNumber, raw: rec.raw, reason: 'BibTeX entry has no title, author, year or DOI' };
  }
  return { recordNumber: rec.recordNumber, raw: rec.raw, item, warnings };
}

interface Pending {
  rec: RawRecord;
  entry: BibEntry;
  warnings: string[];
}

export class BibtexParser implements RecordParser {
  private macros = new Map<string, string>();
  private parents = new Map<string, BibEntry>();
  private pending: Pending[] = [];
  private wanted = new Set<string>();

  parse(rec: RawRecord): ParsedRecord | RecordFailure | null {
    const warnings: string[] = [];
    let entry: BibEntry;
    try {
      entry = readBibEntry(rec.raw, this.macros, warnings);
    } catch (e) {
      if (e instanceof BibSyntaxError) return { recordNumber: rec.recordNumber, raw: rec.raw, reason: e.message };
      throw e;
    }
    if (entry.type === 'string') {
      for (const [k, v] of entry.fields) this.macros.set(k, v);
      return null;
    }
    if (entry.type === 'comment' || entry.type === 'preamble') return null;
    const keyLc = entry.key?.toLowerCase();
    if (keyLc && (PARENT_TYPES.has(entry.type) || this.wanted.has(keyLc))) {
      this.parents.set(keyLc, { type: entry.type, fields: new Map(entry.fields), ...(entry.key ? { key: entry.key } : {}) });
    }
    const ref = entry.fields.get('crossref')?.trim().toLowerCase();
    if (ref) {
      const parent = this.parents.get(ref);
      if (parent) inherit(entry, parent);
      else {
        // BibTeX wants parents after their children: hold the child until end().
        this.wanted.add(ref);
        this.pending.push({ rec, entry, warnings });
        return null;
      }
    }
    return entryToItem(entry, rec, warnings);
  }

  /** Children whose crossref parent came later (or never): resolved now, in record order. */
  end(): (ParsedRecord | RecordFailure)[] {
    const out = this.pending.map(({ rec, entry, warnings }) => {
      const ref = entry.fields.get('crossref')?.trim().toLowerCase() as string;
      const parent = this.parents.get(ref);
      if (parent) inherit(entry, parent);
      else warnings.push(`crossref "${ref}" not found in the file`);
      return entryToItem(entry, rec, warnings);
    });
    this.pending = [];
    return out;
  }
}
