// Exports carry HTML from the databases (Zotero notes, EPPI titles with <i>, Scopus' <inf>, PubMed's inline tags,
// &quot;): its inline formatting becomes rich-text marks (rich-text.ts), everything else plain Unicode text.
import { B, I, NOCASE, SC, SUB, SUP, type Run } from './rich-text.ts';

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', hellip: '…',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»', copy: '©', reg: '®', trade: '™',
  deg: '°', plusmn: '±', times: '×', divide: '÷', micro: 'µ', middot: '·', le: '≤', ge: '≥', ne: '≠',
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', kappa: 'κ', lambda: 'λ', mu: 'μ', pi: 'π',
  sigma: 'σ', tau: 'τ', omega: 'ω', chi: 'χ', Delta: 'Δ', Sigma: 'Σ', Omega: 'Ω', shy: '',
  auml: 'ä', ouml: 'ö', uuml: 'ü', Auml: 'Ä', Ouml: 'Ö', Uuml: 'Ü', szlig: 'ß', eacute: 'é', egrave: 'è',
  aacute: 'á', agrave: 'à', iacute: 'í', oacute: 'ó', uacute: 'ú', ntilde: 'ñ', ccedil: 'ç', oslash: 'ø',
  aring: 'å', Aring: 'Å', Eacute: 'É', ecirc: 'ê', acirc: 'â', ocirc: 'ô', icirc: 'î', ucirc: 'û', euml: 'ë',
  iuml: 'ï',
  // SGML/ISO Greek entity names that PubMed records carry ("20.17 &mgr;M")
  agr: 'α', bgr: 'β', ggr: 'γ', dgr: 'δ', egr: 'ε', zgr: 'ζ', eegr: 'η', thgr: 'θ', igr: 'ι', kgr: 'κ', lgr: 'λ',
  mgr: 'μ', ngr: 'ν', xgr: 'ξ', pgr: 'π', rgr: 'ρ', sgr: 'σ', tgr: 'τ', ugr: 'υ', phgr: 'φ', khgr: 'χ', psgr: 'ψ',
  ohgr: 'ω', Dgr: 'Δ', Ggr: 'Γ', Sgr: 'Σ', OHgr: 'Ω',
};

const ENTITY = /&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z][a-zA-Z0-9]{1,8});/g;

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(ENTITY, (m, body: string) => {
    if (body.startsWith('#x') || body.startsWith('#X')) return codePoint(Number.parseInt(body.slice(2), 16), m);
    if (body.startsWith('#')) return codePoint(Number.parseInt(body.slice(1), 10), m);
    return NAMED[body] ?? m;
  });
}

function codePoint(n: number, fallback: string): string {
  return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : fallback;
}

// A tag must start with a letter right after "<", so "P < .001" and "a <= b" in abstracts survive.
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)(\s[^<>]*)?\/?>/g;
const BLOCK = new Set(['br', 'p', 'div', 'li', 'tr']);
const TAG_MARKS: Record<string, number> = {
  i: I, em: I, italic: I, cite: I, var: I, b: B, strong: B, bold: B, sup: SUP, sub: SUB, inf: SUB, sc: SC, smallcaps: SC,
};

/** What a <span> (or <font>) means: its style and class, read for the marks only. */
function spanMarks(attrs: string): number {
  let m = 0;
  if (/font-variant:\s*small-caps/i.test(attrs)) m |= SC;
  if (/font-style:\s*italic/i.test(attrs)) m |= I;
  if (/font-weight:\s*(bold|[6-9]00)/i.test(attrs)) m |= B;
  if (/vertical-align:\s*super/i.test(attrs)) m |= SUP;
  if (/vertical-align:\s*sub/i.test(attrs)) m |= SUB;
  if (/class="[^"]*\bnocase\b/i.test(attrs)) m |= NOCASE;
  return m;
}

/**
 * HTML → runs: inline formatting tags become marks, block tags a space, every other tag vanishes, entities are
 * decoded (a decoded "&lt;" is text, never a tag). Tags closed out of order or never closed are forgiven.
 */
export function htmlToRuns(html: string): Run[] {
  if (!html.includes('<')) return html ? [{ text: decodeEntities(html), marks: 0 }] : [];
  const runs: Run[] = [];
  const open: { name: string; marks: number }[] = [];
  let marks = 0;
  let at = 0;
  const text = (s: string): void => {
    if (s) runs.push({ text: decodeEntities(s), marks });
  };
  for (const t of html.matchAll(TAG)) {
    text(html.slice(at, t.index));
    at = t.index + t[0].length;
    const name = (t[2] as string).toLowerCase();
    if (BLOCK.has(name)) {
      runs.push({ text: ' ', marks });
      continue;
    }
    if (t[1]) {
      const k = open.findLastIndex((o) => o.name === name);
      if (k < 0) continue;
      open.splice(k, 1);
    } else {
      if (t[0].endsWith('/>')) continue;
      const m = name === 'span' || name === 'font' ? spanMarks(t[3] ?? '') : (TAG_MARKS[name] ?? 0);
      if (m === 0 && name !== 'span' && name !== 'font') continue;
      open.push({ name, marks: m });
    }
    marks = open.reduce((a, o) => a | o.marks, 0);
  }
  text(html.slice(at));
  return runs;
}

/** Strips tags (block tags become a space) and decodes entities. */
export function htmlToText(s: string): string {
  return htmlToRuns(s).map((r) => r.text).join('');
}
