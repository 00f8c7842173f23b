// Finding duplicate references: exact DOI, then exact normalised title + year + first author, then fuzzy
// candidates compared only within blocks (title prefix; first author + year), never all pairs; then the forms the
// same paper takes across databases (a subtitle left out, a translated title in brackets, the same journal, volume
// and first page under a reworded title). A pair whose DOIs, volumes, issues or first pages differ is never certain.
import { TITLE_KEY_LENGTH } from './dedupe-keys.ts';
import { authorWordsOf, transliterate, type DedupeRecord } from './dedupe-record.ts';

export type { DedupeRecord } from './dedupe-record.ts';

export type DedupeRule = 'doi' | 'title-year-author' | 'fuzzy-title' | 'subtitle' | 'translated-title' | 'locator';

/**
 * The rules added after the first version (issue #13), each one switchable so the bench can measure what it adds:
 * conflicts: different volume, issue or first page (where both have one) makes a pair uncertain, and a DOI shared by
 *   records with different first pages (a supplement's, a book's) is no evidence;
 * clean-titles: markup (<sup>, <inf>, entities) and language notes ("[German]") are not part of the title;
 * authors: first authors agree when one surname is part of the other (compound, particles) or only transliterated;
 * subtitles: a title equal to the other's main title (before ":") matches;
 * translations: a title equal to the other's bracketed translation, or to it without the translation, matches;
 * locators: the same year, volume and first page in the same journal (abbreviated or not) with a reworded title;
 * years: the same title and first author two years apart (an abstract and its article) is a candidate;
 * journals: journals that cannot be one another's abbreviation make a pair uncertain (off by default).
 */
export const EXTRA_RULES = ['conflicts', 'clean-titles', 'authors', 'subtitles', 'translations', 'locators', 'years', 'journals'] as const;
export type ExtraRule = (typeof EXTRA_RULES)[number];
/**
 * All but journals: on the labelled set it made 14 true duplicates uncertain (names abbreviated past recognition,
 * "Nihon" for "Nippon", a conference named as the journal) and caught no false one the others let through.
 */
export const DEFAULT_RULES: ReadonlySet<ExtraRule> = new Set(EXTRA_RULES.filter((r) => r !== 'journals'));

export interface DuplicateGroup {
  /** the weakest rule that joined the group */
  rule: DedupeRule;
  /** the lowest pair score in the group, 0–1 */
  score: number;
  /** every link is certain (same DOI, or same title/year/author) and no two members conflict: may be merged unattended */
  certain: boolean;
  /** item ids, ascending; the first is the one kept on merge */
  members: number[];
  /** what stands against the group or lowered its score ("volumes differ: 12 vs 13"), at most MAX_REASONS */
  reasons: string[];
}

export interface DedupeOptions {
  /** "not a duplicate" pairs, as pairKey(a, b) */
  distinct?: ReadonlySet<string>;
  /** minimum Levenshtein similarity of normalised titles for a fuzzy match */
  threshold?: number;
  /** which of EXTRA_RULES apply (DEFAULT_RULES unless given) */
  rules?: ReadonlySet<ExtraRule>;
}

/** In one block, how many records of similar title length each record is compared with. */
export const MAX_NEIGHBOURS = 256;
const MAX_REASONS = 6;
/** The score of a pair with one conflict at most; with more, lower still. */
const CONFLICT_SCORE = 0.9;
const VARIANT_SCORE = 0.9;
/** The word overlap two titles at the same journal, volume and first page need. */
const LOCATOR_OVERLAP = 0.6;
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
  /** the title compared: cleaned, or as stored when clean-titles is off */
  t: string;
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
  reasons: string[];
}

const RULE_STRENGTH: Record<DedupeRule, number> = { doi: 6, 'title-year-author': 5, 'fuzzy-title': 4, subtitle: 3, 'translated-title': 2, locator: 1 };

function tokenOverlap(a: string, b: string): number {
  const ta = new Set(a.split(' '));
  const tb = new Set(b.split(' '));
  let common = 0;
  for (const t of ta) if (tb.has(t)) common++;
  return common / Math.max(1, Math.min(ta.size, tb.size));
}

