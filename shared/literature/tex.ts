// BibTeX values are TeX: accents, escapes, commands, math and case-protecting braces. Stored text is Unicode, so
// "{\"O}mer" becomes "Ömer" and "{Cocker} {Spaniel}" becomes "Cocker Spaniel"; formatting (\textit, {\it …},
// \begin{it}…\end{it}, $^2$, \textsuperscript …) becomes rich-text marks (rich-text.ts), which texToUnicode drops
// and texToRuns keeps. A command this reader does not know stays in the text as written and is reported.
import { B, I, NOCASE, SC, SUB, SUP, type Run } from './rich-text.ts';

const ACCENTS: Record<string, string> = {
  "'": '\u0301', '`': '\u0300', '^': '\u0302', '"': '\u0308', '~': '\u0303', '=': '\u0304', '.': '\u0307',
  c: '\u0327', v: '\u030C', u: '\u0306', H: '\u030B', k: '\u0328', r: '\u030A', d: '\u0323', b: '\u0331', t: '\u0361',
};

const SYMBOLS: Record<string, string> = {
  aa: 'å', AA: 'Å', o: 'ø', O: 'Ø', ss: 'ß', ae: 'æ', AE: 'Æ', oe: 'œ', OE: 'Œ', l: 'ł', L: 'Ł', i: 'ı', j: 'ȷ',
  dh: 'ð', DH: 'Ð', th: 'þ', TH: 'Þ', ng: 'ŋ', NG: 'Ŋ', dj: 'đ', DJ: 'Đ', SS: 'SS',
  textbackslash: '\\', textasciigrave: '`', textasciitilde: '~', textasciicircum: '^', textless: '<', textgreater: '>', textbar: '|',
  textquoteright: '’', textquoteleft: '‘', textquotedblleft: '“', textquotedblright: '”', textquotedbl: '"',
  textendash: '–', textemdash: '—', textregistered: '®', texttrademark: '™', textcopyright: '©', copyright: '©',
  textdegree: '°', textperiodcentered: '·', textbullet: '•', dots: '…', ldots: '…', textellipsis: '…',
  S: '§', P: '¶', textsection: '§', pounds: '£', textsterling: '£', euro: '€', texteuro: '€', textmu: 'µ',
  textpm: '±', textunderscore: '_', textquotesingle: "'", textasciiacute: '´', textminus: '−', texttimes: '×',
  textdiv: '÷', textonehalf: '½', textonequarter: '¼', textthreequarters: '¾', textperthousand: '‰',
  textdagger: '†', textdaggerdbl: '‡', textasteriskcentered: '∗', textbraceleft: '{', textbraceright: '}',
  textcent: '¢', textyen: '¥', textnumero: '№', textohm: 'Ω', textcelsius: '℃', textlangle: '⟨', textrangle: '⟩',
  textleftarrow: '←', textrightarrow: '→', textuparrow: '↑', textdownarrow: '↓', textvisiblespace: '␣',
  textasciidieresis: '¨', textasciimacron: '¯', textbrokenbar: '¦', textlnot: '¬', textsuperscripttwo: '²',
  textthreesuperior: '³', texttwosuperior: '²', textonesuperior: '¹', checkmark: '✓', textdiscount: '⁒', textdollar: '$', textpercent: '%', textampersand: '&', guillemotleft: '«',
  guillemotright: '»', textexclamdown: '¡', textquestiondown: '¿', textordfeminine: 'ª', textordmasculine: 'º',
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', varepsilon: 'ε', zeta: 'ζ', eta: 'η',
  theta: 'θ', vartheta: 'ϑ', iota: 'ι', kappa: 'κ', lambda: 'λ', mu: 'μ', nu: 'ν', xi: 'ξ', pi: 'π', rho: 'ρ',
  sigma: 'σ', tau: 'τ', upsilon: 'υ', phi: 'φ', varphi: 'φ', chi: 'χ', psi: 'ψ', omega: 'ω', Gamma: 'Γ',
  Delta: 'Δ', Theta: 'Θ', Lambda: 'Λ', Xi: 'Ξ', Pi: 'Π', Sigma: 'Σ', Upsilon: 'Υ', Phi: 'Φ', Psi: 'Ψ',
  Omega: 'Ω', pm: '±', mp: '∓', times: '×', div: '÷', cdot: '·', le: '≤', leq: '≤', ge: '≥', geq: '≥', neq: '≠',
  ne: '≠', approx: '≈', sim: '∼', infty: '∞', to: '→', rightarrow: '→', leftarrow: '←', deg: '°', circ: '∘',
  prime: '′', partial: '∂', sum: '∑', prod: '∏', int: '∫', sqrt: '√', in: '∈', cap: '∩', cup: '∪', lt: '<', gt: '>',
  '&': '&', '%': '%', $: '$', '#': '#', _: '_', '{': '{', '}': '}', ' ': ' ', ',': ' ', ';': ' ', ':': ' ', '!': '',
  '-': '', '/': '', '\\': ' ', '@': '', '|': '|',
};

