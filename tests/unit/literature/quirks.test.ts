// Each problem SOURCES.md lists for stock citation-js 0.8, on crafted input that reproduces it (the real files are
// covered in samples.test.ts and the corpus test), plus the BibTeX, MEDLINE, WoS, EndNote XML and CSV dialects.
import { describe, expect, it } from 'vitest';
import { detectFormat, parseText } from '../../../shared/literature/parse/index.ts';

const ris = (...records: string[]): string => records.map((r) => `TY  - JOUR\n${r}\nER  - \n`).join('\n');

describe('RIS problems from SOURCES.md', () => {
  it('a repeated DO tag (Ovid, WoS book chapters) is read, not fatal, and other records survive', () => {
    const text = ris(
      'TI  - First\nAU  - Smith, J\nPY  - 2001\nDO  - http://dx.doi.org/10.1000/ABC\nDO  - http://dx.doi.org/10.1000/ABC',
      'TI  - Second\nAU  - Jones, K\nPY  - 2002',
    );
    const r = parseText(text);
    expect(r.failures).toEqual([]);
    expect(r.records.map((x) => x.item.DOI)).toEqual(['10.1000/ABC', undefined]);
  });

  it('a month-only DA ("Jun", "SEP", "Mar 16") never replaces the year from PY', () => {
    const text = ris('TI  - A\nDA  - Jun\nPY  - 2011', 'TI  - B\nPY  - 2018\nDA  - SEP', 'TI  - C\nDA  - Mar 16\nPY  - 2020');
    const r = parseText(text);
    expect(r.records.map((x) => x.item.issued)).toEqual([
      { 'date-parts': [[2011, 6]] },
      { 'date-parts': [[2018, 9]] },
      { 'date-parts': [[2020, 3, 16]] },
    ]);
    expect(r.records[0]?.warnings.join()).toMatch(/DA has no year/);
  });

  it('Ovid "Y1 - 2018//" and Zotero "DA - 1999/08//undefined" give the year', () => {
    const r = parseText(ris('TI  - A\nY1  - 2018//', 'TI  - B\nDA  - 1999/08//undefined\nPY  - 1999'));
    expect(r.records.map((x) => x.item.issued)).toEqual([{ 'date-parts': [[2018]] }, { 'date-parts': [[1999, 8]] }]);
  });

  it('"Liu R." style names and packed author lines are split into family and given names', () => {
    const r = parseText(
      ris('TI  - A\nA1  - Liu R.\nA1  - Adler D.G.', 'TI  - B\nAU  - Smith, J.; Jones, K.', 'TI  - C\nAU  - Adeli K., Lewis G. F.'),
    );
    expect(r.records.map((x) => x.item.author)).toEqual([
      [{ family: 'Liu', given: 'R.' }, { family: 'Adler', given: 'D.G.' }],
      [{ family: 'Smith', given: 'J.' }, { family: 'Jones', given: 'K.' }],
      [{ family: 'Adeli', given: 'K.' }, { family: 'Lewis', given: 'G. F.' }],
    ]);
  });

  it('particles and organisations', () => {
    const r = parseText(ris('TI  - A\nAU  - van der Berg, Jan\nAU  - de Vicente, F\nAU  - World Health Organization'));
    expect(r.records[0]?.item.author).toEqual([
      { family: 'Berg', given: 'Jan', 'non-dropping-particle': 'van der' },
      { family: 'Vicente', given: 'F', 'non-dropping-particle': 'de' },
      { literal: 'World Health Organization' },
    ]);
  });

  it('HTML and TeX markup in titles (EPPI exports): formatting kept as CSL rich text, the rest read as text', () => {
    const r = parseText(
      ris(
        'TI  - Effects of <i>Boswellia</i> on &quot;rats&quot;<br />in vivo',
        "TI  - The ``so-called{''} effect of {\\\"O}mer's \\& Co",
        'TI  - P < .001 and a <= b stay',
      ),
    );
    expect(r.records.map((x) => x.item.title)).toEqual([
      'Effects of <i>Boswellia</i> on "rats" in vivo',
      "The “so-called” effect of Ömer's & Co",
      'P < .001 and a <= b stay',
    ]);
  });

  it('a record without a closing ER, CRLF line ends, a BOM and lines outside records', () => {
    const text = '\uFEFF1.\r\nTY  - JOUR\r\nTI  - One\r\nPY  - 2001\r\nTY  - JOUR\r\nTI  - Two\r\nPY  - 2002\r\nER  -\r\n\r\nLink to the Ovid Full Text\r\n';
    const r = parseText(text);
    expect(r.format).toBe('ris');
    expect(r.records.map((x) => [x.recordNumber, x.item.title])).toEqual([
      [1, 'One'],
      [2, 'Two'],
    ]);
    expect(r.records[0]?.warnings).toContain('record has no ER line');
    expect(r.records[1]?.raw).toBe('TY  - JOUR\r\nTI  - Two\r\nPY  - 2002\r\nER  -');
  });

  it('a record with nothing usable fails alone, with its number and a reason', () => {
    const r = parseText(ris('TI  - Good one\nPY  - 2001', 'XX  - nothing here', 'TI  - Good two'));
    expect(r.records.map((x) => x.recordNumber)).toEqual([1, 3]);
    expect(r.failures).toEqual([expect.objectContaining({ recordNumber: 2, reason: expect.stringMatching(/no title/) })]);
  });
});

