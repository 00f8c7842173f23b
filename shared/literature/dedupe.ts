// Finding duplicate references: exact DOI, then exact normalised title + year + first author, then fuzzy
// candidates compared only within blocks (title prefix; first author + year), never all pairs.
import { TITLE_KEY_LENGTH, type DedupeKeys } from './dedupe-keys.ts';

export interface DedupeRecord extends DedupeKeys {
  id: number;
}

export type DedupeRule = 'doi' | 'title-year-author' | 'fuzzy-title';

export interface DuplicateGroup {
  /** the weakest rule that joined the group */
  rule: DedupeRule;
  /** the lowest pair score in the group, 0–1 */
  score: number;
  /** every link is certain (same DOI, or same title/year/author with no conflicting DOI): may be merged unattended */
  certain: boolean;
  /** item ids, ascending; the first is the one kept on merge */
  members: number[];
}

export interface DedupeOptions {
  /** "not a duplicate" pairs, as pairKey(a, b) */
  distinct?: ReadonlySet<string>;
  /** minimum Levenshtein similarity of normalised titles for a fuzzy match */
  threshold?: number;
}

/** In one block, how many records of similar title length each record is compared with. */
export const MAX_NEIGHBOURS = 256;

export const pairKey = (a: number, b: number): string => (a < b ? `${a}:${b}` : `${b}:${a}`);

// Two rows reused across calls: millions of comparisons must not allocate millions of arrays.
let rowA = new Int32Array(256);
let rowB = new Int32Array(256);

/** Levenshtein distance, or max + 1 as soon as it must exceed max (banded, so O(n·max)). */
export function boundedLevenshtein(a: string, b: string, max: number): number {
  if (a === b) return 0;
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return max + 1;
  if (n === 0 || m === 0) return Math.max(n, m);
  if (rowA.length < m + 2) {
    rowA = new Int32Array(m + 2);
    rowB = new Int32Array(m + 2);
  }
  let prev = rowA;
  let cur = rowB;
  const over = max + 1;
  for (let j = 0; j <= m; j++) prev[j] = j <= max ? j : over;
  prev[m + 1] = over;
  for (let i = 1; i <= n; i++) {
    const lo = Math.max(1, i - max);
    const hi = Math.min(m, i + max);
    cur[lo - 1] = lo === 1 ? (i <= max ? i : over) : over;
    let rowMin = cur[lo - 1] as number;
    const ca = a.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      const sub = (prev[j - 1] as number) + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      const del = (j <= i - 1 + max ? (prev[j] as number) : over) + 1;
      const ins = (cur[j - 1] as number) + 1;
      let v = sub < del ? sub : del;
      if (ins < v) v = ins;
      if (v > over) v = over;
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (hi < m) cur[hi + 1] = over;
    if (rowMin > max) return over;
    const t = prev;
    prev = cur;
    cur = t;
  }
  const d = prev[m] as number;
  return d > max ? over : d;
}

/** Similarity 1 − distance / longer length, or 0 when below `min`. */
export function similarity(a: string, b: string, min: number): number {
  const len = Math.max(a.length, b.length);
  if (len === 0) return 1;
  const max = Math.floor((1 - min) * len);
  const d = boundedLevenshtein(a, b, max);
  return d > max ? 0 : 1 - d / len;
}

// Works that share most of a title but are not the same work: errata, replies, numbered parts.
const NOTICE = /\b(?:correction|corrections|erratum|errata|corrigendum|retraction|retracted|reply|response|comment|comments|commentary|editorial|addendum|expression of concern)\b/g;
const NUMBERED = /\b(?:part|phase|study|paper|volume|vol|series|chapter|trial)\s+([ivxlc]+|\d+)\b/g;

function markers(titleNorm: string): string {
  const out: string[] = [];
  for (const m of titleNorm.matchAll(NOTICE)) out.push(m[0]);
  for (const m of titleNorm.matchAll(NUMBERED)) out.push(`#${m[1] ?? ''}`);
  for (const m of titleNorm.matchAll(/\b\d+\b/g)) out.push(m[0]);
  return out.sort().join(' ');
}

interface Prepared {
  r: DedupeRecord;
  markers: string;
  /** offset of its letter counts in the shared histogram array */
  h: number;
}

const HIST_BINS = 38;

