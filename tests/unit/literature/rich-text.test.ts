// Text fidelity (issue #13): case is data, formatting is kept as CSL rich text from TeX, HTML and EndNote styles,
// TeX dashes and glyphs are read, and what the reader does not know is kept as written and reported. Each class on
// small inputs written for it, then properties over generated ones.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CslItem } from '../../../shared/csl.ts';
import { dedupeKeys } from '../../../shared/literature/dedupe-keys.ts';
import { decodeEntities } from '../../../shared/literature/html.ts';
import { cleanText, finishItem, newDraft } from '../../../shared/literature/normalise.ts';
import { parseText } from '../../../shared/literature/parse/index.ts';
import { B, I, NOCASE, plainOf, richRuns, richToHtml, runsToRich, SC, SUB, SUP, truncateRich, type Run } from '../../../shared/literature/rich-text.ts';
import { texToUnicode } from '../../../shared/literature/tex.ts';
import { writeBibtex } from '../../../shared/literature/write/bibtex.ts';
import { writeRis } from '../../../shared/literature/write/ris.ts';
import { highlightRichHtml } from '../../../shared/screening/highlight.ts';

const RUNS = Number(process.env.FC_RUNS ?? 200);
const SMALL_CAPS = '<span style="font-variant:small-caps;">';
const NOCASE_SPAN = '<span class="nocase">';

/** A TeX text field as BibTeX's title is cleaned, with the warnings it raised. */
function tex(s: string): { text: string | undefined; warnings: string[] } {
  const warnings = new Set<string>();
  const text = cleanText(s, 'tex', { rich: true, prose: true, warnings });
  return { text, warnings: [...warnings] };
}
const html = (s: string): string | undefined => cleanText(s, 'plain', { rich: true, prose: true });
const bib = (fields: string): ReturnType<typeof parseText>['records'][number] => {
  const r = parseText(`@article{k,\n${fields}\n}`, 'bibtex');
  expect(r.failures).toEqual([]);
  return r.records[0] as ReturnType<typeof parseText>['records'][number];
};
const ris = (lines: string): CslItem => {
  const r = parseText(`TY  - JOUR\n${lines}\nER  - \n`, 'ris');
  return (r.records[0] as ReturnType<typeof parseText>['records'][number]).item;
};

describe('TeX formatting becomes CSL rich text', () => {
  it.each([
    ['\\textit{Homo sapiens} in Europe', '<i>Homo sapiens</i> in Europe'],
    ['\\emph{in vivo}', '<i>in vivo</i>'],
    ['{\\it Homo} sapiens', '<i>Homo</i> sapiens'],
    ['{\\em in vitro} and {\\itshape x}', '<i>in vitro</i> and <i>x</i>'],
    ['\\textbf{Bold} and {\\bf bold} and {\\bfseries b}', '<b>Bold</b> and <b>bold</b> and <b>b</b>'],
    ['\\textsc{Nasa} and {\\sc Esa}', `${SMALL_CAPS}Nasa</span> and ${SMALL_CAPS}Esa</span>`],
    ['CO\\textsubscript{2} per m\\textsuperscript{2}', 'CO<sub>2</sub> per m<sup>2</sup>'],
    ['m$^2$ and H$_2$O', 'm<sup>2</sup> and H<sub>2</sub>O'],
    ['$^{13}$C and 10$^{-5}$ and $\\alpha_2$', '<sup>13</sup>C and 10<sup>-5</sup> and α<sub>2</sub>'],
    ['$x^\\beta$', 'x<sup>β</sup>'],
    ['\\begin{it}Homo\\end{it} sapiens', '<i>Homo</i> sapiens'],
    ['\\begin{itshape}a\\end{itshape} \\begin{bfseries}b\\end{bfseries} \\begin{scshape}c\\end{scshape}', `<i>a</i> <b>b</b> ${SMALL_CAPS}c</span>`],
    ['\\textbf{a {\\it b} c}', '<b>a <i>b</i> c</b>'],
    ['\\textbf{\\textit{both}}', '<i><b>both</b></i>'],
    ['\\textit{Homo }sapiens', '<i>Homo</i> sapiens'],
    ['\\NoCaseChange{iPhone} use', `${NOCASE_SPAN}iPhone</span> use`],
    ['\\textit{}empty', 'empty'],
  ])('%s → %s', (input, rich) => {
    expect(tex(input)).toEqual({ text: rich, warnings: [] });
  });

  it('the plain form of the same TeX is its text alone', () => {
    expect(texToUnicode('{\\it Homo} sapiens, CO\\textsubscript{2}, $^{13}$C, \\begin{it}x\\end{it}')).toBe('Homo sapiens, CO2, 13C, x');
  });

  it('an environment name never leaks into the text; an unknown environment is reported', () => {
    expect(tex('\\begin{quote}Quoted\\end{quote} text')).toEqual({ text: 'Quoted text', warnings: [] });
    expect(tex('\\begin{weird}kept\\end{weird}')).toEqual({ text: 'kept', warnings: ['unknown TeX environment {weird}: its text kept, its name dropped'] });
    expect(texToUnicode('\\begin{it}x\\end{it} \\begin{center}y\\end{center}')).not.toMatch(/it|center/);
  });
});

