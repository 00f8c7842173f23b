// Titles, container titles and abstracts are stored as CSL rich text: literal text with the few inline tags every
// CSL processor reads (<i>, <b>, <sup>, <sub>, small caps and nocase spans). Everything else in the string is text,
// so "P < .001" and "a<b" are stored as written. Search, dedupe, sort and CSV take plainOf(); the screen and the
// formatted references take the rich form. Inside, a value is a list of runs: text with the marks it carries.

/** The marks, as bits. */
export const I = 1;
export const B = 2;
export const SUP = 4;
export const SUB = 8;
export const SC = 16;
export const NOCASE = 32;
/** The order marks nest in, outermost first. */
export const RICH_MARK_ORDER: readonly number[] = [I, B, SC, NOCASE, SUP, SUB];

export interface Run {
  text: string;
  /** OR of the mark bits */
  marks: number;
}

const OPEN: Record<number, string> = {
  [I]: '<i>', [B]: '<b>', [SUP]: '<sup>', [SUB]: '<sub>',
  [SC]: '<span style="font-variant:small-caps;">', [NOCASE]: '<span class="nocase">',
};
const CLOSE: Record<number, string> = { [I]: '</i>', [B]: '</b>', [SUP]: '</sup>', [SUB]: '</sub>', [SC]: '</span>', [NOCASE]: '</span>' };

/** The tags a stored value can hold, exactly as the serialiser writes them (SQL strips these for the FTS index). */
export const RICH_TAGS: readonly string[] = [...new Set([...Object.values(OPEN), ...Object.values(CLOSE)])];

// The stored form is canonical, but CSL-JSON written elsewhere may spell small caps with a space or no semicolon.
const STORED_TAG = /<(\/?)(i|b|sup|sub)>|<span (?:style="font-variant:\s?small-caps;?"|class="nocase")>|<\/span>/g;

export interface RunSyntax {
  open(mark: number): string;
  close(mark: number): string;
  /** `last`: no run follows this one */
  text(s: string, last: boolean): string;
  /** outermost first; marks not listed are never written */
  order?: readonly number[];
}

/**
 * Runs → markup, well nested: runs with the same marks merge, empty runs vanish, and white space carries only the
 * marks of the text on both sides of it, so "<i>Homo </i>sapiens" is written "<i>Homo</i> sapiens".
 */
export function renderRuns(input: readonly Run[], syntax: RunSyntax): string {
  const order = syntax.order ?? RICH_MARK_ORDER;
  const known = order.reduce((a, m) => a | m, 0);
  // white space and the rest as separate pieces, then each white space piece limited by its neighbours
  const pieces: { text: string; marks: number; space: boolean }[] = [];
  const add = (text: string, marks: number): void => {
    const space = text.trim() === '';
    const last = pieces.at(-1);
    // one stretch of white space is one piece, whatever runs it came in
    if (space && last?.space) {
      last.text += text;
      last.marks &= marks;
    } else pieces.push({ text, marks, space });
  };
  for (const r of input) {
    if (!r.text) continue;
    const marks = r.marks & known;
    if (!/\s/.test(r.text)) add(r.text, marks);
    else for (const t of r.text.split(/(\s+)/)) if (t) add(t, marks);
  }
  let before = 0;
  const after: number[] = [];
  for (let n = pieces.length - 1, next = 0; n >= 0; n--) {
    after[n] = next;
    const p = pieces[n] as (typeof pieces)[number];
    if (!p.space) next = p.marks;
  }
  const runs: Run[] = [];
  pieces.forEach((p, n) => {
    const marks = p.space && p.marks ? p.marks & before & (after[n] as number) : p.marks;
    if (!p.space) before = p.marks;
    if (!p.text) return;
    const last = runs.at(-1);
    if (last && last.marks === marks) last.text += p.text;
    else runs.push({ text: p.text, marks });
  });
  let out = '';
  const stack: number[] = [];
  runs.forEach((r, n) => {
    const keep = stack.findIndex((m) => (r.marks & m) === 0);
    if (keep >= 0) while (stack.length > keep) out += syntax.close(stack.pop() as number);
    for (const m of order) {
      if (r.marks & m && !stack.includes(m)) {
        stack.push(m);
        out += syntax.open(m);
      }
    }
    out += syntax.text(r.text, n === runs.length - 1);
  });
  while (stack.length) out += syntax.close(stack.pop() as number);
  return out;
}

