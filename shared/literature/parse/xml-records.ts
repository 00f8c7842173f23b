// Streaming split of an XML export into its record elements (EndNote's <record>, PubMed's <PubmedArticle> and
// <PubmedBookArticle>), as text arrives in chunks of any size. Everything between records (the declaration, the
// DOCTYPE, the wrapper) is dropped; a record that never closes before the next one starts is its own (failing) record,
// never merged into its neighbour; one cut off at the end of the file is emitted so the parser reports it.
import type { RawRecord, RecordSplitter } from '../types.ts';

/** Text rescanned after a chunk boundary, longer than any start or end tag a boundary can cut. */
const OVERLAP = 64;

function find(re: RegExp, s: string, from: number): RegExpExecArray | null {
  re.lastIndex = from;
  return re.exec(s);
}

export class XmlRecordSplitter implements RecordSplitter {
  private readonly open: RegExp;
  private readonly close: Map<string, RegExp>;
  private buf = '';
  private n = 0;
  /** where the open record starts in buf, or -1 */
  private start = -1;
  private closeTag: RegExp | null = null;
  /** where scanning resumes: nothing before it is left to find (so one long record costs linear time) */
  private from = 0;

  /** `names`: the element names that are records, e.g. ['record'] */
  constructor(names: string[]) {
    this.open = new RegExp(`<(${names.join('|')})[\\s>]`, 'g');
    this.close = new Map(names.map((n) => [n, new RegExp(`</${n}\\s*>`, 'g')]));
  }

  push(chunk: string): RawRecord[] {
    this.buf += chunk;
    return this.scan();
  }

  end(): RawRecord[] {
    const out = this.scan();
    if (this.start >= 0) out.push(this.record(this.buf.slice(this.start).trim()));
    this.buf = '';
    this.start = -1;
    this.from = 0;
    return out;
  }

  private record(raw: string): RawRecord {
    return { recordNumber: ++this.n, raw };
  }

  private scan(): RawRecord[] {
    const out: RawRecord[] = [];
    for (;;) {
      if (this.start < 0) {
        const m = find(this.open, this.buf, this.from);
        if (!m) {
          // between records: keep only a start tag the chunk may have cut
          this.buf = this.buf.slice(Math.max(this.from, this.buf.length - OVERLAP));
          this.from = 0;
          return out;
        }
        this.start = m.index;
        this.closeTag = this.close.get(m[1] as string) ?? null;
        this.from = m.index + m[0].length;
        continue;
      }
      const close = this.closeTag ? find(this.closeTag, this.buf, this.from) : null;
      const next = find(this.open, this.buf, this.from);
      if (next && (!close || next.index < close.index)) {
        out.push(this.record(this.buf.slice(this.start, next.index).trim()));
        this.start = -1;
        this.from = next.index;
        continue;
      }
      if (close) {
        const end = close.index + close[0].length;
        out.push(this.record(this.buf.slice(this.start, end)));
        this.start = -1;
        this.from = end;
        continue;
      }
      this.from = Math.max(this.from, this.buf.length - OVERLAP) - this.start;
      this.buf = this.buf.slice(this.start);
      this.start = 0;
      return out;
    }
  }
}
