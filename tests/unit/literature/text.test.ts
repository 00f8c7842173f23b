// The pieces that turn exported text into stored text: TeX, HTML, names, DOIs, dates, pages.
import { describe, expect, it } from 'vitest';
import { parseDate } from '../../../shared/literature/dates.ts';
import { doiKey, findDoi, normaliseDoi } from '../../../shared/literature/doi.ts';
import { htmlToText } from '../../../shared/literature/html.ts';
import { parseBibtexName, parseName, parseNameList, splitBibtexNames } from '../../../shared/literature/names.ts';
import { languageName, normalisePages } from '../../../shared/literature/normalise.ts';
import { texToUnicode } from '../../../shared/literature/tex.ts';

describe('texToUnicode', () => {
  it.each([
    ['{\\"O}mer', 'Ömer'],
    ['\\"{O}mer', 'Ömer'],
    ["Fran\\c{c}ois and \\'{\\i}ndice", 'François and índice'],
    ['\\v{S}koda \\v Z \\u{g} \\H{o} \\k{a} \\r{a} \\={o} \\.{z} \\~n', 'Škoda Ž ğ ő ą å ō ż ñ'],
    ['{\\o}ster {\\AA}se {\\ss} \\ae{} \\L{}\\l', 'øster Åse ß æ Łł'],
    ['A \\& B, 50\\%, \\$5, \\#1, a\\_b, \\{x\\}', 'A & B, 50%, $5, #1, a_b, {x}'],
    ['\\textit{Homo} \\emph{sapiens} \\textbf{bold} \\textsc{Caps}', 'Homo sapiens bold Caps'],
    ['$\\beta$-blockers and $\\alpha_2$ and $^{13}$C', 'β-blockers and α2 and 13C'],
    ['``quoted\'\' text', '“quoted” text'],
    ["a lone '' stays", "a lone '' stays"],
    ['{Cocker} {Spaniel}', 'Cocker Spaniel'],
    ['\\url{http://x.org/a_b}', 'http://x.org/a_b'],
    ['\\href{http://x}{link text}', 'link text'],
    ['\\unknowncommand{kept}', '\\unknowncommand{kept}'],
    ['{\\textless}i{\\textgreater}', '<i>'],
    ["it{\\textquotesingle}s \\textminus{}5 {\\textdegree}C \\texttimes{} 2", "it's −5 °C × 2"],
    ['unbalanced {brace', 'unbalanced brace'],
  ])('%s → %s', (tex, text) => {
    expect(texToUnicode(tex)).toBe(text);
  });
  it('dashes only when asked', () => {
    expect(texToUnicode('1--2 and a---b', { dashes: true })).toBe('1–2 and a—b');
    expect(texToUnicode('1--2', { dashes: false })).toBe('1--2');
  });
});

describe('htmlToText', () => {
  it('strips tags, decodes entities, leaves comparisons alone', () => {
    expect(htmlToText('<p>Times&nbsp;Cited:<br/>12</p> &amp; <i>in vivo</i> &#233;&#x00E9; &quot;x&quot;')).toBe(' Times Cited: 12  & in vivo éé "x"');
    expect(htmlToText('P < .001, a <= b, x<5 and y >3')).toBe('P < .001, a <= b, x<5 and y >3');
    expect(htmlToText('&unknown; stays')).toBe('&unknown; stays');
    expect(htmlToText('20.17 &mgr;M')).toBe('20.17 μM');
  });
});