/** The spacing form of an accent given nothing to sit on: "\~{}" is a tilde. */
const SPACING_ACCENTS: Record<string, string> = { '~': '~', '^': '^', '"': '¨', "'": '´', '`': '`', '=': '¯', '.': '˙' };

// Commands whose argument is the text to keep, formatted …
const MARK_ARG: Record<string, number> = {
  textit: I, emph: I, textsl: I, textbf: B, mathbf: B, boldsymbol: B, textsc: SC, textsuperscript: SUP,
  textsubscript: SUB, NoCaseChange: NOCASE, nocase: NOCASE,
};
// … or as it is (fonts the CSL subset has no mark for, boxes, case changes: case is data).
const KEEP_ARG = new Set([
  'textrm', 'textsf', 'texttt', 'textup', 'textmd', 'textnormal', 'mathrm', 'mathit', 'mathsf', 'mathtt', 'mathcal',
  'mathbb', 'mbox', 'hbox', 'text', 'MakeUppercase', 'MakeLowercase', 'uppercase', 'lowercase', 'enquote',
  'ensuremath', 'operatorname',
]);
// Declarations: they format the rest of the group they stand in ({\it Homo}).
const DECLARATIONS: Record<string, number> = {
  it: I, itshape: I, em: I, sl: I, slshape: I, bf: B, bfseries: B, sc: SC, scshape: SC,
};
const PLAIN_DECLARATIONS = new Set([
  'rm', 'sf', 'tt', 'upshape', 'mdseries', 'normalfont', 'rmfamily', 'sffamily', 'ttfamily', 'tiny', 'scriptsize',
  'footnotesize', 'small', 'normalsize', 'large', 'Large', 'LARGE', 'huge', 'Huge',
]);
const ENVIRONMENTS: Record<string, number> = { ...DECLARATIONS, emph: I, textit: I, textbf: B, textsc: SC };
// Environments that only lay text out: their text is kept, their names never are.
const PLAIN_ENVIRONMENTS = new Set([...PLAIN_DECLARATIONS, 'quote', 'quotation', 'center', 'flushleft', 'flushright', 'abstract', 'math', 'displaymath', 'equation', 'minipage']);
// Commands that print nothing, with the argument they take dropped too where they take one.
const SILENT = new Set(['protect', 'relax', 'newblock', 'allowbreak', 'xspace', 'nobreak', 'ignorespaces', 'unskip', 'null', 'noindent']);
const SILENT_ARG = new Set(['noopsort', 'hspace', 'vspace', 'label', 'index']);
const SPACES = new Set(['par', 'newline', 'linebreak', 'quad', 'qquad', 'enspace', 'thinspace']);
// \ding (pifont: Zapf Dingbats by number): the ones bibliographic data carries; any other is reported.
const DINGBATS: Record<number, string> = { 51: '✓', 52: '✔', 55: '✗', 56: '✘', 72: '★', 73: '☆', 108: '●', 109: '❍', 110: '■', 111: '❏', 115: '▲', 116: '▼', 117: '◆' };

// Marks travel through the reader as noncharacters (Unicode keeps U+FDD0–U+FDEF for a program's own use).
const OPEN_AT = 0xfdd0;
const CLOSE_AT = 0xfde0;
const MARK_BITS = [I, B, SUP, SUB, SC, NOCASE];
const open = (mark: number): string => String.fromCharCode(OPEN_AT + MARK_BITS.indexOf(mark));
const close = (mark: number): string => String.fromCharCode(CLOSE_AT + MARK_BITS.indexOf(mark));
const SENTINELS = /[\ufdd0-\ufdef]/g;
const HAS_SENTINEL = /[\ufdd0-\ufdef]/;

