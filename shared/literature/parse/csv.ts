// CSV exports of Scopus, Web of Science, Rayyan, Covidence, ASySD: a header row names the columns; fields may be
// quoted and span lines. Each data row is one record; the header travels with it as `context`, and the line it
// starts on as `line`, since a spreadsheet user finds a row by its line, not by its count among the records.
import type { RawRecord, RecordParser, RecordSplitter, ParsedRecord, RecordFailure } from '../types.ts';
import { monthNumber, parseDate } from '../dates.ts';
import { parseNameList } from '../names.ts';
import { finishItem, newDraft } from '../normalise.ts';
import { isIsbn } from './ris.ts';

/** Consecutive whole rows inside one quoted field that make it a runaway (an unbalanced quote), not a long cell. */
const RUNAWAY_ROWS = 3;

/**
 * Splits rows at line ends outside quotes. An unbalanced quote would swallow every row after it into one cell: a
 * quoted field whose lines are themselves whole rows (as many cells as the header, quotes balanced) is taken for
 * a runaway, so the row that opened it ends at its first line (and fails, its quotes unbalanced) and the rows
 * after it are read on their own.
 */
export class CsvSplitter implements RecordSplitter {
  private buf = '';
  private pos = 0;
  private quoted = false;
  private header: string | undefined;
  private delim = ',';
  private width = 0;
  private n = 0;
  private started = false;
  /** inside a quoted field: where the current line starts, where the row's first line ended, row-like lines seen */
  private lineStart = 0;
  private firstBreak = -1;
  private rowLike = 0;
  /** the line `pos` stands on, and the line the row being scanned starts on (1-based, the header is line 1) */
  private line = 1;
  private rowLine = 1;

  push(chunk: string): RawRecord[] {
    if (!this.started) {
      chunk = chunk.replace(/^\uFEFF/, '');
      this.started = chunk.length > 0;
    }
    this.buf += chunk;
    return this.scan(false);
  }

  end(): RawRecord[] {
    return this.scan(true);
  }

  private row(text: string, out: RawRecord[]): void {
    const line = this.rowLine;
    this.rowLine = this.line;
    const raw = text.replace(/\r?\n$|\r$/, '');
    if (!raw.trim()) return;
    if (this.header === undefined) {
      this.header = raw;
      this.delim = detectDelimiter(raw);
      this.width = parseCsvRow(raw, this.delim).length;
      return;
    }
    out.push({ recordNumber: ++this.n, raw, context: this.header, line });
  }

  private scan(final: boolean): RawRecord[] {
    const out: RawRecord[] = [];
    const b = this.buf;
    let start = 0;
    let i = this.pos;
    for (; i < b.length; i++) {
      const c = b.charCodeAt(i);
      if (c === 34) this.quoted = !this.quoted;
      else if (c === 10 || c === 13) {
        if (c === 13) {
          if (i + 1 >= b.length && !final) break;
          if (b.charCodeAt(i + 1) === 10) i++;
        }
        this.line++;
        if (!this.quoted) {
          this.row(b.slice(start, i + 1), out);
          start = i + 1;
          this.firstBreak = -1;
          this.rowLike = 0;
        } else if (this.firstBreak < 0) {
          this.firstBreak = i + 1;
        } else if (this.isRow(b.slice(this.lineStart, i + 1))) {
          if (++this.rowLike >= RUNAWAY_ROWS) {
            // the lines after the opener's first are read again, as rows of their own
            this.line = this.rowLine + 1;
            this.row(b.slice(start, this.firstBreak), out);
            start = this.firstBreak;
            i = start - 1;
            this.quoted = false;
            this.firstBreak = -1;
            this.rowLike = 0;
          }
        } else this.rowLike = 0;
        this.lineStart = i + 1;
      }
    }
    if (final) {
      if (start < b.length) this.row(b.slice(start), out);
      this.buf = '';
      this.pos = 0;
      this.lineStart = 0;
      this.firstBreak = -1;
    } else {
      this.buf = b.slice(start);
      this.pos = i - start;
      this.lineStart -= start;
      if (this.firstBreak >= 0) this.firstBreak -= start;
    }
    return out;
  }