/** A mark's tag in the stored form (and in HTML, which reads the same tags). */
export const richTag = (mark: number, which: 'open' | 'close'): string => (which === 'open' ? OPEN : CLOSE)[mark] ?? '';

// Text that spells one of the tags ("&lt;b&gt;" decoded) would read back as markup, as it would in any CSL
// processor, and so would a "<" whose tag the next run completes: a zero-width space after such a "<" keeps it
// text, and invisible.
const TAG_BODIES = [
  ...['i', 'b', 'sup', 'sub', '/i', '/b', '/sup', '/sub', '/span'].map((t) => `${t}>`),
  ...['font-variant:small-caps;', 'font-variant: small-caps;', 'font-variant:small-caps', 'font-variant: small-caps'].map((v) => `span style="${v}">`),
  'span class="nocase">',
];
function literalText(s: string, last: boolean): string {
  if (!s.includes('<')) return s;
  return s.replace(/<(?=([^<]*))/g, (lt, rest: string) => (TAG_BODIES.some((t) => rest.startsWith(t) || (!last && t.startsWith(rest))) ? '<\u200b' : lt));
}

const RICH: RunSyntax = {
  open: (m) => richTag(m, 'open'),
  close: (m) => richTag(m, 'close'),
  text: literalText,
};

/** Runs → the stored rich-text form. */
export const runsToRich = (runs: readonly Run[]): string => renderRuns(runs, RICH);

/** A stored value → runs. Tags that do not pair up are dropped; a text without tags is one run. */
export function richRuns(rich: string): Run[] {
  if (!rich.includes('<')) return rich ? [{ text: rich, marks: 0 }] : [];
  const runs: Run[] = [];
  const counts = new Map<number, number>();
  const spans: number[] = [];
  let marks = 0;
  let at = 0;
  const bump = (m: number, by: number): void => {
    const n = Math.max(0, (counts.get(m) ?? 0) + by);
    counts.set(m, n);
    marks = n > 0 ? marks | m : marks & ~m;
  };
  for (const t of rich.matchAll(STORED_TAG)) {
    if (t.index > at) runs.push({ text: rich.slice(at, t.index), marks });
    at = t.index + t[0].length;
    const tag = t[0];
    if (tag === '</span>') {
      const m = spans.pop();
      if (m !== undefined) bump(m, -1);
    } else if (tag.startsWith('<span')) {
      const m = tag.includes('nocase') ? NOCASE : SC;
      spans.push(m);
      bump(m, 1);
    } else {
      const m = { i: I, b: B, sup: SUP, sub: SUB }[t[2] as 'i' | 'b' | 'sup' | 'sub'];
      bump(m, t[1] ? -1 : 1);
    }
  }
  if (at < rich.length) runs.push({ text: rich.slice(at), marks });
  return runs;
}

/** The text without its tags: what search, dedupe, sorting, CSV and highlighting work on. */
export function plainOf(rich: string): string {
  return rich.includes('<') ? rich.replace(STORED_TAG, '') : rich;
}

/** True when the value carries any formatting. */
export const hasMarkup = (rich: string): boolean => rich.includes('<') && plainOf(rich) !== rich;

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
export const escapeHtml = (s: string): string => s.replace(/[&<>"]/g, (c) => HTML_ESCAPES[c] as string);

const HTML: RunSyntax = { ...RICH, text: escapeHtml };

/** A stored value as HTML for the page: the allowed tags as tags, every other character escaped as text. */
export const richToHtml = (rich: string): string => renderRuns(richRuns(rich), HTML);

/** The first `length` characters of the text, formatting kept (for previews of long abstracts). */
export function truncateRich(rich: string, length: number): string {
  if (plainOf(rich).length <= length) return rich;
  const out: Run[] = [];
  let left = length;
  for (const r of richRuns(rich)) {
    if (left <= 0) break;
    out.push({ text: r.text.slice(0, left), marks: r.marks });
    left -= r.text.length;
  }
  return `${runsToRich(out)}…`;
}

/** Each run's text put through `f`, the run's own marks added to what `f` finds. */
export function refineRuns(runs: readonly Run[], f: (text: string) => Run[]): Run[] {
  const out: Run[] = [];
  for (const r of runs) for (const x of f(r.text)) out.push({ text: x.text, marks: x.marks | r.marks });
  return out;
}