const NEEDS_WORK = /[\\{}$~`]|--|''/;
const PLAIN = /[\\{}$~`'\-^_]/g;

export interface TexOptions {
  /** "--" and "---" as en and em dashes (BibTeX prose); off for pages and for formats where TeX only leaks in */
  dashes?: boolean;
  /** collects what the reader could not read ("unknown TeX command \foo kept as written") */
  warnings?: Set<string>;
  /**
   * Text from a non-TeX format, where "\n", "\r" and "\t" are escaped white space (EPPI writes
   * "village,\nAndhra Pradesh"), not the start of a command.
   */
  escapes?: boolean;
}

/** TeX to plain Unicode text; never throws, unbalanced braces are simply dropped. */
export function texToUnicode(s: string, opts: TexOptions = {}): string {
  if (!NEEDS_WORK.test(s)) return s;
  // Accents are composed where they are read, so the (long) result needs no whole-string NFC pass.
  const out = new TexReader(s, opts).run();
  return HAS_SENTINEL.test(out) ? out.replace(SENTINELS, '') : out;
}

/** TeX to runs of text with their formatting marks. */
export function texToRuns(s: string, opts: TexOptions = {}): Run[] {
  if (!NEEDS_WORK.test(s)) return s ? [{ text: s, marks: 0 }] : [];
  return markedRuns(new TexReader(s, opts).run());
}

/**
 * TeX in text that already carries marks (HTML read first, as a non-TeX format is): read as one text, so a TeX
 * group or quote that spans a tag reads as it would without the tag.
 */
export function texOverRuns(input: readonly Run[], opts: TexOptions = {}): Run[] {
  let s = '';
  let prev = 0;
  for (const r of input) {
    for (const m of MARK_BITS) if (prev & m && !(r.marks & m)) s += close(m);
    for (const m of MARK_BITS) if (!(prev & m) && r.marks & m) s += open(m);
    s += r.text.replace(SENTINELS, '');
    prev = r.marks;
  }
  return markedRuns(new TexReader(s, opts, true).run());
}

/** The reader's output, its marks' noncharacters read back as runs. */
function markedRuns(out: string): Run[] {
  const runs: Run[] = [];
  const counts = MARK_BITS.map(() => 0);
  let marks = 0;
  let at = 0;
  for (const m of out.matchAll(SENTINELS)) {
    if (m.index > at) runs.push({ text: out.slice(at, m.index), marks });
    at = m.index + 1;
    const code = m[0].charCodeAt(0);
    const k = code >= CLOSE_AT ? code - CLOSE_AT : code - OPEN_AT;
    counts[k] = Math.max(0, (counts[k] as number) + (code >= CLOSE_AT ? -1 : 1));
    marks = counts.reduce((a, n, j) => (n > 0 ? a | (MARK_BITS[j] as number) : a), 0);
  }
  if (at < out.length) runs.push({ text: out.slice(at), marks });
  return runs;
}

/** True when text from a non-TeX format carries TeX markup that should be converted. */
export function looksLikeTex(s: string): boolean {
  // "$5 … $6" in an abstract is money, not math: only backslash commands and TeX quotes count.
  return /\\[a-zA-Z"'`^~=.&%$#_{}]|``|\{''\}/.test(s);
}

function charCode(spec: string): string | undefined {
  const t = spec.trim();
  const m = /^(?:"([0-9a-fA-F]{1,6})|'([0-7]{1,8})|([0-9]{1,7}))$/.exec(t);
  if (!m) return undefined;
  const n = m[1] ? Number.parseInt(m[1], 16) : m[2] ? Number.parseInt(m[2], 8) : Number(m[3]);
  return n > 0 && n <= 0x10ffff && !(n >= 0xd800 && n <= 0xdfff) ? String.fromCodePoint(n) : undefined;
}

interface Frame {
  depth: number;
  /** declarations made in this group, with the brace depth they end at */
  decls: { depth: number; mark: number }[];
}

class TexReader {
  private i = 0;
  private math = false;
  private openQuote = false;
  private readonly frames: Frame[] = [];
  private readonly envs: { name: string; mark: number | undefined }[] = [];
  private readonly s: string;
  private readonly dashes: boolean;
  private readonly warnings: Set<string> | undefined;
  private readonly escapes: boolean;

  constructor(s: string, opts: TexOptions, marked = false) {
    // the marks' noncharacters are the reader's own: any in the input are not text, unless the caller put them there
    this.s = !marked && HAS_SENTINEL.test(s) ? s.replace(SENTINELS, '') : s;
    this.dashes = opts.dashes ?? true;
    this.warnings = opts.warnings;
    this.escapes = opts.escapes ?? false;
  }

  run(end = this.s.length): string {
    let out = '';
    const s = this.s;
    const frame: Frame = { depth: 0, decls: [] };
    this.frames.push(frame);
    const endDecls = (depth: number): void => {
      while (frame.decls.length && (frame.decls.at(-1) as Frame['decls'][number]).depth >= depth) out += close((frame.decls.pop() as Frame['decls'][number]).mark);
    };
    while (this.i < end) {
      // Copy plain text up to the next character that means something, in one slice.
      PLAIN.lastIndex = this.i;
      const next = PLAIN.exec(s);
      const stop = next === null || next.index > end ? end : next.index;
      if (stop > this.i) {
        out += s.slice(this.i, stop);
        this.i = stop;
        if (stop >= end) break;
      }
      const ch = s[this.i] as string;
      if (ch === '\\') {
        out += this.command();
      } else if (ch === '{') {
        frame.depth++;
        this.i++;
      } else if (ch === '}') {
        endDecls(frame.depth);
        frame.depth = Math.max(0, frame.depth - 1);
        this.i++;
      } else if (ch === '$') {
        this.math = !this.math;
        this.i++;
      } else if (ch === '~') {
        out += ' ';
        this.i++;
      } else if ((ch === '^' || ch === '_') && this.math) {
        this.i++;
        const mark = ch === '^' ? SUP : SUB;
        out += open(mark) + this.mathArgument() + close(mark);
      } else if (ch === '`') {
        if (s[this.i + 1] === '`') {
          out += '“';
          this.openQuote = true;
          this.i += 2;
        } else {
          out += '‘';
          this.i++;
        }
      } else if (ch === "'" && s[this.i + 1] === "'" && this.openQuote) {
        // Only a '' that closes a `` is a TeX quote: Zotero writes a literal '' unescaped, and it must survive.
        out += '”';
        this.openQuote = false;
        this.i += 2;
      } else if (ch === '-' && this.dashes && s[this.i + 1] === '-') {
        if (s[this.i + 2] === '-') {
          out += '—';
          this.i += 3;
        } else {
          out += '–';
          this.i += 2;
        }
      } else {
        out += ch;
        this.i++;
      }
    }
    endDecls(0);
    this.frames.pop();
    return out;
  }

  /** Reads "{...}" at the cursor (balanced) and returns its converted content, or undefined when there is no group. */
  private group(): string | undefined {
    const s = this.s;
    if (s[this.i] !== '{') return undefined;
    const stop = this.groupEnd(this.i);
    this.i++;
    const inner = this.run(stop);
    this.i = stop + 1;
    return inner;
  }

  /** The index of the brace that closes the group opening at `at` (the end of the text when none does). */
  private groupEnd(at: number): number {
    const s = this.s;
    let depth = 0;
    let j = at;
    for (; j < s.length; j++) {
      const c = s[j];
      if (c === '\\') {
        j++;
        continue;
      }
      if (c === '{') depth++;
      else if (c === '}' && --depth === 0) break;
    }
    return Math.min(j, s.length);
  }

  private rawGroup(): string | undefined {
    const s = this.s;
    if (s[this.i] !== '{') return undefined;
    const close = s.indexOf('}', this.i);
    const stop = close < 0 ? s.length : close;
    const inner = s.slice(this.i + 1, stop);
    this.i = stop + 1;
    return inner;
  }

  private skipSpaces(): void {
    while (this.s[this.i] === ' ' || this.s[this.i] === '\t') this.i++;
  }

  /** A superscript's or subscript's argument: a group, a command, or one character. */
  private mathArgument(): string {
    this.skipSpaces();
    const c = this.s[this.i];
    if (c === undefined) return '';
    if (c === '{') return this.group() ?? '';
    if (c === '\\') return this.command();
    const cp = this.s.codePointAt(this.i) as number;
    const one = String.fromCodePoint(cp);
    this.i += one.length;
    return one;
  }

  /** Kept as written: the command and the groups right after it, verbatim. */
  private unknown(from: number, name: string): string {
    if (/[a-zA-Z]/.test(name[0] as string)) {
      while (this.s[this.i] === '{') this.i = this.groupEnd(this.i) + 1;
      this.i = Math.min(this.i, this.s.length);
    }
    this.warnings?.add(`unknown TeX command \\${name} kept as written`);
    return this.s.slice(from, this.i);
  }

  private command(): string {
    const s = this.s;
    const from = this.i;
    this.i++; // backslash
    if (this.i >= s.length) return '';
    let name: string;
    const first = s[this.i] as string;
    if (/[a-zA-Z]/.test(first)) {
      let j = this.i;
      while (j < s.length && /[a-zA-Z]/.test(s[j] as string)) j++;
      name = s.slice(this.i, j);
      this.i = j;
    } else {
      name = first;
      this.i++;
    }
    const letters = /[a-zA-Z]/.test(name[0] as string);
    const accent = ACCENTS[name];
    if (accent !== undefined && (!letters ? true : this.isAccentArg())) return this.accent(name, accent);
    if (name === 'url') return this.rawGroup() ?? '';
    if (name === 'href') {
      this.rawGroup();
      return this.group() ?? '';
    }
    const sym = SYMBOLS[name];
    if (sym !== undefined) {
      if (letters) {
        // "\o{}" and "\ss " end the command; the space or empty group is not text.
        if (s[this.i] === '{' && s[this.i + 1] === '}') this.i += 2;
        else if (s[this.i] === ' ') this.i++;
      }
      return sym;
    }
    if (!letters) return this.unknown(from, name);
    const afterName = this.i;
    this.skipSpaces();
    const mark = MARK_ARG[name];
    if (mark !== undefined) {
      const inner = this.group();
      return inner === undefined ? '' : open(mark) + inner + close(mark);
    }
    if (KEEP_ARG.has(name)) return this.group() ?? '';
    const declared = DECLARATIONS[name];
    if (declared !== undefined) {
      const frame = this.frames.at(-1);
      if (!frame) return '';
      frame.decls.push({ depth: frame.depth, mark: declared });
      return open(declared);
    }
    if (PLAIN_DECLARATIONS.has(name) || SILENT.has(name)) return '';
    if (SPACES.has(name)) return ' ';
    if (SILENT_ARG.has(name)) {
      if (s[this.i] === '{') this.i = this.groupEnd(this.i) + 1;
      return '';
    }
    if (name === 'begin' || name === 'end') {
      const env = this.rawGroup()?.trim();
      if (env !== undefined) return this.environment(name, env);
    }
    if (name === 'ElsevierGlyph' || name === 'symbol' || name === 'ding') {
      const start = this.i;
      const arg = this.rawGroup();
      const glyph = arg === undefined ? undefined : name === 'ding' ? DINGBATS[Number(arg.trim())] : charCode(name === 'ElsevierGlyph' ? `"${arg.trim()}` : arg);
      if (glyph !== undefined) return glyph;
      this.i = start;
    }
    if (name === 'char') {
      const m = /^(?:"[0-9a-fA-F]{1,6}|'[0-7]{1,8}|[0-9]{1,7})/.exec(s.slice(this.i, this.i + 10));
      const glyph = m ? charCode(m[0]) : undefined;
      if (m && glyph !== undefined) {
        this.i += m[0].length;
        if (s[this.i] === ' ') this.i++;
        return glyph;
      }
    }
    if (this.escapes && /^[nrt](?:$|[^a-z])/.test(name)) {
      this.i = from + 2;
      return ' ';
    }
    this.i = afterName;
    return this.unknown(from, name);
  }

  /** \begin{it} … \end{it} format their text; any other environment's name is dropped, never kept as text. */
  private environment(which: string, env: string): string {
    const mark = ENVIRONMENTS[env];
    if (which === 'begin') {
      this.envs.push({ name: env, mark });
      if (mark === undefined && !PLAIN_ENVIRONMENTS.has(env)) this.warnings?.add(`unknown TeX environment {${env}}: its text kept, its name dropped`);
      return mark === undefined ? '' : open(mark);
    }
    const k = this.envs.findLastIndex((e) => e.name === env);
    if (k < 0) return '';
    const [e] = this.envs.splice(k, 1);
    return e?.mark === undefined ? '' : close(e.mark);
  }

  /** Letter accents (\c, \v, \u …) only count when an argument follows; otherwise "\u" could be anything. */
  private isAccentArg(): boolean {
    const c = this.s[this.i];
    return c === '{' || c === ' ' || c === '\\';
  }

  private accent(name: string, mark: string): string {
    this.skipSpaces();
    const s = this.s;
    let base: string;
    if (s[this.i] === '{') {
      base = this.group() ?? '';
    } else if (s[this.i] === '\\') {
      base = this.command();
    } else {
      base = s[this.i] ?? '';
      this.i++;
    }
    if (base === 'ı') base = 'i';
    if (base === 'ȷ') base = 'j';
    if (base === '') return SPACING_ACCENTS[name] ?? '';
    const cp = base.codePointAt(0) as number;
    const head = String.fromCodePoint(cp);
    return (head + mark).normalize('NFC') + base.slice(head.length);
  }
}