describe('BibTeX dialects', () => {
  it('EndNote key-less entries, Scopus field names with spaces, upper-case @ARTICLE', () => {
    const text = [
      '\t@article{\n\t  author = {Huang, Y. and Mucke, L.},\n\t  title = {Alzheimer mechanisms},\n\t  journal = {Cell},\n\t  pages = {1204-22},\n\t  note = {line one\n\tline two},\n\t  year = {2012}\n\t}',
      '@ARTICLE{Li2020,\nauthor={Li, W. and Dou, Z.},\ntitle={Soil fauna},\nyear={2020},\nfunding_text 1={We thank {X}.},\ndoi={10.1080/20964129.2020.1722034},\nauthor_keywords={reed;  soil fauna}\n}',
    ].join('\n\n');
    const r = parseText(text);
    expect(r.format).toBe('bibtex');
    expect(r.failures).toEqual([]);
    const [a, b] = r.records;
    expect(a?.item).toMatchObject({ title: 'Alzheimer mechanisms', 'container-title': 'Cell', page: '1204-22', issued: { 'date-parts': [[2012]] } });
    expect(a?.item.author).toEqual([{ family: 'Huang', given: 'Y.' }, { family: 'Mucke', given: 'L.' }]);
    expect(a?.item['citation-key']).toBeUndefined();
    expect(b?.item).toMatchObject({ title: 'Soil fauna', DOI: '10.1080/20964129.2020.1722034', keyword: 'reed; soil fauna', 'citation-key': 'Li2020' });
  });

  it('crossref: an @inbook before its @book inherits booktitle, editor, publisher and year', () => {
    const text = `@inbook{child,
    author = {Hashem El-Husseini and Stefan Toepler},
    crossref = {parent},
    pages = {227--32},
    title = {Lebanon}}

@book{parent,
    address = {Bloomfield, CT},
    editor = {Lester M. Salamon and S. Wojciech Sokolowski},
    publisher = {Kumarian Press},
    title = {Global Civil Society},
    year = {2004}}`;
    const r = parseText(text);
    expect(r.failures).toEqual([]);
    expect(r.records.map((x) => x.recordNumber)).toEqual([1, 2]);
    const child = r.records[0]?.item;
    expect(child).toMatchObject({
      type: 'chapter',
      title: 'Lebanon',
      'container-title': 'Global Civil Society',
      publisher: 'Kumarian Press',
      'publisher-place': 'Bloomfield, CT',
      page: '227-32',
      issued: { 'date-parts': [[2004]] },
    });
    expect(child?.author).toEqual([
      { family: 'El-Husseini', given: 'Hashem' },
      { family: 'Toepler', given: 'Stefan' },
    ]);
    expect(child?.editor?.[1]).toEqual({ family: 'Sokolowski', given: 'S. Wojciech' });
  });

  it('@string macros, # concatenation, month macros, TeX accents and commands', () => {
    const text = `@string{jnl = "Journal of " # {Tests}}
@article{k1, title = {{\\"O}mer and {\\'E}lodie on \\textit{$\\beta$-blockers} {\\&} 50\\% of {DNA}},
  author = {G{\\"u}nther, J{\\"o}rg and {\\O}stergaard, S{\\o}ren and {World Health Organization} and van der Waals, J. D.},
  journal = jnl, year = 1999, month = aug, pages = {1--10}}`;
    const r = parseText(text);
    const item = r.records[0]?.item;
    expect(r.records[0]?.recordNumber).toBe(2);
    expect(item?.title).toBe('Ömer and Élodie on <i>β-blockers</i> & 50% of DNA');
    expect(item?.['container-title']).toBe('Journal of Tests');
    expect(item?.issued).toEqual({ 'date-parts': [[1999, 8]] });
    expect(item?.page).toBe('1-10');
    expect(item?.author).toEqual([
      { family: 'Günther', given: 'Jörg' },
      { family: 'Østergaard', given: 'Søren' },
      { literal: 'World Health Organization' },
      { family: 'Waals', given: 'J. D.', 'non-dropping-particle': 'van der' },
    ]);
  });

  it('an unbalanced entry fails alone and does not swallow the next one', () => {
    const text = '@article{bad, title = {Never closed\n\n@article{good, title = {Fine}, year = {2001}}\n@misc{x, title = "q}';
    const r = parseText(text);
    expect(r.records.map((x) => [x.recordNumber, x.item.title])).toEqual([[2, 'Fine']]);
    expect(r.failures.map((f) => f.recordNumber)).toEqual([1, 3]);
    expect(r.failures[0]?.reason).toMatch(/not closed|unbalanced/);
  });
});

