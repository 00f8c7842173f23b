// Exports carry HTML from the databases (Zotero notes, EPPI titles with <i>, &quot;): stored text is plain Unicode.

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
const TAG = /<\/?([a-zA-Z][a-zA-Z0-9]*)(?:\s[^<>]*)?\/?>/g;
const BLOCK = new Set(['br', 'p', 'div', 'li', 'tr']);

/** Strips tags (block tags become a space) and decodes entities. */
export function htmlToText(s: string): string {
  let out = s;
  if (out.includes('<')) out = out.replace(TAG, (_m, name: string) => (BLOCK.has(name.toLowerCase()) ? ' ' : ''));
  return decodeEntities(out);
}
