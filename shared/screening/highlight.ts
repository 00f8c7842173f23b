// The review's inclusion and exclusion terms marked in a record's text, so a screener's eye finds them at once.
// A term matches at the start of a word, ignoring case; a trailing * makes it a prefix ("child*" marks "children"),
// otherwise the whole word or phrase must match. Where an inclusion and an exclusion term overlap, the longer wins.
import { escapeHtml, renderRuns, RICH_MARK_ORDER, richRuns, richTag, type Run } from '../literature/rich-text.ts';

export type TermKind = 'include' | 'exclude';
export interface Segment {
  text: string;
  kind: TermKind | null;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function termPattern(term: string): string | null {
  const t = term.trim();
  const prefix = t.endsWith('*');
  const body = (prefix ? t.slice(0, -1) : t).trim();
  if (body === '') return null;
  // words separated by any run of white space; the end is a word boundary unless the term is a prefix
  const words = body.split(/\s+/).map(escapeRegExp).join('\\s+');
  return `(?<![\\p{L}\\p{N}])${words}${prefix ? '[\\p{L}\\p{N}]*' : '(?![\\p{L}\\p{N}])'}`;
}

export function highlightSegments(text: string, include: readonly string[], exclude: readonly string[]): Segment[] {
  const spans: { start: number; end: number; kind: TermKind }[] = [];
  for (const [kind, terms] of [['include', include], ['exclude', exclude]] as const) {
    for (const term of terms) {
      const pattern = termPattern(term);
      if (!pattern) continue;
      for (const m of text.matchAll(new RegExp(pattern, 'giu'))) {
        if (m[0].length > 0) spans.push({ start: m.index, end: m.index + m[0].length, kind });
      }
    }
  }
  // longest first, then earliest: a span that overlaps one already taken is dropped
  spans.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken: typeof spans = [];
  for (const s of spans) if (!taken.some((t) => s.start < t.end && t.start < s.end)) taken.push(s);
  taken.sort((a, b) => a.start - b.start);
  const out: Segment[] = [];
  let at = 0;
  for (const s of taken) {
    if (s.start > at) out.push({ text: text.slice(at, s.start), kind: null });
    out.push({ text: text.slice(s.start, s.end), kind: s.kind });
    at = s.end;
  }
  if (at < text.length || out.length === 0) out.push({ text: text.slice(at), kind: null });
  return out;
}

const INCLUDE_MARK = 1 << 8;
const EXCLUDE_MARK = 1 << 9;
const MARK_TAGS: Record<number, string> = {
  [INCLUDE_MARK]: '<mark class="term-include" title="inclusion term">',
  [EXCLUDE_MARK]: '<mark class="term-exclude" title="exclusion term">',
};

/**
 * A stored rich-text value (shared/literature/rich-text.ts) as HTML with the terms marked. The terms are found in the
 * plain text, so a formatted word matches like any other, and a mark that crosses formatting ("<i>Homo</i> sapiens")
 * is split at the edges of the formatting; the formatting is kept and every other character escaped.
 */
export function highlightRichHtml(rich: string, include: readonly string[], exclude: readonly string[]): string {
  const runs = richRuns(rich);
  const segments = highlightSegments(runs.map((r) => r.text).join(''), include, exclude);
  const pieces: Run[] = [];
  let s = 0;
  let offset = 0; // into the current segment
  for (const r of runs) {
    let at = 0;
    while (at < r.text.length) {
      const seg = segments[s] as Segment;
      const take = Math.min(r.text.length - at, seg.text.length - offset);
      const kind = seg.kind === 'include' ? INCLUDE_MARK : seg.kind === 'exclude' ? EXCLUDE_MARK : 0;
      pieces.push({ text: r.text.slice(at, at + take), marks: r.marks | kind });
      at += take;
      offset += take;
      if (offset >= seg.text.length && s < segments.length - 1) {
        s++;
        offset = 0;
      }
    }
  }
  return renderRuns(pieces, {
    open: (m) => MARK_TAGS[m] ?? richTag(m, 'open'),
    close: (m) => (MARK_TAGS[m] ? '</mark>' : richTag(m, 'close')),
    text: escapeHtml,
    order: [...RICH_MARK_ORDER, INCLUDE_MARK, EXCLUDE_MARK],
  });
}
