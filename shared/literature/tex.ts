// BibTeX values are TeX: accents, escapes, commands, math and case-protecting braces. Stored text is plain Unicode,
// so "{\"O}mer" becomes "Ömer" and "{Cocker} {Spaniel}" becomes "Cocker Spaniel".

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

// Commands whose argument is the text to keep (formatting, case protection, boxes).
const KEEP_ARG = new Set([
  'textit', 'textbf', 'emph', 'textsc', 'textrm', 'textsf', 'texttt', 'textup', 'textmd', 'textsl', 'textnormal',
  'mathrm', 'mathit', 'mathbf', 'mathsf', 'mathtt', 'mathcal', 'mathbb', 'mbox', 'hbox', 'text', 'textsuperscript',
  'textsubscript', 'NoCaseChange', 'nocase', 'MakeUppercase', 'MakeLowercase', 'uppercase', 'lowercase', 'enquote',
  'url', 'bf', 'it', 'em', 'sc', 'rm', 'sf', 'tt', 'small', 'large', 'ensuremath', 'operatorname', 'boldsymbol',
]);

const NEEDS_WORK = /[\\{}$~`]|--|''/;
const PLAIN = /[\\{}$~`'\-^_]/g;

export interface TexOptions {
  /** "--" and "---" as en and em dashes (BibTeX); off for formats where TeX only leaks in by accident */
  dashes?: boolean;
}

/** TeX to plain Unicode text; never throws, unbalanced braces are simply dropped. */
export function texToUnicode(s: string, opts: TexOptions = {}): string {
  if (!NEEDS_WORK.test(s)) return s;
  // Accents are composed where they are read, so the (long) result needs no whole-string NFC pass.
  return new TexReader(s, opts.dashes ?? true).run();
}

/** True when text from a non-TeX format carries TeX markup that should be converted. */
export function looksLikeTex(s: string): boolean {
  // "$5 … $6" in an abstract is money, not math: only backslash commands and TeX quotes count.
  return /\\[a-zA-Z"'`^~=.&%$#_{}]|``|\{''\}/.test(s);
}

class TexReader {
  private i = 0;
  private math = false;
  private openQuote = false;
  constructor(
    private readonly s: string,
    private readonly dashes: boolean,
  ) {}

  run(end = this.s.length): string {
    let out = '';
    const s = this.s;
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
      } else if (ch === '{' || ch === '}') {
        this.i++;
      } else if (ch === '$') {
        this.math = !this.math;
        this.i++;
      } else if (ch === '~') {
        out += ' ';
        this.i++;
      } else if ((ch === '^' || ch === '_') && this.math) {
        this.i++;
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
    return out;
  }

  /** Reads "{...}" at the cursor (balanced) and returns its converted content, or "" when there is no group. */
  private group(): string | undefined {
    const s = this.s;
    if (s[this.i] !== '{') return undefined;
    let depth = 0;
    let j = this.i;
    for (; j < s.length; j++) {
      const c = s[j];
      if (c === '\\') {
        j++;
        continue;
      }
      if (c === '{') depth++;
      else if (c === '}' && --depth === 0) break;
    }
    const start = this.i + 1;
    const stop = Math.min(j, s.length);
    this.i = start;
    const inner = this.run(stop);
    this.i = stop + 1;
    return inner;
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

  private command(): string {
    const s = this.s;
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
    const accent = ACCENTS[name];
    if (accent !== undefined && (name.length === 1 && !/[a-zA-Z]/.test(name) ? true : this.isAccentArg())) {
      return this.accent(accent);
    }
    if (name === 'url') return this.rawGroup() ?? '';
    if (name === 'href') {
      this.rawGroup();
      return this.group() ?? '';
    }
    const sym = SYMBOLS[name];
    if (sym !== undefined) {
      if (/[a-zA-Z]/.test(name[0] as string)) {
        // "\o{}" and "\ss " end the command; the space or empty group is not text.
        if (s[this.i] === '{' && s[this.i + 1] === '}') this.i += 2;
        else if (s[this.i] === ' ') this.i++;
      }
      return sym;
    }
    if (/[a-zA-Z]/.test(name[0] as string)) {
      this.skipSpaces();
      if (KEEP_ARG.has(name)) return this.group() ?? '';
    }
    // Unknown command: drop its name, keep whatever text follows.
    return '';
  }

  /** Letter accents (\c, \v, \u …) only count when an argument follows; otherwise "\u" could be anything. */
  private isAccentArg(): boolean {
    const c = this.s[this.i];
    return c === '{' || c === ' ' || c === '\\';
  }

  private accent(mark: string): string {
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
    if (base === '') return '';
    const cp = base.codePointAt(0) as number;
    const head = String.fromCodePoint(cp);
    return (head + mark).normalize('NFC') + base.slice(head.length);
  }
}