// Words journal abbreviations leave out ("J Am Coll Cardiol" for "Journal of the American College of Cardiology").
const JOURNAL_STOP = new Set(['of', 'the', 'and', 'in', 'for', 'on', 'a', 'an', 'de', 'la', 'le', 'les', 'des', 'du', 'der', 'die', 'das', 'und', 'fur', 'et', 'y', 'e', 'di', 'del']);
const journalWords = (j: string): string[] => j.split(' ').filter((w) => w && !JOURNAL_STOP.has(w));

/** An abbreviated word: the same first letter, and its letters in order in the full word ("natl", "national"). */
function abbreviates(short: string, full: string): boolean {
  if (short === full) return true;
  if (short.length > full.length || short[0] !== full[0]) return false;
  let j = 1;
  for (let i = 1; i < short.length; i++) {
    j = full.indexOf(short[i] as string, j) + 1;
    if (j === 0) return false;
  }
  return true;
}

/** Whether one journal name can be the other written out or abbreviated; true when either is unknown. */
export function journalsAgree(a: string, b: string): boolean {
  if (!a || !b || a === b) return true;
  let x = journalWords(a);
  let y = journalWords(b);
  if (x.length === 0 || y.length === 0) return true;
  // the abbreviation is the shorter text; it may leave words out, never add them
  if (x.join('').length > y.join('').length) [x, y] = [y, x];
  if (x.length > y.length) return false;
  let j = 0;
  for (const w of x) {
    while (j < y.length && !abbreviates(w, y[j] as string)) j++;
    if (j === y.length) return false;
    j++;
  }
  return true;
}

/** Whether two first pages differ, other than an article number against a PDF's page 1 ("e0123456" vs "1-12"). */
function pagesDiffer(a: string | null, b: string | null): boolean {
  if (a === null || b === null || a === b) return false;
  return !((a === '1' && b.length >= 4) || (b === '1' && a.length >= 4));
}

/**
 * Issues differ only when both are plain ("3" vs "4") or both supplements ("s1" vs "s2"), and neither is an article
 * number some databases put in the issue field (BMC, PLoS: issue "93" where the other has issue 1, page 93).
 */
function issuesDiffer(x: DedupeRecord, y: DedupeRecord): boolean {
  const a = x.issue;
  const b = y.issue;
  if (a === null || b === null || a === b) return false;
  if (a === x.firstPage || a === y.firstPage || b === x.firstPage || b === y.firstPage) return false;
  return (a[0] === 's') === (b[0] === 's') && a !== 's' && b !== 's';
}

interface Context {
  threshold: number;
  hist: Uint8Array;
  rules: ReadonlySet<ExtraRule>;
}

/** What stands against two records being one work: differing DOIs, and (conflicts, journals) locators and journals. */
function conflictsOf(x: DedupeRecord, y: DedupeRecord, rules: ReadonlySet<ExtraRule>): string[] {
  const out: string[] = [];
  if (x.doiNorm !== null && y.doiNorm !== null && x.doiNorm !== y.doiNorm) out.push(`DOIs differ: ${x.doiNorm} vs ${y.doiNorm}`);
  if (rules.has('conflicts')) {
    if (x.volume !== null && y.volume !== null && x.volume !== y.volume) out.push(`volumes differ: ${x.volume} vs ${y.volume}`);
    if (issuesDiffer(x, y)) out.push(`issues differ: ${x.issue ?? ''} vs ${y.issue ?? ''}`);
    if (pagesDiffer(x.firstPage, y.firstPage)) out.push(`first pages differ: ${x.firstPage ?? ''} vs ${y.firstPage ?? ''}`);
  }
  if (rules.has('journals') && !journalsAgree(x.journal, y.journal)) out.push(`journals differ: ${x.journal} vs ${y.journal}`);
  return out;
}

/**
 * A link with its conflicts: any conflict makes it uncertain and caps its score. The reasons say so, and also what
 * an uncertain rule let differ (the year, how the first author is written), so the score is explained.
 */
function link(x: DedupeRecord, y: DedupeRecord, rule: DedupeRule, score: number, certain: boolean, rules: ReadonlySet<ExtraRule>): Link {
  const conflicts = conflictsOf(x, y, rules);
  if (!rules.has('conflicts')) {
    // the first version: only a DOI conflict counted, and it lowered the score less
    if (conflicts.length > 0 && rule === 'title-year-author') score = 0.95;
    else if (conflicts.length > 0) score = Math.min(score, 0.94);
  } else if (conflicts.length > 0) {
    score = Math.min(score, CONFLICT_SCORE - 0.05 * (conflicts.length - 1));
  }
  const reasons = [...conflicts];
  if (rule !== 'doi') {
    if (x.year !== null && y.year !== null && x.year !== y.year) reasons.push(`years differ: ${x.year} vs ${y.year}`);
    if (x.authorKey && y.authorKey && x.authorKey !== y.authorKey) reasons.push(`first authors written differently: ${x.authorKey} vs ${y.authorKey}`);
  }
  return { a: x.id, b: y.id, rule, score, certain: certain && conflicts.length === 0, reasons };
}

