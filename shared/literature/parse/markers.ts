// Counts the record markers a file announces (RIS "TY  -"/"ER  -" lines, <record> elements, PMID- heads…)
// independently of the splitter, so an import can say "the file announces 12 records, 10 came out" instead of
// losing two without a word. Streams: chunks of any size, memory bounded (only a line's first characters are kept).

interface LineMarkers {
  kind: 'lines';
  /** the name used in messages, e.g. "TY/ER lines" */
  name: string;
  /** a line that starts a record */
  start: RegExp;
  /**
   * a line that ends a record: counted only when something came before it since the last end, so a stray end line
   * is not a record while a record whose start line is missing still is
   */
  end?: RegExp;
  /** a line that is part of a record (a tagged line), as opposed to a header or stray text */
  content?: RegExp;
  /** a line that matches this is not a record (BibTeX @string, @comment, @preamble) */
  except?: RegExp;
}

interface TextMarkers {
  kind: 'text';
  name: string;
  pattern: RegExp;
  /** the longest text a match can span, so matches cut by a chunk boundary are still found */
  span: number;
}

type MarkerSpec = LineMarkers | TextMarkers;

const SPECS: Record<string, MarkerSpec> = {
  ris: { kind: 'lines', name: 'TY/ER lines', start: /^TY {1,2}-/, end: /^ER {1,2}-?\s*$/, content: /^[A-Z][A-Z0-9] {1,2}-/ },
  wos: { kind: 'lines', name: 'PT/ER lines', start: /^PT [A-Z]\s*$/, end: /^ER\s*$/, content: /^(?!FN |VR |EF)[A-Z][A-Z0-9] \S/ },
  bibtex: { kind: 'lines', name: '@ entries', start: /^\s*@\s*[a-z]+\s*[{(]/i, except: /^\s*@\s*(?:string|preamble|comment)\s*[{(]/i },
  'endnote-xml': { kind: 'text', name: '<record> elements', pattern: /<record[\s>]/g, span: 8 },
  'pubmed-xml': { kind: 'text', name: '<PubmedArticle> elements', pattern: /<Pubmed(?:Book)?Article[\s>]/g, span: 20 },
};

/** The first characters of a line are enough to tell a marker. */
const HEAD = 64;

export interface MarkerCount {
  /** e.g. "TY/ER lines" */
  name: string;
  count: number;
}

export interface MarkerCounter {
  push(text: string): void;
  /** the count, or null for formats without countable markers (CSV, CSL-JSON) */
  end(): MarkerCount | null;
}

/** MEDLINE records start with PMID-, or (ERIC and other databases without PMIDs) with the file's first tag. */
class MedlineMarkers implements MarkerCounter {
  pending = '';
  private pmid = 0;
  private firstTag: string | null = null;
  private firstTagCount = 0;

  push(text: string): void {
    forLines(this, text, (line) => this.test(line));
  }

  private test(line: string): void {
    if (/^PMID- ?\d/.test(line)) this.pmid++;
    const tag = /^([A-Z][A-Z0-9]{1,3}) {0,3}- /.exec(line)?.[1];
    if (tag && this.firstTag === null) this.firstTag = tag;
    if (tag && tag === this.firstTag) this.firstTagCount++;
  }

  end(): MarkerCount {
    flushLine(this, (line) => this.test(line));
    if (this.pmid > 0) return { name: 'PMID- lines', count: this.pmid };
    return { name: this.firstTag ? `${this.firstTag} - lines` : 'tagged lines', count: this.firstTagCount };
  }
}

interface LineState {
  pending: string;
}

/** Calls `each` with the first HEAD characters of every complete line in `text`, keeping the open line's start. */
function forLines(state: LineState, text: string, each: (line: string) => void): void {
  let start = 0;
  // the next "\r" is remembered, not searched for on every line: LF-only files have none (see lines.ts)
  let cr = text.indexOf('\r');
  for (;;) {
    const nl = text.indexOf('\n', start);
    if (cr >= 0 && cr < start) cr = text.indexOf('\r', start);
    // whichever comes first ("\r\n" gives an empty line between: harmless for counting)
    const end = nl < 0 ? cr : cr < 0 ? nl : Math.min(nl, cr);
    const room = HEAD - state.pending.length;
    if (end < 0) {
      if (room > 0) state.pending += text.slice(start, start + room);
      return;
    }
    if (room > 0) state.pending += text.slice(start, Math.min(end, start + room));
    each(state.pending.replace(/^\uFEFF/, ''));
    state.pending = '';
    start = end + 1;
  }
}

function flushLine(state: LineState, each: (line: string) => void): void {
  const last = state.pending;
  state.pending = '';
  if (last) each(last);
}

class LineCounter implements MarkerCounter {
  pending = '';
  private starts = 0;
  private ends = 0;
  private open = false;

  constructor(private readonly spec: LineMarkers) {}

  push(text: string): void {
    forLines(this, text, (line) => this.test(line));
  }

  private test(line: string): void {
    const { start, end, content, except } = this.spec;
    if (except?.test(line)) return;
    if (start.test(line)) this.starts++;
    if (end?.test(line)) {
      if (this.open) this.ends++;
      this.open = false;
    } else if (content ? content.test(line) : line.trim()) this.open = true;
  }

  end(): MarkerCount {
    flushLine(this, (line) => this.test(line));
    // as many records as the more telling of the two: starts without ends, or ends of records without starts
    return { name: this.spec.name, count: Math.max(this.starts, this.ends) };
  }
}

class TextCounter implements MarkerCounter {
  private carry = '';
  private count = 0;

  constructor(private readonly spec: TextMarkers) {}

  push(text: string): void {
    const t = this.carry + text;
    // a match must end after the carried part, or it was counted with the previous chunk
    const from = this.carry.length;
    for (const m of t.matchAll(this.spec.pattern)) if (m.index + m[0].length > from) this.count++;
    this.carry = t.slice(Math.max(0, t.length - this.spec.span));
  }

  end(): MarkerCount {
    return { name: this.spec.name, count: this.count };
  }
}

export function createMarkerCounter(format: string): MarkerCounter {
  if (format === 'medline') return new MedlineMarkers();
  const spec = SPECS[format];
  if (!spec) return { push: () => undefined, end: () => null };
  return spec.kind === 'lines' ? new LineCounter(spec) : new TextCounter(spec);
}
