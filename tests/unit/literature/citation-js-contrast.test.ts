// The problems SOURCES.md lists for stock citation-js 0.8, run through both: stock citation-js (one new Cite()
// per text, forced type) gets each one wrong, our parser gets it right. This keeps the quirk tests honest: each
// input really is one that the stock library fails on.
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-bibtex';
import { describe, expect, it } from 'vitest';
import type { CslItem } from '../../../shared/csl.ts';
import { parseText } from '../../../shared/literature/parse/index.ts';
import type { InputFormat } from '../../../shared/literature/types.ts';

function stock(text: string, format: InputFormat): CslItem[] | Error {
  try {
    return new Cite(text, { forceType: format === 'ris' ? '@ris/file' : '@biblatex/text' }).data as CslItem[];
  } catch (e) {
    return e as Error;
  }
}
const ours = (text: string, format: InputFormat): CslItem[] => parseText(text, format).records.map((r) => r.item);
const ris = (...records: string[]): string => records.map((r) => `TY  - JOUR\n${r}\nER  - \n`).join('\n');

describe('stock citation-js fails where we do not', () => {
  it('repeated DO tag: stock throws for the whole file; we read both records', () => {
    const text = ris('TI  - First\nPY  - 2001\nDO  - http://dx.doi.org/10.1000/ABC\nDO  - http://dx.doi.org/10.1000/ABC', 'TI  - Second\nPY  - 2002');
    expect(stock(text, 'ris')).toBeInstanceOf(Error);
    expect(ours(text, 'ris').map((i) => [i.title, i.DOI])).toEqual([
      ['First', '10.1000/ABC'],
      ['Second', undefined],
    ]);
  });

  it('month-only DA: stock loses or garbles the year; we keep PY', () => {
    const text = ris('TI  - A\nDA  - Jun\nPY  - 2011', 'TI  - B\nPY  - 2018\nDA  - SEP', 'TI  - C\nDA  - Mar 16\nPY  - 2020');
    const s = stock(text, 'ris') as CslItem[];
    expect(s.map((i) => i.issued)).toEqual([{ raw: 'Jun' }, { raw: 'SEP' }, { 'date-parts': [[16, 3]] }]);
    expect(ours(text, 'ris').map((i) => i.issued?.['date-parts']?.[0]?.[0])).toEqual([2011, 2018, 2020]);
  });

  it('"Liu R." names and packed lines: stock makes literals or one garbled name; we split them', () => {
    const text = ris('TI  - A\nA1  - Liu R.\nA1  - Adler D.G.', 'TI  - B\nAU  - Smith, J.; Jones, K.');
    const s = stock(text, 'ris') as CslItem[];
    expect(s[0]?.author).toEqual([{ literal: 'Liu R.' }, { literal: 'Adler D.G.' }]);
    expect(s[1]?.author).toHaveLength(1);
    const o = ours(text, 'ris');
    expect(o[0]?.author).toEqual([{ family: 'Liu', given: 'R.' }, { family: 'Adler', given: 'D.G.' }]);
    expect(o[1]?.author?.map((a) => a.family)).toEqual(['Smith', 'Jones']);
  });

  it('HTML in titles: stock passes it through; we keep the CSL rich-text tags and decode the rest', () => {
    const text = ris('TI  - Effects of <i>Boswellia</i> on &quot;rats&quot;');
    expect((stock(text, 'ris') as CslItem[])[0]?.title).toBe('Effects of <i>Boswellia</i> on &quot;rats&quot;');
    expect(ours(text, 'ris')[0]?.title).toBe('Effects of <i>Boswellia</i> on "rats"');
  });

  it.each([
    ['EndNote entry without a key', '@article{\n  author = {Huang, Y.},\n  title = {T},\n  year = {2012}\n}', 'T'],
    ['Scopus field name with a space', '@ARTICLE{Li2020,\nauthor={Li, W.},\ntitle={Soil},\nyear={2020},\nfunding_text 1={x}\n}', 'Soil'],
    ['crossref to a later @book', '@inbook{child,\n author = {A B},\n crossref = {parent},\n title = {Lebanon}}\n\n@book{parent,\n editor = {C D},\n title = {Global},\n year = {2004}}', 'Lebanon'],
    ['an unclosed entry before a good one', '@article{bad, title = {Never closed\n\n@article{good, title = {Fine}, year = {2001}}', 'Fine'],
  ])('BibTeX, %s: stock throws for the whole file; we read it', (_name, text, title) => {
    expect(stock(text, 'bibtex')).toBeInstanceOf(Error);
    expect(ours(text, 'bibtex').map((i) => i.title)).toContain(title);
  });
});
