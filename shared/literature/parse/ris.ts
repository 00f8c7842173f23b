// RIS as Zotero, EndNote, Embase, Ovid, PubMed, WoS, Scopus, EPPI, Rayyan and others write it. Hand-written rather
// than citation-js: it is several times faster, and the dialect quirks (repeated DO, month-only DA, "2018//",
// untagged continuation lines, record-number lines between records) are handled here instead of throwing.
import type { RawRecord, RecordParser, RecordSplitter, ParsedRecord, RecordFailure } from '../types.ts';
import { parseDate, type DateParts } from '../dates.ts';
import { findDoi, normaliseDoi } from '../doi.ts';
import { parseNameList } from '../names.ts';
import { finishItem, newDraft } from '../normalise.ts';
import { LineBuffer, splitLines, stripEol, trimRecord } from './lines.ts';

const TAG = /^([A-Z][A-Z0-9]) {1,2}-(?: (.*)|\s*)$/;
const START = /^TY {1,2}-/;
const END = /^ER {1,2}-|^ER\s*$/;

export class RisSplitter implements RecordSplitter {
  private lines = new LineBuffer();
  private cur: string[] | null = null;
  private n = 0;

  push(chunk: string): RawRecord[] {
    const out: RawRecord[] = [];
    for (const line of this.lines.push(chunk)) this.line(line, out);
    return out;
  }

  end(): RawRecord[] {
    const out: RawRecord[] = [];
    for (const line of this.lines.end()) this.line(line, out);
    if (this.cur) this.emit(out);
    return out;
  }

  private line(line: string, out: RawRecord[]): void {
    const text = stripEol(line);
    if (START.test(text)) {
      if (this.cur) this.emit(out); // a record without ER: keep it, the next TY starts another
      this.cur = [line];
    } else if (this.cur) {
      this.cur.push(line);
      if (END.test(text)) this.emit(out);
    }
  }

  private emit(out: RawRecord[]): void {
    out.push({ recordNumber: ++this.n, raw: trimRecord((this.cur as string[]).join('')) });
    this.cur = null;
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

export function readRisFields(raw: string): { fields: RisFields; ended: boolean } {
  const fields: RisFields = new Map();
  let last: string[] | undefined;
  let lastTag = '';
  let ended = false;
  for (const line of splitLines(raw)) {
    const m = TAG.exec(line);
    if (m) {
      const tag = m[1] as string;
      if (tag === 'ER') {
        ended = true;
        break;
      }
      let values = fields.get(tag);
      if (!values) fields.set(tag, (values = []));
      values.push((m[2] ?? '').trim());
      last = values;
      lastTag = tag;
    } else if (last && line.trim()) {
      if (LIST_TAGS.has(lastTag)) last.push(line.trim());
      else last[last.length - 1] += '\n' + line.trim();
    }
  }
  return { fields, ended };
}

const first = (f: RisFields, ...tags: string[]): string | undefined => {
  for (const t of tags) {
    const v = f.get(t)?.find((x) => x.trim() !== '');
    if (v !== undefined) return v;
  }
  return undefined;
};
const all = (f: RisFields, ...tags: string[]): string[] => tags.flatMap((t) => f.get(t) ?? []).filter((v) => v.trim());

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
  const dois = all(f, 'DO', 'DI', 'DOI');
  d.doi = dois.map(normaliseDoi).find(Boolean) ?? findDoi(all(f, 'UR', 'L2', 'L1', 'L3', 'LK').join(' ')) ?? normaliseDoi(first(f, 'M3'));
  const ab = first(f, 'AB');
  const n2 = first(f, 'N2');
  d.abstract = ab && n2 ? (n2.length > ab.length ? n2 : ab) : (ab ?? n2);
  d.keywords = all(f, 'KW', 'DE').flatMap((k) => (k.includes(';') ? k.split(';') : [k]));
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