describe('PubMed MEDLINE / nbib', () => {
  const text = `PMID- 28441597
OWN - NLM
VI  - 598
DP  - 2017 Nov 15
TI  - Differences in nitrate and phosphorus export between wooded and grassed riparian
      zones from farmland.
PG  - 188-197
LID - S0048-9697(17)30912-9 [pii]
LID - 10.1016/j.scitotenv.2017.04.075 [doi]
AB  - Agricultural activities in catchments can cause excessive nutrient loads in
      waterways.
FAU - Neilen, Amanda D
AU  - Neilen AD
FAU - Chen, Chengrong R
AU  - Chen CR
LA  - eng
PT  - Journal Article
TA  - Sci Total Environ
JT  - The Science of the total environment
OT  - Riparian zone

PMID- 2
TI  - Second
DP  - 2019
`;
  it('is detected and read: FAU preferred to AU, [doi] LID, continuation lines', () => {
    expect(detectFormat(text, 'pubmed.txt')).toBe('medline');
    const r = parseText(text);
    expect(r.records).toHaveLength(2);
    const item = r.records[0]?.item;
    expect(item?.title).toBe('Differences in nitrate and phosphorus export between wooded and grassed riparian zones from farmland.');
    expect(item?.author).toEqual([
      { family: 'Neilen', given: 'Amanda D' },
      { family: 'Chen', given: 'Chengrong R' },
    ]);
    expect(item?.DOI).toBe('10.1016/j.scitotenv.2017.04.075');
    expect(item?.issued).toEqual({ 'date-parts': [[2017, 11, 15]] });
    expect(item?.['container-title']).toBe('The Science of the total environment');
    expect(item?.abstract).toBe('Agricultural activities in catchments can cause excessive nutrient loads in waterways.');
    expect(item?.page).toBe('188-197');
  });
});