// Letter counts of the normalised titles, one row of HIST_BINS per record in one array: one edit changes the L1
// distance of two rows by at most 2, a cheap first filter; one array rather than a million small ones.
function histogram(s: string, into: Uint8Array, at: number): void {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const bin = at + (c >= 97 && c <= 122 ? c - 97 : c >= 48 && c <= 57 ? c - 22 : c === 32 ? 36 : 37);
    if ((into[bin] as number) < 255) into[bin] = (into[bin] as number) + 1;
  }
}

function histogramsWithin(h: Uint8Array, a: number, b: number, limit: number): boolean {
  let d = 0;
  for (let i = 0; i < HIST_BINS; i++) {
    const x = (h[a + i] as number) - (h[b + i] as number);
    d += x < 0 ? -x : x;
    if (d > limit) return false;
  }
  return true;
}

interface Link {
  a: number;
  b: number;
  rule: DedupeRule;
  score: number;
  certain: boolean;
}

const RULE_STRENGTH: Record<DedupeRule, number> = { doi: 3, 'title-year-author': 2, 'fuzzy-title': 1 };

function tokenOverlap(a: string, b: string): number {
  const ta = new Set(a.split(' '));
  const tb = new Set(b.split(' '));
  let common = 0;
  for (const t of ta) if (tb.has(t)) common++;
  return common / Math.max(1, Math.min(ta.size, tb.size));
}

/** Compares two records with the cheap checks first; returns the link or null. */
function compare(px: Prepared, py: Prepared, threshold: number, hist: Uint8Array): Link | null {
  if (px.markers !== py.markers) return null;
  const x = px.r;
  const y = py.r;
  const doiConflict = x.doiNorm !== null && y.doiNorm !== null && x.doiNorm !== y.doiNorm;
  if (x.doiNorm !== null && x.doiNorm === y.doiNorm) {
    // chapters of one book can carry the book's DOI: the titles must still be about the same thing
    if (x.titleNorm && y.titleNorm && tokenOverlap(x.titleNorm, y.titleNorm) < 0.5) return null;
    return { a: x.id, b: y.id, rule: 'doi', score: 1, certain: true };
  }
  if (x.year !== null && y.year !== null && Math.abs(x.year - y.year) > 1) return null;
  if (x.authorKey && y.authorKey && x.authorKey !== y.authorKey) return null;
  if (x.titleNorm.length < 12 || y.titleNorm.length < 12) return null;
  if (x.titleNorm === y.titleNorm && x.year === y.year && x.year !== null && x.authorKey === y.authorKey && x.authorKey) {
    return { a: x.id, b: y.id, rule: 'title-year-author', score: doiConflict ? 0.95 : 0.99, certain: !doiConflict };
  }
  const maxEdits = Math.floor((1 - threshold) * Math.max(x.titleNorm.length, y.titleNorm.length));
  if (!histogramsWithin(hist, px.h, py.h, 2 * maxEdits)) return null;
  const score = similarity(x.titleNorm, y.titleNorm, threshold);
  if (score === 0) return null;
  return { a: x.id, b: y.id, rule: 'fuzzy-title', score: doiConflict ? Math.min(score, 0.94) : score, certain: false };
}

class UnionFind {
  private parent = new Map<number, number>();
  find(x: number): number {
    let root = x;
    for (let p = this.parent.get(root); p !== undefined && p !== root; p = this.parent.get(root)) root = p;
    for (let c = x; c !== root;) {
      const next = this.parent.get(c) ?? root;
      this.parent.set(c, root);
      c = next;
    }
    return root;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(Math.max(ra, rb), Math.min(ra, rb));
  }
}

function addToBlock(blocks: Map<string, Prepared[]>, key: string, r: Prepared): void {
  const list = blocks.get(key);
  if (list) list.push(r);
  else blocks.set(key, [r]);
}

/**
 * Groups duplicate records. Within each block, records are compared in order of title length and only while the
 * lengths allow the similarity threshold, so a large block (a common surname and year) stays near-linear.
 */