describe('TeX dashes, glyphs and unknown commands', () => {
  it('"---" and "--" are em and en dashes in text fields; pages keep "--" as a range', () => {
    const r = bib('title = {Trends 1990--2000: a---b},\nabstract = {x -- y},\njournal = {A--B},\npages = {10--20},\nkeywords = {pre--post},\nyear = {2001}');
    expect(r.item).toMatchObject({ title: 'Trends 1990–2000: a—b', abstract: 'x – y', 'container-title': 'A–B', page: '10-20', keyword: 'pre–post' });
    // in a non-TeX format "--" was typed as two hyphens
    expect(ris('TI  - Trends 1990--2000\nPY  - 2001').title).toBe('Trends 1990--2000');
  });

  it.each([
    ['\\ElsevierGlyph{2014}', '—'],
    ['a\\ElsevierGlyph{2013}b', 'a–b'],
    ['\\char"2013 x', '–x'],
    ["\\char'101", 'A'],
    ['\\char65', 'A'],
    ['\\symbol{"00E9}t\\symbol{233}', 'été'],
    ['\\ding{51} done', '✓ done'],
    ['\\~{} and \\textasciitilde{} and \\^{}', '~ and ~ and ^'],
  ])('%s → %s', (input, text) => {
    expect(tex(input)).toEqual({ text, warnings: [] });
  });

  it('an unknown command is kept as written, with its arguments, and reported on the record', () => {
    const r = bib('title = {The \\foo{bar} effect of \\ElsevierGlyph{ZZ}},\nyear = {2001}');
    expect(r.item.title).toBe('The \\foo{bar} effect of \\ElsevierGlyph{ZZ}');
    expect(r.warnings).toEqual(expect.arrayContaining(['unknown TeX command \\foo kept as written', 'unknown TeX command \\ElsevierGlyph kept as written']));
    expect(tex('\\ding{999}').text).toBe('\\ding{999}');
    // TeX leaking into a plain format: an unknown command is kept there too, and "\n" is an escaped line break
    expect(cleanText('village,\\nAndhra \\alpha{} \\zzz', 'plain', { rich: true })).toBe('village, Andhra α \\zzz');
  });
});