describe('Web of Science plain text', () => {
  const text = `FN Clarivate Analytics Web of Science
VR 1.0
PT J
AU Alceste, F
   Luke, TJ
AF Alceste, Fabiana
   Luke, Timothy J.
TI Holding Yourself Captive: Perceptions of Custody
   During Interviews
SO JOURNAL OF APPLIED RESEARCH IN MEMORY AND COGNITION
LA English
DT Article
DE Police custody; Interview
PD SEP
PY 2018
VL 7
IS 3
BP 387
EP 397
DI 10.1016/j.jarmac.2018.03.001
UT WOS:000445000000008
ER

EF
`;
  it('is detected and read: AF full names, continuation lines, PD month with PY', () => {
    expect(detectFormat(text)).toBe('wos');
    const r = parseText(text);
    expect(r.records).toHaveLength(1);
    expect(r.records[0]?.item).toMatchObject({
      title: 'Holding Yourself Captive: Perceptions of Custody During Interviews',
      author: [
        { family: 'Alceste', given: 'Fabiana' },
        { family: 'Luke', given: 'Timothy J.' },
      ],
      'container-title': 'JOURNAL OF APPLIED RESEARCH IN MEMORY AND COGNITION', // case is data: stored as WoS wrote it
      issued: { 'date-parts': [[2018, 9]] },
      page: '387-397',
      DOI: '10.1016/j.jarmac.2018.03.001',
      keyword: 'Police custody; Interview',
      id: 'WOS:000445000000008',
    });
  });
});

describe('EndNote XML', () => {
  const text = `<?xml version="1.0" encoding="UTF-8"?>
<xml><records><record><source-app name="Zotero">Zotero</source-app><ref-type name="Journal Article">17</ref-type><contributors><authors><author>Rotter, Carina</author><author><style face="normal">Whittaker, Danielle</style></author></authors></contributors><titles><title>Myoclonus in &lt;i&gt;older&lt;/i&gt; Spaniels &amp; dogs.</title><secondary-title>Journal of veterinary internal medicine</secondary-title></titles><pages>1032-1038</pages><volume>36</volume><number>3</number><keywords><keyword>*Dog Diseases</keyword><keyword>Animals</keyword></keywords><dates><year>2022</year><pub-dates><date>2022 May</date></pub-dates></dates><isbn>1939-1676 0891-6640</isbn><electronic-resource-num>10.1111/jvim.16404</electronic-resource-num><language>eng</language></record><record><titles><title>Broken</titles></record><record><ref-type name="Book">6</ref-type><titles><title>A book</title></titles><dates><year>1999</year></dates></record></records></xml>`;
  it('each record alone: a malformed one fails, its neighbours import', () => {
    expect(detectFormat(text, 'x.xml')).toBe('endnote-xml');
    const r = parseText(text);
    expect(r.records.map((x) => x.recordNumber)).toEqual([1, 3]);
    expect(r.failures.map((f) => f.recordNumber)).toEqual([2]);
    expect(r.records[0]?.item).toMatchObject({
      title: 'Myoclonus in <i>older</i> Spaniels & dogs.',
      author: [
        { family: 'Rotter', given: 'Carina' },
        { family: 'Whittaker', given: 'Danielle' },
      ],
      issued: { 'date-parts': [[2022, 5]] },
      'container-title': 'Journal of veterinary internal medicine',
      page: '1032-1038',
      issue: '3',
      DOI: '10.1111/jvim.16404',
      ISSN: '1939-1676, 0891-6640',
      keyword: '*Dog Diseases; Animals',
    });
    expect(r.records[1]?.item).toMatchObject({ type: 'book', title: 'A book', issued: { 'date-parts': [[1999]] } });
  });
});

