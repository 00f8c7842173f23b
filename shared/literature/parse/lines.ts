// Streaming by lines: chunks of any size in, complete lines (with their own terminators, so raw records stay
// verbatim) out. A "\r" at the very end of a chunk waits for the next one in case a "\n" follows.
import type { RawRecord, RecordSplitter } from '../types.ts';

export class LineBuffer {
  private rest = '';
  private first = true;

  /** Complete lines, each including its terminator. */
  push(chunk: string): string[] {
    let data = this.rest + chunk;
    if (this.first && data.length > 0) {
      if (data.charCodeAt(0) === 0xfeff) data = data.slice(1);
      this.first = false;
    }
    const out: string[] = [];
    let start = 0;
    // The next "\r" is remembered, not searched for on every line: LF-only files have none, and searching the
    // whole chunk per line would be quadratic in the chunk size.
    let cr = data.indexOf('\r');
    for (;;) {
      const nl = data.indexOf('\n', start);
      if (cr >= 0 && cr < start) cr = data.indexOf('\r', start);
      if (nl < 0 && cr < 0) break;
      let end: number;
      if (cr >= 0 && (nl < 0 || cr < nl - 1)) {
        // a lone "\r" (classic Mac line end); one at the very end may be half of a "\r\n"
        if (cr === data.length - 1) break;
        end = cr + 1;
      } else {
        end = nl + 1;
      }
      out.push(data.slice(start, end));
      start = end;
    }
    this.rest = data.slice(start);
    return out;
  }

  end(): string[] {
    const last = this.rest;
    this.rest = '';
    return last ? [last] : [];
  }
}

export const stripEol = (line: string): string => line.replace(/\r?\n$|\r$/, '');

/** Drops the final line terminator(s) so the raw record ends at its last character. */
export const trimRecord = (raw: string): string => {
  let end = raw.length;
  while (end > 0 && (raw.charCodeAt(end - 1) === 10 || raw.charCodeAt(end - 1) === 13)) end--;
  return end === raw.length ? raw : raw.slice(0, end);
};

export function splitLines(raw: string): string[] {
  const lines = raw.split('\n');
  if (!raw.includes('\r')) return lines;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as string;
    if (l.endsWith('\r')) lines[i] = l.slice(0, -1);
  }
  // A "\r" left inside a line means classic Mac line ends somewhere in the record.
  return lines.some((l) => l.includes('\r')) ? raw.split(/\r\n|\r|\n/) : lines;
}

/**
 * A splitter for line-oriented formats (MEDLINE, Web of Science): text arrives in chunks, whole lines are fed to
 * `line`, which starts records with `begin`, adds lines with `add` and closes them with `emit`.
 */
export abstract class LineRecordSplitter implements RecordSplitter {
  private readonly lines = new LineBuffer();
  private cur: string[] | null = null;
  private n = 0;

  push(chunk: string): RawRecord[] {
    const out: RawRecord[] = [];
    for (const l of this.lines.push(chunk)) this.line(l, out);
    return out;
  }

  end(): RawRecord[] {
    const out: RawRecord[] = [];
    for (const l of this.lines.end()) this.line(l, out);
    this.finish(out);
    if (this.cur) this.emit(out);
    return out;
  }

  protected abstract line(line: string, out: RawRecord[]): void;

  /** Called once after the last line, before the open record is closed: for lines a splitter held back. */
  protected finish(_out: RawRecord[]): void {}

  protected get inRecord(): boolean {
    return this.cur !== null;
  }

  /** Closes the open record, if any, and opens a new one with this line. */
  protected begin(line: string, out: RawRecord[]): void {
    if (this.cur) this.emit(out);
    this.cur = [line];
  }

  protected add(line: string): void {
    this.cur?.push(line);
  }

  protected emit(out: RawRecord[]): void {
    if (!this.cur) return;
    out.push({ recordNumber: ++this.n, raw: trimRecord(this.cur.join('')) });
    this.cur = null;
  }
}