describe('HTML inline tags become CSL rich text', () => {
  it('EPPI, Scopus and PubMed tags map to the subset; others are stripped, block tags a space', () => {
    expect(html('<em>Homo</em> and H<sub>2</sub>O, 10<sup>-5</sup>, K<inf>m</inf>, <strong>b</strong><br/>end')).toBe(
      '<i>Homo</i> and H<sub>2</sub>O, 10<sup>-5</sup>, K<sub>m</sub>, <b>b</b> end',
    );
    expect(html('<span style="font-variant: small-caps">Nasa</span> <span class="nocase">iPhone</span> <span class="x">plain</span>')).toBe(
      `${SMALL_CAPS}Nasa</span> ${NOCASE_SPAN}iPhone</span> plain`,
    );
    expect(html('<u>u</u><font face="x">f</font><a href="javascript:x">link</a><img src=x onerror=alert(1)>')).toBe('uflink');
    expect(html('<i>a<b>b</i>c</b>')).toBe('<i>a<b>b</b></i><b>c</b>');
    expect(html('<i>unclosed')).toBe('<i>unclosed</i>');
    // decoded text that spells a tag stays text: a zero-width space after its "<"
    expect(html('&lt;b&gt; is &quot;bold&quot; &amp; &mgr;M')).toBe('<\u200bb> is "bold" & μM');
    expect(richToHtml(html('&lt;b&gt;x') ?? '')).toBe('&lt;\u200bb&gt;x');
  });

  it('PubMed inline XML handed to finishItem keeps its tags in title and abstract, not in other fields', () => {
    const d = { ...newDraft('pmid:1', 'article-journal'), title: 'Effect of <i>in vivo</i> H<sub>2</sub>O<sub>2</sub>', abstract: 'K<sub>m</sub> = 7.8 x 10<sup>-5</sup>', keywords: ['<i>Homo</i>'], publisher: '<b>P</b>' };
    expect(finishItem(d, 'plain')).toMatchObject({ title: 'Effect of <i>in vivo</i> H<sub>2</sub>O<sub>2</sub>', abstract: 'K<sub>m</sub> = 7.8 x 10<sup>-5</sup>', keyword: 'Homo', publisher: 'P' });
  });

  it('a literal "<" in plain text never becomes markup', () => {
    expect(html('P < .001, a <= b, x<5 and y >3')).toBe('P < .001, a <= b, x<5 and y >3');
    expect(richToHtml('P < .001 & a<b, "q"')).toBe('P &lt; .001 &amp; a&lt;b, &quot;q&quot;');
    expect(richToHtml('<img src=x onerror=alert(1)> <i>ok</i>')).toBe('&lt;img src=x onerror=alert(1)&gt; <i>ok</i>');
    expect(richToHtml('<script>x</script><b onclick="y">z</b>')).toBe('&lt;script&gt;x&lt;/script&gt;&lt;b onclick=&quot;y&quot;&gt;z');
  });
});

describe('EndNote XML styles become CSL rich text', () => {
  const record = (title: string): ReturnType<typeof parseText>['records'][number] => {
    const r = parseText(`<?xml version="1.0"?><xml><records><record><contributors><authors><author><style face="normal" font="default" size="100%">Smith, J</style></author></authors></contributors><titles><title>${title}</title></titles><dates><year>2001</year></dates></record></records></xml>`, 'endnote-xml');
    expect(r.failures).toEqual([]);
    return r.records[0] as ReturnType<typeof parseText>['records'][number];
  };
  const style = (face: string, text: string): string => `<style face="${face}" font="default" size="100%">${text}</style>`;

  it('italic, bold, superscript and subscript faces; normal text joins without extra spaces', () => {
    const r = record(`${style('normal', 'Effect of ')}${style('italic', 'Homo sapiens')}${style('normal', ' on CO')}${style('subscript', '2')}${style('normal', ' and m')}${style('superscript', '2')}${style('bold italic', ' both')}`);
    expect(r.item.title).toBe('Effect of <i>Homo sapiens</i> on CO<sub>2</sub> and m<sup>2</sup> <i><b>both</b></i>');
    expect(r.item.author).toEqual([{ family: 'Smith', given: 'J' }]);
    expect(r.raw).toContain('<style face="italic"');
  });

  it('underline (no CSL mark) is plain; a style never closed or closed twice is forgiven', () => {
    expect(record(style('underline', 'Under')).item.title).toBe('Under');
    expect(record(`<style face="italic">open`).item.title).toBe('<i>open</i>');
    expect(record(`a</style>b`).item.title).toBe('ab');
  });
});

describe('case is data', () => {
  it('journal names and titles are stored as the source wrote them', () => {
    expect(ris('TI  - USE OF CRAFT MATERIAL\nT2  - FEMS YEAST RESEARCH\nPY  - 2001')).toMatchObject({ title: 'USE OF CRAFT MATERIAL', 'container-title': 'FEMS YEAST RESEARCH' });
    const wos = parseText('FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nTI A title\nSO JOURNAL OF APPLIED RESEARCH IN MEMORY AND COGNITION\nPY 2018\nER\nEF\n', 'wos');
    expect(wos.records[0]?.item['container-title']).toBe('JOURNAL OF APPLIED RESEARCH IN MEMORY AND COGNITION');
  });

  it('a title without markup is stored exactly as before', () => {
    expect(ris('TI  - Kinship care for children in need: a randomised trial\nPY  - 2019').title).toBe('Kinship care for children in need: a randomised trial');
    expect(bib('title = {{Cocker} {Spaniel} {\\"O}mer},\nyear = {2001}').item.title).toBe('Cocker Spaniel Ömer');
  });
});