const ANONYMOUS = new Set(['anonymous', 'anon', 'unknown']);

/** Whether the first authors can be one person: the same key, or (authors) one surname within the other. */
function authorsAgree(x: DedupeRecord, y: DedupeRecord, rules: ReadonlySet<ExtraRule>): boolean {
  if (!x.authorKey || !y.authorKey || x.authorKey === y.authorKey) return true;
  if (!rules.has('authors')) return false;
  if (ANONYMOUS.has(x.authorKey) || ANONYMOUS.has(y.authorKey)) return true;
  const kx = ` ${transliterate(x.authorKey)} `;
  const ky = ` ${transliterate(y.authorKey)} `;
  return kx === ky || (kx.length > 4 && authorWordsOf(y.firstAuthor).includes(kx)) || (ky.length > 4 && authorWordsOf(x.firstAuthor).includes(ky));
}

/** Compares two records of one title or author block with the cheap checks first; returns the link or null. */
function compare(px: Prepared, py: Prepared, ctx: Context): Link | null {
  if (px.markers !== py.markers) return null;
  const x = px.r;
  const y = py.r;
  const { rules } = ctx;
  if (x.doiNorm !== null && x.doiNorm === y.doiNorm && !(rules.has('conflicts') && pagesDiffer(x.firstPage, y.firstPage))) {
    // chapters of one book can carry the book's DOI: the titles must still be about the same thing
    if (px.t && py.t && tokenOverlap(px.t, py.t) < 0.5) return null;
    return link(x, y, 'doi', 1, true, rules);
  }
  if (x.year !== null && y.year !== null && Math.abs(x.year - y.year) > 1) {
    // an abstract and its article: the same title and first author, two years apart
    if (!(rules.has('years') && Math.abs(x.year - y.year) === 2 && px.t === py.t && px.t.length >= 40 && x.authorKey === y.authorKey && x.authorKey)) return null;
    return link(x, y, 'fuzzy-title', VARIANT_SCORE, false, rules);
  }
  if (!authorsAgree(x, y, rules)) return null;
  if (px.t.length < 12 || py.t.length < 12) return null;
  if (px.t === py.t && x.year === y.year && x.year !== null && x.authorKey === y.authorKey && x.authorKey) {
    return link(x, y, 'title-year-author', 0.99, true, rules);
  }
  const maxEdits = Math.floor((1 - ctx.threshold) * Math.max(px.t.length, py.t.length));
  if (!histogramsWithin(ctx.hist, px.h, py.h, 2 * maxEdits)) return null;
  const score = similarity(px.t, py.t, ctx.threshold);
  if (score === 0) return null;
  return link(x, y, 'fuzzy-title', score, false, rules);
}

/** A title against the other's variants (main title, bracketed translation); null when none is equal. */
function compareVariants(px: Prepared, py: Prepared, rules: ReadonlySet<ExtraRule>): Link | null {
  const x = px.r;
  const y = py.r;
  if (x.year !== null && y.year !== null && Math.abs(x.year - y.year) > 1) return null;
  if (!authorsAgree(x, y, rules)) return null;
  // a subtitle must not be what tells works apart ("…: Part II", "…: a reply")
  if (rules.has('subtitles') && px.markers === py.markers && (x.mainTitle === py.t || y.mainTitle === px.t)) {
    return link(x, y, 'subtitle', VARIANT_SCORE, false, rules);
  }
  // the original title's numbers are the translation's too, so only the translation is compared
  if (rules.has('translations') && (x.alternates.some((a) => a === py.t || y.alternates.includes(a)) || y.alternates.includes(px.t))) {
    return link(x, y, 'translated-title', VARIANT_SCORE, false, rules);
  }
  return null;
}