export function findDuplicateGroups(records: readonly DedupeRecord[], options: DedupeOptions = {}): DuplicateGroup[] {
  const threshold = options.threshold ?? 0.93;
  const distinct = options.distinct ?? new Set<string>();
  const byLength = [...records].sort((p, q) => p.titleNorm.length - q.titleNorm.length);
  const hist = new Uint8Array(byLength.length * HIST_BINS);
  const prepared: Prepared[] = byLength.map((r, i) => {
    histogram(r.titleNorm, hist, i * HIST_BINS);
    return { r, markers: markers(r.titleNorm), h: i * HIST_BINS };
  });

  const links = new Map<string, Link>();
  // the pair key (a string) is only built for pairs that match: building one per comparison is most of the cost
  const consider = (x: Prepared, y: Prepared): void => {
    if (x.r.id === y.r.id) return;
    const link = compare(x, y, threshold, hist);
    if (!link) return;
    const key = pairKey(x.r.id, y.r.id);
    if (!distinct.has(key) && !links.has(key)) links.set(key, link);
  };

  const byDoi = new Map<string, Prepared[]>();
  for (const p of prepared) if (p.r.doiNorm) addToBlock(byDoi, p.r.doiNorm, p);
  for (const list of byDoi.values()) {
    for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) consider(list[i] as Prepared, list[j] as Prepared);
  }
  byDoi.clear();

  // One kind of block at a time, so only one map of block keys is alive at once.
  const blockKeys: ((r: DedupeRecord) => string | null)[] = [
    (r) => r.titleKey,
    // the end of the title too: a typo near the start with the year off by one shares no other block
    (r) => (r.titleNorm.length > TITLE_KEY_LENGTH ? r.titleNorm.slice(-40) : null),
    (r) => (r.authorKey && r.year !== null ? `${r.authorKey}|${r.year}` : null),
    // … and a typo in the middle with the year off by one: same author, same first and last title words
    (r) => (r.authorKey && r.titleNorm
      ? `${r.authorKey}|${r.titleNorm.slice(0, r.titleNorm.indexOf(' ') >>> 0)}|${r.titleNorm.slice(r.titleNorm.lastIndexOf(' ') + 1)}`
      : null),
  ];
  for (const keyOf of blockKeys) {
    const blocks = new Map<string, Prepared[]>();
    for (const p of prepared) {
      const k = keyOf(p.r);
      if (k) addToBlock(blocks, k, p);
    }
    // blocks were filled in order of title length, so each is sorted and the length window can stop early
    for (const list of blocks.values()) {
      if (list.length < 2) continue;
      for (let i = 0; i < list.length; i++) {
        const x = list[i] as Prepared;
        const minLength = x.r.titleNorm.length / threshold;
        // a block of a very common surname and year can hold thousands: each record meets at most its
        // MAX_NEIGHBOURS nearest in title length, which keeps the work linear in the number of records
        const end = Math.min(list.length, i + 1 + MAX_NEIGHBOURS);
        for (let j = i + 1; j < end; j++) {
          const y = list[j] as Prepared;
          if (y.r.titleNorm.length > minLength) break;
          consider(x, y);
        }
      }
    }
  }

  const uf = new UnionFind();
  for (const l of links.values()) uf.union(l.a, l.b);
  const groups = new Map<number, { members: Set<number>; links: Link[] }>();
  for (const l of links.values()) {
    const root = uf.find(l.a);
    let g = groups.get(root);
    if (!g) groups.set(root, (g = { members: new Set(), links: [] }));
    g.members.add(l.a).add(l.b);
    g.links.push(l);
  }
  const out: DuplicateGroup[] = [];
  for (const g of groups.values()) {
    const members = [...g.members].sort((a, b) => a - b);
    let rule: DedupeRule = 'doi';
    let score = 1;
    let certain = true;
    for (const l of g.links) {
      if (RULE_STRENGTH[l.rule] < RULE_STRENGTH[rule]) rule = l.rule;
      score = Math.min(score, l.score);
      certain &&= l.certain;
    }
    // a "not a duplicate" pair pulled into one group through a third record needs a person to decide
    if (certain && distinct.size > 0) {
      outer: for (let i = 0; i < members.length; i++) {
        for (let j = i + 1; j < members.length; j++) {
          if (distinct.has(pairKey(members[i] as number, members[j] as number))) {
            certain = false;
            break outer;
          }
        }
      }
    }
    out.push({ rule, score: Math.round(score * 1000) / 1000, certain, members });
  }
  return out.sort((a, b) => (a.members[0] as number) - (b.members[0] as number));
}
