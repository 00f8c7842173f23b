// CSL-JSON: a JSON array of items (or one item). Split by a streaming scanner so a huge array never has to be one
// JSON.parse, and so one malformed item fails alone. A damaged file (a quote or brace missing) throws the scanner
// off so that it swallows the items after the damage into one: a record that is not valid JSON is cut again where
// the next item plainly starts ("}, {" then an "id" or "type" key), so the good items still import and only the
// damaged stretch is reported. An item that runs on past MAX_ITEM_CHARS is cut the same way while streaming.
import { cslItemSchema, type CslItem, type CslName } from '../../csl.ts';
import type { RawRecord, RecordParser, RecordSplitter, ParsedRecord, RecordFailure } from '../types.ts';
import { parseDate, type DateParts } from '../dates.ts';
import { finishItem, newDraft } from '../normalise.ts';

/** Far more than any real item (abstracts included): an item this long means the scanner lost its place. */
export const MAX_ITEM_CHARS = 1 << 20;
/** Where a new item plainly begins: after a closing brace, an opening one whose first key is "id" or "type". */
const ITEM_START = /\}[\s,]*(?=\{\s*"(?:id|type)"\s*:)/g;
/** the same start once the scanner is lost in an overlong item, where the closing brace before it may be missing */
const LOST_RESUME = /\{\s*"(?:id|type)"\s*:/g;

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Cuts text that is not one JSON value at the places where a new item plainly starts. */
function resplit(raw: string): string[] {
  if (isJson(raw)) return [raw];
  const pieces: string[] = [];
  let from = 0;
  for (const m of raw.matchAll(ITEM_START)) {
    const cut = m.index + 1;
    pieces.push(raw.slice(from, cut));
    from = cut + m[0].length - 1;
  }
  pieces.push(raw.slice(from));
  return pieces.map((p) => p.replace(/^[\s,]+|[\s,\]]+$/g, '')).filter((p) => p !== '');
}

export class CslJsonSplitter implements RecordSplitter {
  private buf = '';
  private pos = 0;
  private depth = 0;
  private inString = false;
  private escape = false;
  private start = -1;
  // An item opens at depth 0 (a single object) or 1 (inside the array); it ends when its close returns there.
  private startDepth = 0;
  private n = 0;
  /** after an overlong item was reported: skipping to the next plain item start */
  private lost = false;

  push(chunk: string): RawRecord[] {
    this.buf += this.pos === 0 && this.buf === '' ? chunk.replace(/^\uFEFF/, '') : chunk;
    return this.scan();
  }

  end(): RawRecord[] {
    const out = this.scan();
    if (this.start >= 0) {
      const raw = this.buf.slice(this.start).trim();
      if (raw) this.emit(out, raw);
      this.start = -1;
    }
    return out;
  }

  private emit(out: RawRecord[], raw: string): void {
    for (const piece of resplit(raw)) out.push({ recordNumber: ++this.n, raw: piece });
  }

  private scan(): RawRecord[] {
    const out: RawRecord[] = [];
    const b = this.buf;
    let i = this.pos;
    for (; i < b.length; i++) {
      if (this.lost) {
        LOST_RESUME.lastIndex = i;
        const m = LOST_RESUME.exec(b);
        if (!m) {
          // the rest of the reported item: dropped, keeping a tail in case an item start is cut in two
          i = Math.max(i, b.length - 64);
          break;
        }
        this.lost = false;
        i = m.index;
      }
      const c = b.charCodeAt(i);
      if (this.inString) {
        if (this.escape) this.escape = false;
        else if (c === 92) this.escape = true;
        else if (c === 34) this.inString = false;
        continue;
      }
      if (c === 34) this.inString = true;
      else if (c === 123 || c === 91) {
        // A top-level object is one item; inside a top-level array, each depth-1 object is one.
        if (c === 123 && this.start < 0 && (this.depth === 0 || this.depth === 1)) {
          this.start = i;
          this.startDepth = this.depth;
        }
        this.depth++;
      } else if (c === 125 || c === 93) {
        this.depth--;
        if (c === 125 && this.start >= 0 && this.depth === this.startDepth) {
          this.emit(out, b.slice(this.start, i + 1));
          this.start = -1;
        }
      }
      if (this.start >= 0 && i - this.start > MAX_ITEM_CHARS) {
        // lost: report up to the last plain item start and scan on from there, outside any string
        const text = b.slice(this.start, i + 1);
        let last = -1;
        for (const m of text.matchAll(ITEM_START)) last = m.index + m[0].length;
        if (last <= 0) {
          last = text.length;
          this.lost = true;
        }
        this.emit(out, text.slice(0, last));
        i = this.start + last - 1;
        this.start = -1;
        this.depth = this.startDepth;
        this.inString = false;
        this.escape = false;
      }
    }
    const keep = this.start >= 0 ? this.start : i;
    this.buf = b.slice(keep);
    if (this.start >= 0) this.start = 0;
    this.pos = i - keep;
    return out;
  }
}

function toNumberParts(parts: unknown): number[] | undefined {
  if (!Array.isArray(parts) || !Array.isArray(parts[0])) return undefined;
  const nums = (parts[0] as unknown[]).map((p) => (typeof p === 'number' ? p : Number.parseInt(String(p), 10)));
  const out: number[] = [];
  for (const n of nums) {
    if (!Number.isFinite(n)) break;
    out.push(n);
  }
  return out.length ? out : undefined;
}

function cslDate(d: CslItem['issued']): DateParts {
  if (!d) return {};
  const parts = toNumberParts(d['date-parts']);
  if (parts) {
    const out: DateParts = { year: parts[0] as number };
    if (parts[1] !== undefined && parts[1] >= 1 && parts[1] <= 12) {
      out.month = parts[1];
      if (parts[2] !== undefined && parts[2] >= 1 && parts[2] <= 31) out.day = parts[2];
    }
    return out;
  }
  return parseDate(d.raw ?? d.literal);
}

const MANAGED = ['title', 'author', 'editor', 'issued', 'container-title', 'volume', 'issue', 'page', 'DOI', 'abstract', 'keyword', 'language', 'publisher', 'publisher-place', 'ISBN', 'ISSN', 'URL', 'note', 'citation-key'];

export function parseCslJsonRecord(rec: RawRecord): ParsedRecord | RecordFailure {
  const fail = (reason: string): RecordFailure => ({ recordNumber: rec.recordNumber, raw: rec.raw, reason });
  let data: unknown;
  try {
    data = JSON.parse(rec.raw);
  } catch (e) {
    return fail(`invalid JSON: ${(e as Error).message}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return fail('CSL-JSON item is not an object');
  const warnings: string[] = [];
  const obj = { ...(data as Record<string, unknown>) };
  if (obj.id === undefined) {
    obj.id = `csl-${rec.recordNumber}`;
    warnings.push('item has no id');
  }
  if (obj.type === undefined) {
    obj.type = 'article';
    warnings.push('item has no type; read as article');
  }
  for (const k of ['volume', 'issue', 'page']) if (typeof obj[k] === 'number') obj[k] = String(obj[k]);
  const parsed = cslItemSchema.safeParse(obj);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail(`invalid CSL-JSON at ${issue?.path.join('.') || '(item)'}: ${issue?.message ?? 'invalid'}`);
  }
  const src = parsed.data;
  const d = newDraft(String(src.id), src.type);
  d.title = src.title;
  d.author = (src.author ?? []) as CslName[];
  d.editor = (src.editor ?? []) as CslName[];
  d.date = cslDate(src.issued);
  d.container = src['container-title'];
  d.volume = src.volume === undefined ? undefined : String(src.volume);
  d.issue = src.issue === undefined ? undefined : String(src.issue);
  d.page = src.page;
  d.doi = src.DOI;
  d.abstract = src.abstract;
  const kw = src.keyword;
  d.keywords = kw ? (kw.includes(';') ? kw.split(';') : kw.split(',')) : [];
  d.language = src.language;
  d.publisher = src.publisher;
  d.place = src['publisher-place'];
  d.isbn = src.ISBN;
  d.issn = src.ISSN;
  d.url = src.URL;
  d.note = src.note;
  d.citationKey = src['citation-key'];
  const finished = finishItem(d, 'plain', warnings);
  const rest: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(src)) if (!MANAGED.includes(k) && k !== 'id' && k !== 'type') rest[k] = v;
  const item: CslItem = { ...rest, ...finished };
  if (!item.title && !item.author && !item.issued && !item.DOI) return fail('CSL-JSON item has no title, author, year or DOI');
  return { recordNumber: rec.recordNumber, raw: rec.raw, item, warnings };
}

export class CslJsonParser implements RecordParser {
  parse(rec: RawRecord): ParsedRecord | RecordFailure {
    return parseCslJsonRecord(rec);
  }
}