/** Two records at the same year, volume and first page: the same journal, first author and most title words. */
function compareLocators(px: Prepared, py: Prepared, rules: ReadonlySet<ExtraRule>): Link | null {
  const x = px.r;
  const y = py.r;
  if (px.markers !== py.markers || !x.journal || !y.journal || !journalsAgree(x.journal, y.journal)) return null;
  if (!authorsAgree(x, y, rules) || issuesDiffer(x, y)) return null;
  if (px.t.length < 12 || py.t.length < 12 || tokenOverlap(px.t, py.t) < LOCATOR_OVERLAP) return null;
  const score = Math.min(VARIANT_SCORE, Math.round(similarity(px.t, py.t, 0) * 1000) / 1000);
  return link(x, y, 'locator', score, false, rules);
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

/** Groups bigger than this are never certain: checking every pair of them for conflicts is not worth it. */
const MAX_CERTAIN_MEMBERS = 50;

/**
 * Groups duplicate records. Within each block, records are compared in order of title length and only while the
 * lengths allow the similarity threshold, so a large block (a common surname and year) stays near-linear.
 */
export function findDuplicateGroups(records: readonly DedupeRecord[], options: DedupeOptions = {}): DuplicateGroup[] {
  const threshold = options.threshold ?? 0.93;
  const distinct = options.distinct ?? new Set<string>();
  const rules = options.rules ?? DEFAULT_RULES;
  const clean = rules.has('clean-titles');
  const titleOf = (r: DedupeRecord): string => (clean ? r.titleNorm : r.plainTitle);
  const byLength = [...records].sort((p, q) => titleOf(p).length - titleOf(q).length);
  const hist = new Uint8Array(byLength.length * HIST_BINS);
  const prepared: Prepared[] = byLength.map((r, i) => {
    const t = titleOf(r);
    histogram(t, hist, i * HIST_BINS);
    return { r, t, markers: markers(t), h: i * HIST_BINS };
  });
  const ctx: Context = { threshold, hist, rules };

  const links = new Map<string, Link>();
  // the pair key (a string) is only built for pairs that match: building one per comparison is most of the cost
  const consider = (x: Prepared, y: Prepared): void => {
    if (x.r.id === y.r.id) return;
    const l = compare(x, y, ctx);
    if (!l) return;
    const key = pairKey(x.r.id, y.r.id);
    if (!distinct.has(key) && !links.has(key)) links.set(key, l);
  };
  // the later passes see few pairs: the key first, so a pair already linked is not compared again
  const considerOnce = (x: Prepared, y: Prepared, how: (x: Prepared, y: Prepared, rules: ReadonlySet<ExtraRule>) => Link | null): void => {
    if (x.r.id === y.r.id) return;
    const key = pairKey(x.r.id, y.r.id);
    if (links.has(key) || distinct.has(key)) return;
    const l = how(x, y, rules);
    if (l) links.set(key, l);
  };

  const byDoi = new Map<string, Prepared[]>();
  for (const p of prepared) if (p.r.doiNorm) addToBlock(byDoi, p.r.doiNorm, p);
  for (const list of byDoi.values()) {
    for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) consider(list[i] as Prepared, list[j] as Prepared);
  }
  byDoi.clear();

  // One kind of block at a time, so only one map of block keys is alive at once.
  const blockKeys: ((p: Prepared) => string | null)[] = [
    (p) => (p.t.length >= 8 ? p.t.slice(0, TITLE_KEY_LENGTH) : null),
    // the end of the title too: a typo near the start with the year off by one shares no other block
    (p) => (p.t.length > TITLE_KEY_LENGTH ? p.t.slice(-40) : null),
    (p) => (p.r.authorKey && p.r.year !== null ? `${p.r.authorKey}|${p.r.year}` : null),
    // … and a typo in the middle with the year off by one: same author, same first and last title words
    (p) => (p.r.authorKey && p.t
      ? `${p.r.authorKey}|${p.t.slice(0, p.t.indexOf(' ') >>> 0)}|${p.t.slice(p.t.lastIndexOf(' ') + 1)}`
      : null),
  ];
  for (const keyOf of blockKeys) {
    const blocks = new Map<string, Prepared[]>();
    for (const p of prepared) {
      const k = keyOf(p);
      if (k) addToBlock(blocks, k, p);
    }
    // blocks were filled in order of title length, so each is sorted and the length window can stop early
    for (const list of blocks.values()) {
      if (list.length < 2) continue;
      for (let i = 0; i < list.length; i++) {
        const x = list[i] as Prepared;
        const minLength = x.t.length / threshold;
        // a block of a very common surname and year can hold thousands: each record meets at most its
        // MAX_NEIGHBOURS nearest in title length, which keeps the work linear in the number of records
        const end = Math.min(list.length, i + 1 + MAX_NEIGHBOURS);
        for (let j = i + 1; j < end; j++) {
          const y = list[j] as Prepared;
          if (y.t.length > minLength) break;
          consider(x, y);
        }
      }
    }
  }

  // Variant titles: only records that have one are indexed, and every title is looked up among them.
  if (rules.has('subtitles') || rules.has('translations')) {
    const variants = new Map<string, Prepared[]>();
    for (const p of prepared) {
      if (rules.has('subtitles') && p.r.mainTitle) addToBlock(variants, p.r.mainTitle, p);
      if (rules.has('translations')) for (const a of p.r.alternates) addToBlock(variants, a, p);
    }
    if (variants.size > 0) {
      for (const p of prepared) {
        const probes = rules.has('translations') && p.r.alternates.length > 0 ? [p.t, ...p.r.alternates] : [p.t];
        for (const probe of probes) {
          const list = variants.get(probe);
          if (!list) continue;
          for (let j = 0; j < list.length && j < MAX_NEIGHBOURS; j++) considerOnce(p, list[j] as Prepared, compareVariants);
        }
      }
    }
  }

  if (rules.has('locators')) {
    const blocks = new Map<string, Prepared[]>();
    for (const p of prepared) {
      const r = p.r;
      if (r.year !== null && r.volume !== null && r.firstPage !== null && r.firstPage !== '1' && r.journal) addToBlock(blocks, `${r.year}|${r.volume}|${r.firstPage}`, p);
    }
    for (const list of blocks.values()) {
      if (list.length < 2) continue;
      for (let i = 0; i < list.length; i++) {
        const end = Math.min(list.length, i + 1 + MAX_NEIGHBOURS);
        for (let j = i + 1; j < end; j++) considerOnce(list[i] as Prepared, list[j] as Prepared, compareLocators);
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
  let byId: Map<number, DedupeRecord> | null = null;
  const out: DuplicateGroup[] = [];
  for (const g of groups.values()) {
    const members = [...g.members].sort((a, b) => a - b);
    let rule: DedupeRule = 'doi';
    let score = 1;
    let certain = true;
    const reasons = new Set<string>();
    for (const l of g.links) {
      if (RULE_STRENGTH[l.rule] < RULE_STRENGTH[rule]) rule = l.rule;
      score = Math.min(score, l.score);
      certain &&= l.certain;
      for (const r of l.reasons) if (reasons.size < MAX_REASONS) reasons.add(r);
    }
    // a "not a duplicate" pair pulled into one group through a third record needs a person to decide
    if (certain && distinct.size > 0) {
      outer: for (let i = 0; i < members.length; i++) {
        for (let j = i + 1; j < members.length; j++) {
          if (distinct.has(pairKey(members[i] as number, members[j] as number))) {
            certain = false;
            reasons.add(`items ${members[i] ?? ''} and ${members[j] ?? ''} were marked not duplicates`);
            break outer;
          }
        }
      }
    }
    // … and so does a conflict between two members that are linked only through others
    if (certain && members.length > 2 && rules.has('conflicts')) {
      if (members.length > MAX_CERTAIN_MEMBERS) {
        certain = false;
        reasons.add(`${members.length} records in one group`);
      } else {
        byId ??= new Map(records.map((r) => [r.id, r]));
        const rs = members.map((m) => byId?.get(m) as DedupeRecord);
        outer: for (let i = 0; i < rs.length; i++) {
          for (let j = i + 1; j < rs.length; j++) {
            const c = conflictsOf(rs[i] as DedupeRecord, rs[j] as DedupeRecord, rules);
            if (c.length > 0) {
              certain = false;
              score = Math.min(score, CONFLICT_SCORE);
              for (const r of c) if (reasons.size < MAX_REASONS) reasons.add(r);
              break outer;
            }
          }
        }
      }
    }
    out.push({ rule, score: Math.round(score * 1000) / 1000, certain, members, reasons: [...reasons] });
  }
  return out.sort((a, b) => (a.members[0] as number) - (b.members[0] as number));
}