describe('the plain form for search and dedupe, the rich one for the screen and the exports', () => {
  it('plainOf and the dedupe keys drop the tags; the same work with and without italics is one title', () => {
    expect(plainOf(`<i>Homo</i> sapiens ${SMALL_CAPS}Nasa</span> H<sub>2</sub>O`)).toBe('Homo sapiens Nasa H2O');
    expect(plainOf('P < .001')).toBe('P < .001');
    const a = dedupeKeys({ id: 'a', type: 'article', title: '<i>Homo</i> sapiens in Europe' });
    const b = dedupeKeys({ id: 'b', type: 'article', title: 'Homo sapiens in Europe' });
    expect(a.titleNorm).toBe('homo sapiens in europe');
    expect(a.titleKey).toBe(b.titleKey);
  });

  it('BibTeX writes the TeX commands, RIS the tags; both read back the same rich text', () => {
    const item: CslItem = { id: 'k', type: 'article-journal', title: `<i>Homo</i> and CO<sub>2</sub>, m<sup>2</sup>, ${SMALL_CAPS}Nasa</span>, <b>b</b>, ${NOCASE_SPAN}iPhone</span> 50% & P < .001`, abstract: 'K<sub>m</sub> -- 7', 'container-title': '<i>Nature</i>' };
    const bibtex = writeBibtex([item]);
    expect(bibtex).toContain('title = {{\\textit{Homo} and CO\\textsubscript{2}, m\\textsuperscript{2}, \\textsc{Nasa}, \\textbf{b}, \\NoCaseChange{iPhone} 50\\% \\& P < .001}}');
    expect(writeRis([item])).toContain(`TI  - ${item.title}`);
    for (const [text, format] of [[bibtex, 'bibtex'], [writeRis([item]), 'ris']] as const) {
      expect(parseText(text, format).records[0]?.item).toMatchObject({ title: item.title, abstract: item.abstract, 'container-title': item['container-title'] });
    }
  });

  it('highlighting marks terms inside the formatting, found in the plain text', () => {
    const out = highlightRichHtml('<i>Homo</i> sapiens and the children of P<0.05', ['homo sapiens', 'child*'], ['p']);
    const inc = '<mark class="term-include" title="inclusion term">';
    expect(out).toBe(`<i>${inc}Homo</mark></i>${inc} sapiens</mark> and the ${inc}children</mark> of <mark class="term-exclude" title="exclusion term">P</mark>&lt;0.05`);
    expect(highlightRichHtml('<b>x</b>', [], [])).toBe('<b>x</b>');
  });

  it('a long rich abstract is cut on its text, its formatting closed', () => {
    expect(truncateRich('ab<i>cdef</i>gh', 4)).toBe('ab<i>cd</i>…');
    expect(truncateRich('<i>short</i>', 10)).toBe('<i>short</i>');
  });
});

// ----- properties -----

const ALLOWED_TAG = /^(?:<\/?(?:i|b|sup|sub)>|<span style="font-variant:small-caps;">|<span class="nocase">|<\/span>)$/;
const STORED_TAG = /<\/?(?:i|b|sup|sub)>|<span style="font-variant:small-caps;">|<span class="nocase">|<\/span>/;

/** Every tag in an HTML string, checked against the allowed set and for nesting. */
function tagsOf(out: string): { tags: string[]; balanced: boolean } {
  const tags = out.match(/<[^>]*>?/g) ?? [];
  const stack: string[] = [];
  let balanced = true;
  for (const t of tags) {
    const name = /^<\/?([a-z]+)/.exec(t)?.[1] ?? '';
    if (t.startsWith('</')) {
      if (stack.pop() !== name) balanced = false;
    } else stack.push(name);
  }
  return { tags, balanced: balanced && stack.length === 0 };
}

