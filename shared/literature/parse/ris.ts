// RIS as Zotero, EndNote, Embase, Ovid, PubMed, WoS, Scopus, EPPI, Rayyan and others write it. Hand-written rather
// than citation-js: it is several times faster, and the dialect quirks (repeated DO, month-only DA, "2018//",
// untagged continuation lines, record-number lines between records) are handled here instead of throwing.
import type { RawRecord, RecordParser, RecordSplitter, ParsedRecord, RecordFailure } from '../types.ts';
import { parseDate, type DateParts } from '../dates.ts';
import { findDoi, normaliseDoi } from '../doi.ts';
import { parseNameList } from '../names.ts';
import { finishItem, newDraft } from '../normalise.ts';
import { splitLines, trimRecord } from './lines.ts';

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

export const RIS_TYPES: Record<string, string> = {
  ENCYC: 'entry-encyclopedia', JOUR: 'article-journal', JFULL: 'article-journal', EJOUR: 'article-journal', ABST: 'article-journal',
  INPR: 'article-journal', MGZN: 'article-magazine', NEWS: 'article-newspaper', BOOK: 'book', EBOOK: 'book',
  EDBOOK: 'book', SER: 'book', CHAP: 'chapter', ECHAP: 'chapter', CONF: 'paper-conference',
  CPAPER: 'paper-conference', RPRT: 'report', THES: 'thesis', ELEC: 'webpage', WEB: 'webpage', PAT: 'patent',
  DATA: 'dataset', DBASE: 'dataset', UNPB: 'manuscript', MANSCPT: 'manuscript', GEN: 'article', BILL: 'bill',
  CASE: 'legal_case', STAT: 'legislation', MAP: 'map', COMP: 'software', SOUND: 'song', VIDEO: 'motion_picture',
  MPCT: 'motion_picture', ICOMM: 'personal_communication', PCOMM: 'personal_communication', HEAR: 'hearing',
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

/** PY, then Y1, then DA, then Y2 give the year; the month and day come from whichever agrees with that year. */
export function risDate(f: RisFields, warnings: string[]): DateParts {
  const cands: [string, DateParts][] = [];
  for (const tag of ['PY', 'Y1', 'DA', 'Y2']) {
    const v = first(f, tag);
    if (v) cands.push([tag, parseDate(v)]);
  }
  const withYear = cands.find(([, d]) => d.year !== undefined);
  if (!withYear) {
    if (cands.length) warnings.push(`no year in ${cands.map(([t]) => t).join('/')}`);
    return {};
  }
  const year = withYear[1].year as number;
  const out: DateParts = { year };
  const order = ['DA', 'PY', 'Y1', 'Y2'];
  const sorted = [...cands].sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0]));
  for (const [tag, d] of sorted) {
    if (d.month !== undefined && (d.year === undefined || d.year === year)) {
      out.month = d.month;
      if (d.day !== undefined) out.day = d.day;
      if (d.year === undefined && tag !== withYear[0]) warnings.push(`${tag} has no year; year taken from ${withYear[0]}`);
      break;
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
  const type = RIS_TYPES[ty] ?? 'article';
  if (!RIS_TYPES[ty]) warnings.push(`unknown RIS type "${ty}", read as article`);
  const d = newDraft(first(f, 'ID') ?? `ris-${rec.recordNumber}`, type);
  d.title = first(f, 'TI', 'T1', ...(type === 'book' ? ['BT'] : []), 'CT', 'ST');
  d.author = all(f, f.has('AU') ? 'AU' : 'A1').flatMap(parseNameList);
  d.editor = all(f, 'ED', ...(BOOKISH.has(type) ? ['A2'] : [])).flatMap(parseNameList);
  d.container =
    type === 'chapter' ? first(f, 'T2', 'BT', 'JF', 'JO') : first(f, 'T2', 'JF', 'JO', 'BT', 'JA', 'J2', 'J1', 'T3');
  d.date = risDate(f, warnings);
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
  const item = finishItem(d, 'plain');
  if (!item.title && !item.author && !item.issued && !item.DOI) {
    return { recordNumber: rec.recordNumber, raw: rec.raw, reason: 'RIS record has no title, author, year or DOI' };
  }
  return { recordNumber: rec.recordNumber, raw: rec.raw, item, warnings };
}

export class RisParser implements RecordParser {
  parse(rec: RawRecord): ParsedRecord | RecordFailure {
    return parseRisRecord(rec);
  }
}