describe('CSV', () => {
  it('ASySD-style columns, quoted multi-line fields, glued author lists, NA cells', () => {
    const text =
      '"author","title","year","journal","abstract","doi","number","pages","volume","isbn","record_id"\r\n' +
      '"Adeli K.Lewis G. F.","Intestinal lipoprotein, overproduction",2008,"Curr Opin Lipidol","Line one\r\nline ""two""","10.1097/MOL.0b013e3282ffaf82","3","237-45","19","0957-9672","7"\n' +
      'NA,"Second",NA,NA,NA,NA,NA,NA,NA,NA,8\n';
    expect(detectFormat(text, 'x.csv')).toBe('csv');
    const r = parseText(text);
    expect(r.records).toHaveLength(2);
    expect(r.records[0]?.item).toMatchObject({
      id: '7',
      title: 'Intestinal lipoprotein, overproduction',
      author: [
        { family: 'Adeli', given: 'K.' },
        { family: 'Lewis', given: 'G. F.' },
      ],
      issued: { 'date-parts': [[2008]] },
      'container-title': 'Curr Opin Lipidol',
      abstract: 'Line one line "two"',
      DOI: '10.1097/MOL.0b013e3282ffaf82',
      issue: '3',
      page: '237-45',
      volume: '19',
      ISSN: '0957-9672',
    });
    expect(r.records[1]?.item).toEqual({ id: '8', type: 'article', title: 'Second' });
  });

  it('Scopus-style headers with semicolon-separated authors', () => {
    const text = 'Authors,Title,Year,Source title,Volume,Page start,Page end,DOI,Document Type\n"Li W.; Dou Z.",Soil fauna,2020,Ecosystem Health,6,1,12,10.1/x,Article\n';
    const item = parseText(text).records[0]?.item;
    expect(item).toMatchObject({ type: 'article-journal', page: '1-12', 'container-title': 'Ecosystem Health' });
    expect(item?.author).toEqual([
      { family: 'Li', given: 'W.' },
      { family: 'Dou', given: 'Z.' },
    ]);
  });
});

describe('Web of Science tab-delimited export', () => {
  it('is read as CSV with its two-letter column names, full names preferred', () => {
    // empty BA and BE cells, as WoS writes them, before a quoted cell
    const text = 'PT\tAU\tBA\tBE\tAF\tTI\tSO\tPY\tVL\tBP\tEP\tDI\tUT\n' + 'J\tVu, HD; Wieski, K\t\t\t"Vu, Hai Dang; Wieski, Kazimierz"\tEcosystem engineers\tECOLOGY\t2017\t98\t162\t174\t10.1002/ecy.1628\tWOS:000391862900014\n';
    expect(detectFormat(text, 'savedrecs.txt')).toBe('csv');
    expect(parseText(text).records[0]?.item).toEqual({
      id: 'WOS:000391862900014',
      type: 'article-journal',
      title: 'Ecosystem engineers',
      author: [
        { family: 'Vu', given: 'Hai Dang' },
        { family: 'Wieski', given: 'Kazimierz' },
      ],
      issued: { 'date-parts': [[2017]] },
      'container-title': 'ECOLOGY',
      volume: '98',
      page: '162-174',
      DOI: '10.1002/ecy.1628',
    });
  });
});

describe('detectFormat', () => {
  it.each([
    ['TY  - JOUR\nER  - ', undefined, 'ris'],
    ['\n\n@article{x, title={a}}', undefined, 'bibtex'],
    ['[{"id": "a", "type": "book"}]', undefined, 'csl-json'],
    ['{"id": "a", "type": "book", "title": "x"}', undefined, 'csl-json'],
    ['Title,Authors,Year\n', undefined, 'csv'],
    ['some notes', 'refs.ris', 'ris'],
    ['some notes', 'refs.txt', undefined],
    // an email address in a RIS file is not a BibTeX entry
    ['TY  - JOUR\nAD  - x@y.org\nER  - ', undefined, 'ris'],
  ] as const)('%j (%s) → %s', (head, name, expected) => {
    expect(detectFormat(head, name)).toBe(expected);
  });
});