  /** a line that reads as a whole row of this file: balanced quotes and exactly the header's number of cells */
  private isRow(line: string): boolean {
    if (this.width < 3) return false;
    let quotes = 0;
    for (let k = line.indexOf('"'); k >= 0; k = line.indexOf('"', k + 1)) quotes++;
    return quotes % 2 === 0 && parseCsvRow(line.replace(/\r?\n$|\r$/, ''), this.delim).length === this.width;
  }
}

export function detectDelimiter(header: string): string {
  let best = ',';
  let bestCount = 0;
  for (const d of [',', ';', '\t', '|']) {
    const n = header.split(d).length - 1;
    if (n > bestCount) {
      best = d;
      bestCount = n;
    }
  }
  return best;
}

/** One CSV row (RFC 4180: quotes doubled inside quoted fields); unquoted cells are sliced, not built char by char. */
export function parseCsvRow(row: string, delim: string): string[] {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    let j = i;
    while (row[j] === ' ' && delim !== ' ') j++;
    if (row[j] === '"') {
      let cell = '';
      let k = j + 1;
      for (;;) {
        const q = row.indexOf('"', k);
        if (q < 0) {
          cell += row.slice(k);
          k = row.length;
          break;
        }
        cell += row.slice(k, q);
        if (row[q + 1] === '"') {
          cell += '"';
          k = q + 2;
        } else {
          k = q + 1;
          break;
        }
      }
      // text after the closing quote up to the delimiter belongs to the cell (lenient, as spreadsheets are)
      const d = row.indexOf(delim, k);
      cell += d < 0 ? row.slice(k) : row.slice(k, d);
      out.push(cell);
      if (d < 0) return out;
      i = d + delim.length;
    } else {
      const d = row.indexOf(delim, i);
      out.push(d < 0 ? row.slice(i) : row.slice(i, d));
      if (d < 0) return out;
      i = d + delim.length;
    }
  }
}

const COLUMNS: Record<string, string[]> = {
  title: ['title', 'article title', 'document title', 'ti', 'primary title', 'publication title'],
  // Full names before abbreviated ones (WoS: AF "Alceste, Fabiana" beside AU "Alceste, F").
  authors: ['author full names', 'af', 'authors', 'author', 'author names', 'au', 'author(s)', 'creators'],
  year: ['year', 'publication year', 'published year', 'py', 'year published', 'pubyear', 'date', 'publication date'],
  month: ['month', 'published month'],
  journal: ['journal', 'source title', 'source', 'journal/book', 'journal title', 'container', 'so', 'secondary title', 'periodical'],
  doi: ['doi', 'di'],
  abstract: ['abstract', 'ab', 'notes abstract'],
  volume: ['volume', 'vl', 'vol'],
  issue: ['issue', 'number', 'is', 'no'],
  pages: ['pages', 'page', 'page range'],
  pageStart: ['page start', 'start page', 'bp'],
  pageEnd: ['page end', 'end page', 'ep'],
  keywords: ['keywords', 'author keywords', 'index keywords', 'de', 'tags', 'mesh terms'],
  language: ['language', 'language of original document', 'la'],
  type: ['type', 'document type', 'dt', 'item type', 'publication type'],
  isbn: ['isbn', 'bn'],
  issn: ['issn', 'sn'],
  url: ['url', 'link'],
  publisher: ['publisher', 'pu'],
  id: ['record_id', 'id', 'key', 'covidence #', 'ut (unique wos id)', 'ut', 'eid', 'pmid', 'pubmed_id'],
};

export function looksLikeCsvHeader(text: string): boolean {
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '';
  const delim = detectDelimiter(first);
  const cols = parseCsvRow(first, delim).map((c) => c.trim().toLowerCase());
  return cols.length >= 2 && cols.some((c) => COLUMNS.title?.includes(c));
}

function typeFrom(v: string | undefined, hasJournal: boolean): string {
  const t = (v ?? '').toLowerCase();
  if (/conference|proceedings/.test(t)) return 'paper-conference';
  if (/chapter|section/.test(t)) return 'chapter';
  if (/^book/.test(t)) return 'book';
  if (/thesis|dissertation/.test(t)) return 'thesis';
  if (/report/.test(t)) return 'report';
  if (/article|review|letter|editorial|journal|note|erratum|survey/.test(t)) return 'article-journal';
  return hasJournal ? 'article-journal' : 'article';
}

