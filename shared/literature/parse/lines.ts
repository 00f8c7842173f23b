// Streaming by lines: chunks of any size in, complete lines (with their own terminators, so raw records stay
// verbatim) out. A "\r" at the very end of a chunk waits for the next one in case a "\n" follows.

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
    for (;;) {
      const nl = data.indexOf('\n', start);
      const cr = data.indexOf('\r', start);
      if (nl < 0 && cr < 0) break;
      let end: number;
      if (cr >= 0 && (nl < 0 || cr < nl)) {
        if (cr === data.length - 1) break;
        end = data[cr + 1] === '\n' ? cr + 2 : cr + 1;
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

export const splitLines = (raw: string): string[] => raw.split(/\r\n|\r|\n/);