const piece = fc.oneof(
  fc.constantFrom('<i>', '</i>', '<b>', '</b>', '<sup>', '</sup>', '<sub>', '</sub>', '<em>', '</em>', '<strong>', '<inf>', '</inf>', '<span style="font-variant:small-caps">', '<span class="nocase">', '<span>', '</span>', '<br/>', '<p>', '<img src=x onerror=alert(1)>', '<script>', '&lt;', '&amp;', '&gt;i&lt;', '<', '>', ' ', '  ', '"', "'", 'P < .001', 'a<b', '<i', 'b>'),
  fc.constantFrom('\\textit{', '\\textbf{', '{\\it ', '{\\bf ', '}', '{', '$^2$', '$_{2}$', '$', '^', '_', '\\begin{it}', '\\end{it}', '\\begin{x}', '\\end{x}', '\\foo', '\\ElsevierGlyph{2014}', '--', '---', '\\~{}', '\\', '``', "''"),
  fc.string({ maxLength: 6 }),
);
const messy = fc.array(piece, { maxLength: 25 }).map((p) => p.join(''));
const MARK_SETS = [0, I, B, SUP, SUB, SC, NOCASE, I | B, I | SUP, B | SC];
const runText = fc.string({ unit: fc.constantFrom(...'abcxyz éß0123 .,:;-–&%#_~^$()'.split('')), minLength: 1, maxLength: 8 });
const runsArb = fc.array(fc.record({ text: runText, marks: fc.constantFrom(...MARK_SETS) }), { minLength: 1, maxLength: 6 });
/** A value in the stored form: canonical rich text, single-spaced, trimmed, not empty. */
const stored = runsArb.map((runs: Run[]) => runsToRich(runs.map((r) => ({ ...r, text: r.text.replace(/\s+/g, ' ') }))).replace(/\s+/g, ' ').trim()).filter((s) => plainOf(s).trim().length > 0);

describe('properties', () => {
  it('whatever the source markup, a stored value is canonical rich text whose plain form holds no tag', () => {
    fc.assert(
      fc.property(messy, fc.constantFrom('tex' as const, 'plain' as const), (s, markup) => {
        const v = cleanText(s, markup, { rich: true, prose: true });
        if (v === undefined) return;
        expect(plainOf(v)).not.toMatch(STORED_TAG);
        expect(runsToRich(richRuns(v))).toBe(v);
        const { tags, balanced } = tagsOf(richToHtml(v));
        expect(balanced).toBe(true);
        for (const t of tags) expect(t).toMatch(ALLOWED_TAG);
      }),
      { numRuns: RUNS },
    );
  });

  it('richToHtml of any string writes only allowed tags, well nested, and keeps every character of the text', () => {
    fc.assert(
      fc.property(fc.oneof(messy, fc.string()), (s) => {
        const out = richToHtml(s);
        const { tags, balanced } = tagsOf(out);
        expect(balanced).toBe(true);
        for (const t of tags) expect(t).toMatch(ALLOWED_TAG);
        expect(decodeEntities(out.replace(/<[^>]*>/g, ''))).toBe(plainOf(s).replace(/<\/span>/g, ''));
      }),
      { numRuns: RUNS },
    );
  });

  it('without formatting commands, the rich path gives the plain path\'s text', () => {
    const noTex = fc.array(fc.oneof(piece, fc.string({ maxLength: 5 })), { maxLength: 20 }).map((p) => p.join('').replace(/[\\$]/g, ''));
    fc.assert(
      fc.property(noTex, (s) => {
        // (text that spells a tag gets a zero-width space after its "<" in the stored form)
        expect(plainOf(cleanText(s, 'plain', { rich: true }) ?? '').replace(/\u200b/g, '')).toBe(cleanText(s, 'plain') ?? '');
      }),
      { numRuns: RUNS },
    );
  });

  it('stored rich titles, container titles and abstracts survive the BibTeX and RIS writers and the importer', () => {
    fc.assert(
      fc.property(stored, stored, stored, (title, container, abstract) => {
        const item: CslItem = { id: 'k', type: 'article-journal', title, 'container-title': container, abstract };
        for (const [text, format] of [[writeBibtex([item]), 'bibtex'], [writeRis([item]), 'ris']] as const) {
          const got = parseText(text, format).records[0]?.item;
          expect({ title: got?.title, container: got?.['container-title'], abstract: got?.abstract }).toEqual({ title, container, abstract });
        }
      }),
      { numRuns: RUNS },
    );
  });
});