describe('names', () => {
  it.each([
    ['Liu R.', { family: 'Liu', given: 'R.' }],
    ['Neilen AD', { family: 'Neilen', given: 'AD' }],
    ['Pinto-Gouveia, Jose', { family: 'Pinto-Gouveia', given: 'Jose' }],
    ['van der Berg, Jan', { family: 'Berg', given: 'Jan', 'non-dropping-particle': 'van der' }],
    ['Van der Vekens, E', { family: 'Van der Vekens', given: 'E' }],
    ['King, Martin Luther, Jr.', { family: 'King', given: 'Martin Luther', suffix: 'Jr.' }],
    ['Cochrane Collaboration', { literal: 'Cochrane Collaboration' }],
    ['Ben Walton', { literal: 'Ben Walton' }],
    ['Smith,', { family: 'Smith' }],
    ['Dice, P. F. 2nd', { family: 'Dice', given: 'P. F.', suffix: '2nd' }],
  ])('parseName(%j)', (raw, name) => {
    expect(parseName(raw)).toEqual(name);
  });

  it('packed lines', () => {
    expect(parseNameList('Smith, J; Jones, K').map((n) => n.family)).toEqual(['Smith', 'Jones']);
    expect(parseNameList('Adeli K.Lewis G. F.').map((n) => n.family)).toEqual(['Adeli', 'Lewis']);
    expect(parseNameList('Smith, J., Jones, K., Brown, L.').map((n) => n.family)).toEqual(['Smith', 'Jones', 'Brown']);
    expect(parseNameList('Smith J and Jones K').map((n) => n.family)).toEqual(['Smith', 'Jones']);
    expect(parseNameList('Department of Health and Social Care')).toEqual([{ literal: 'Department of Health and Social Care' }]);
  });

  it('BibTeX names: all three forms, braces, particles, "and" inside braces, others', () => {
    const clean = (s: string): string => texToUnicode(s);
    expect(splitBibtexNames('A and {Barnes and Noble} AND C and others')).toEqual(['A', '{Barnes and Noble}', 'C']);
    expect(parseBibtexName('Ludwig van Beethoven', clean)).toEqual({ family: 'Beethoven', given: 'Ludwig', 'non-dropping-particle': 'van' });
    expect(parseBibtexName('van Beethoven, Ludwig', clean)).toEqual({ family: 'Beethoven', given: 'Ludwig', 'non-dropping-particle': 'van' });
    expect(parseBibtexName('Ford, Jr., Henry', clean)).toEqual({ family: 'Ford', given: 'Henry', suffix: 'Jr.' });
    expect(parseBibtexName('{Barnes and Noble}', clean)).toEqual({ literal: 'Barnes and Noble' });
    expect(parseBibtexName('J{\\"o}rg M{\\"u}ller', clean)).toEqual({ family: 'Müller', given: 'Jörg' });
  });
});

describe('DOI', () => {
  it.each([
    ['http://dx.doi.org/10.1002/cpp.2398', '10.1002/cpp.2398'],
    ['https://doi.org/10.1080%2F20964129.2020.1722034', '10.1080/20964129.2020.1722034'],
    ['doi: 10.1016/j.x.2017.04.075 [doi]', '10.1016/j.x.2017.04.075'],
    ['10.1000/ABC.', '10.1000/ABC'],
    ['Doi 10.3808/Jei.200500061', '10.3808/Jei.200500061'],
    ['not a doi', undefined],
    ['', undefined],
  ])('normaliseDoi(%j) → %j', (raw, doi) => {
    expect(normaliseDoi(raw)).toBe(doi);
  });
  it('matching key is lower case; DOIs are found inside links', () => {
    expect(doiKey('https://doi.org/10.1000/ABC')).toBe('10.1000/abc');
    expect(findDoi('http://sfx.x/?id=doi:10.4103%2F2303-9027.138783&atitle=x')).toBe('10.4103/2303-9027.138783');
  });
});

describe('dates and pages', () => {
  it.each([
    ['2018', { year: 2018 }],
    ['2018//', { year: 2018 }],
    ['1999/08//undefined', { year: 1999, month: 8 }],
    ['2012/07/03', { year: 2012, month: 7, day: 3 }],
    ['2017 Nov 15', { year: 2017, month: 11, day: 15 }],
    ['Mar 1', { month: 3, day: 1 }],
    ['SEP', { month: 9 }],
    ['15 March 2001', { year: 2001, month: 3, day: 15 }],
    ['Spring 2019', { year: 2019 }],
    ['0001', {}],
  ])('parseDate(%j)', (raw, parts) => {
    expect(parseDate(raw)).toEqual(parts);
  });
  it('pages', () => {
    expect(normalisePages('134', '137')).toBe('134-137');
    expect(normalisePages('134--137', undefined)).toBe('134-137');
    expect(normalisePages('405', '405')).toBe('405');
    expect(normalisePages('No', 'Specified')).toBeUndefined();
    expect(normalisePages('e24107', undefined)).toBe('e24107');
  });
});

describe('language', () => {
  it('lower-case ISO 639 codes become the English name; names and anything else stay as written', () => {
    expect(['eng', 'en', 'fre', 'ger', 'por', 'English', 'ENG', 'en-US', 'Klingon'].map(languageName)).toEqual([
      'English', 'English', 'French', 'German', 'Portuguese', 'English', 'ENG', 'en-US', 'Klingon',
    ]);
  });
});