/** What became of the lines after a row whose quoted field never closes: cut off and read as rows, or taken in. */
function swallowed(rec: RawRecord): string {
  const extra = rec.raw.split(/\r\n|\r|\n/).length - 1;
  if (extra === 0) return 'the rows after it were read on their own';
  const lines = rec.line === undefined ? `${extra} more lines` : extra === 1 ? `line ${rec.line + 1}` : `lines ${rec.line + 1}–${rec.line + extra}`;
  return `${lines} went into it and ${extra === 1 ? 'was' : 'were'} not imported`;
}

export class CsvParser implements RecordParser {
  private header: string | undefined;
  private columns: Map<string, number> | undefined;
  private delim = ',';
  private width = 0;

  private setHeader(h: string): void {
    if (h === this.header) return;
    this.header = h;
    this.delim = detectDelimiter(h);
    const names = parseCsvRow(h, this.delim).map((c) => c.trim().toLowerCase());
    this.width = names.length;
    this.columns = new Map();
    for (const [field, aliases] of Object.entries(COLUMNS)) {
      for (const a of aliases) {
        const idx = names.indexOf(a);
        if (idx >= 0) {
          this.columns.set(field, idx);
          break;
        }
      }
    }
  }

  parse(rec: RawRecord): ParsedRecord | RecordFailure {
    const at = rec.line === undefined ? '' : `line ${rec.line}: `;
    const fail = (reason: string): RecordFailure => ({ recordNumber: rec.recordNumber, raw: rec.raw, reason: `${at}${reason}` });
    if (rec.context !== undefined) this.setHeader(rec.context);
    if (!this.columns) return fail('CSV row without a header row');
    if (!this.columns.has('title')) return fail('CSV header has no Title column');
    if ((rec.raw.match(/"/g)?.length ?? 0) % 2 === 1) {
      return fail(`unbalanced quote: a quoted field opens in this row and never closes (${swallowed(rec)})`);
    }
    const cells = parseCsvRow(rec.raw, this.delim);
    const get = (f: string): string | undefined => {
      const i = this.columns?.get(f);
      const v = i === undefined ? undefined : cells[i]?.trim();
      return v && !/^(na|n\/a|null)$/i.test(v) ? v : undefined;
    };
    const warnings: string[] = [];
    if (cells.length !== this.width) warnings.push(`row has ${cells.length} cells, header has ${this.width}`);
    const d = newDraft(get('id') ?? `csv-${rec.recordNumber}`, typeFrom(get('type'), get('journal') !== undefined));
    d.title = get('title');
    d.author = parseNameList(get('authors') ?? '');
    d.date = parseDate(get('year'));
    const month = get('month');
    if (month && d.date.year !== undefined && d.date.month === undefined) {
      const m = monthNumber(month);
      if (m) d.date.month = m;
    }
    d.container = get('journal');
    d.volume = get('volume');
    d.issue = get('issue');
    d.page = get('pages') ?? get('pageStart');
    d.pageEnd = get('pages') ? undefined : get('pageEnd');
    d.doi = get('doi');
    d.abstract = get('abstract');
    d.keywords = (get('keywords') ?? '').split(/;|\|/);
    d.language = get('language');
    const ids = (get('isbn') ?? '').split(/[\s;,]+/).concat((get('issn') ?? '').split(/[\s;,]+/)).filter(Boolean);
    const isbn = ids.filter(isIsbn);
    const issn = ids.filter((s) => !isIsbn(s));
    if (isbn.length) d.isbn = isbn.join(', ');
    if (issn.length) d.issn = issn.join(', ');
    d.url = get('url');
    d.publisher = get('publisher');
    const item = finishItem(d, 'plain', warnings);
    if (!item.title && !item.author && !item.issued && !item.DOI) return fail('CSV row has no title, author, year or DOI');
    return { recordNumber: rec.recordNumber, raw: rec.raw, item, warnings };
  }
}
