// PubMed XML (<PubmedArticleSet>): field mapping on small records written for these tests, the same CSL as the MEDLINE
// export of the same article, cut-off and broken records reported, any chunking giving the same records, and every
// <PubmedArticle>/<PubmedBookArticle> marker in a file coming out as a record or a failure.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { streamParse } from './support.ts';
import { createSplitter, detectFormat, parseText } from '../../../shared/literature/parse/index.ts';
import type { ParsedRecord } from '../../../shared/literature/types.ts';

const RUNS = Number(process.env.FC_RUNS ?? 100);

const HEAD = '<?xml version="1.0" ?>\n<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2024//EN" "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_240101.dtd">\n';
const set = (...records: string[]): string => `${HEAD}<PubmedArticleSet>\n${records.join('\n')}\n</PubmedArticleSet>\n`;

/** A journal article; `article` is the inside of <Article> after the journal. */
function article(pmid: number, o: { article?: string; pubDate?: string; citation?: string; data?: string } = {}): string {
  return `<PubmedArticle>
  <MedlineCitation Status="MEDLINE" Owner="NLM">
    <PMID Version="1">${pmid}</PMID>
    <Article PubModel="Print">
      <Journal>
        <JournalIssue CitedMedium="Print"><Volume>7</Volume><PubDate>${o.pubDate ?? '<Year>2019</Year>'}</PubDate></JournalIssue>
        <Title>Child Abuse Review</Title>
      </Journal>
      ${o.article ?? `<ArticleTitle>Article ${pmid}</ArticleTitle>`}
    </Article>
    ${o.citation ?? ''}
  </MedlineCitation>
  <PubmedData>${o.data ?? ''}</PubmedData>
</PubmedArticle>`;
}

const FULL = `<PubmedArticle>
  <MedlineCitation Status="MEDLINE" Owner="NLM" IndexingMethod="Manual">
    <PMID Version="1">31000001</PMID>
    <DateCompleted><Year>2020</Year><Month>06</Month><Day>01</Day></DateCompleted>
    <Article PubModel="Print-Electronic">
      <Journal>
        <ISSN IssnType="Electronic">1873-7854</ISSN>
        <JournalIssue CitedMedium="Internet">
          <Volume>12</Volume>
          <Issue>3</Issue>
          <PubDate><Year>2020</Year><Month>Mar</Month><Day>05</Day></PubDate>
        </JournalIssue>
        <Title>Journal of Family &amp; Social Work</Title>
        <ISOAbbreviation>J Fam Soc Work</ISOAbbreviation>
      </Journal>
      <ArticleTitle>Family group conferences in children's social care: a realist review.</ArticleTitle>
      <Pagination><StartPage>100</StartPage><EndPage>110</EndPage><MedlinePgn>100-10</MedlinePgn></Pagination>
      <ELocationID EIdType="pii" ValidYN="Y">S0000-0000(20)00001-1</ELocationID>
      <ELocationID EIdType="doi" ValidYN="Y">10.1000/jfsw.2020.001</ELocationID>
      <Abstract>
        <AbstractText Label="BACKGROUND" NlmCategory="BACKGROUND">Family group conferences (FGCs) are widely used.</AbstractText>
        <AbstractText Label="METHODS" NlmCategory="METHODS">We reviewed 40 studies.</AbstractText>
        <AbstractText Label="RESULTS" NlmCategory="RESULTS">Families valued FGCs &amp; outcomes varied.</AbstractText>
        <CopyrightInformation>Copyright © 2020 Elsevier Ltd.</CopyrightInformation>
      </Abstract>
      <AuthorList CompleteYN="Y">
        <Author ValidYN="Y"><LastName>van der Berg</LastName><ForeName>Jan Pieter</ForeName><Initials>JP</Initials><Suffix>Jr</Suffix><AffiliationInfo><Affiliation>Leiden University, Leiden, Netherlands.</Affiliation></AffiliationInfo></Author>
        <Author ValidYN="Y"><LastName>Müller</LastName><ForeName>Anna</ForeName><Initials>A</Initials></Author>
        <Author ValidYN="Y"><CollectiveName>FGC Research Network</CollectiveName></Author>
      </AuthorList>
      <Language>eng</Language>
      <PublicationTypeList>
        <PublicationType UI="D016428">Journal Article</PublicationType>
        <PublicationType UI="D016454">Review</PublicationType>
      </PublicationTypeList>
      <ArticleDate DateType="Electronic"><Year>2020</Year><Month>02</Month><Day>01</Day></ArticleDate>
    </Article>
    <MedlineJournalInfo><Country>England</Country><MedlineTA>J Fam Soc Work</MedlineTA><NlmUniqueID>0000001</NlmUniqueID><ISSNLinking>1477-8920</ISSNLinking></MedlineJournalInfo>
    <MeshHeadingList>
      <MeshHeading><DescriptorName UI="D006801" MajorTopicYN="N">Humans</DescriptorName></MeshHeading>
      <MeshHeading><DescriptorName UI="D000001" MajorTopicYN="N">Social Work</DescriptorName><QualifierName UI="Q1" MajorTopicYN="Y">methods</QualifierName><QualifierName UI="Q2" MajorTopicYN="N">standards</QualifierName></MeshHeading>
    </MeshHeadingList>
    <KeywordList Owner="NOTNLM"><Keyword MajorTopicYN="N">family group conference</Keyword><Keyword MajorTopicYN="N">child protection</Keyword></KeywordList>
  </MedlineCitation>
  <PubmedData>
    <History><PubMedPubDate PubStatus="entrez"><Year>2020</Year><Month>2</Month><Day>3</Day></PubMedPubDate></History>
    <PublicationStatus>ppublish</PublicationStatus>
    <ArticleIdList>
      <ArticleId IdType="pubmed">31000001</ArticleId>
      <ArticleId IdType="doi">10.1000/jfsw.2020.001</ArticleId>
      <ArticleId IdType="pmc">PMC7000001</ArticleId>
    </ArticleIdList>
    <ReferenceList><Reference><Citation>Someone else. 1999.</Citation><ArticleIdList><ArticleId IdType="pmc">PMC1</ArticleId><ArticleId IdType="doi">10.9999/other</ArticleId></ArticleIdList></Reference></ReferenceList>
  </PubmedData>
</PubmedArticle>`;

// The same article as PubMed's MEDLINE (.nbib) export writes it.
const FULL_MEDLINE = `PMID- 31000001
OWN - NLM
STAT- MEDLINE
DCOM- 20200601
IS  - 1873-7854 (Electronic)
IS  - 1477-8920 (Linking)
VI  - 12
IP  - 3
DP  - 2020 Mar 5
TI  - Family group conferences in children's social care: a realist review.
PG  - 100-10
LID - 10.1000/jfsw.2020.001 [doi]
LID - S0000-0000(20)00001-1 [pii]
AB  - BACKGROUND: Family group conferences (FGCs) are widely used. METHODS: We reviewed
      40 studies. RESULTS: Families valued FGCs & outcomes varied.
CI  - Copyright © 2020 Elsevier Ltd.
FAU - van der Berg, Jan Pieter Jr
AU  - van der Berg JP Jr
AD  - Leiden University, Leiden, Netherlands.
FAU - Müller, Anna
AU  - Müller A
CN  - FGC Research Network
LA  - eng
PT  - Journal Article
PT  - Review
DEP - 20200201
PL  - England
TA  - J Fam Soc Work
JT  - Journal of Family & Social Work
JID - 0000001
SB  - IM
MH  - Humans
MH  - Social Work/*methods/standards
OTO - NOTNLM
OT  - family group conference
OT  - child protection
EDAT- 2020/02/03 06:00
PHST- 2020/02/03 06:00 [entrez]
AID - 10.1000/jfsw.2020.001 [doi]
PST - ppublish
SO  - J Fam Soc Work. 2020 Mar 5;12(3):100-10. doi: 10.1000/jfsw.2020.001. Epub 2020 Feb 1.
`;

const one = (text: string): ParsedRecord => {
  const r = parseText(text, 'pubmed-xml');
  expect(r.failures).toEqual([]);
  expect(r.records).toHaveLength(1);
  return r.records[0] as ParsedRecord;
};

describe('PubMed XML: a journal article', () => {
  it('maps every field the issue names', () => {
    const r = one(set(FULL));
    expect(r.item).toEqual({
      id: 'pmid:31000001',
      type: 'article-journal',
      title: "Family group conferences in children's social care: a realist review.",
      author: [
        { family: 'Berg', 'non-dropping-particle': 'van der', given: 'Jan Pieter', suffix: 'Jr' },
        { family: 'Müller', given: 'Anna' },
        { literal: 'FGC Research Network' },
      ],
      issued: { 'date-parts': [[2020, 3, 5]] },
      'container-title': 'Journal of Family & Social Work',
      'container-title-short': 'J Fam Soc Work',
      volume: '12',
      issue: '3',
      page: '100-10',
      DOI: '10.1000/jfsw.2020.001',
      abstract: 'BACKGROUND: Family group conferences (FGCs) are widely used. METHODS: We reviewed 40 studies. RESULTS: Families valued FGCs & outcomes varied.',
      keyword: 'family group conference; child protection; Humans; Social Work/methods; Social Work/standards',
      language: 'English',
      'publisher-place': 'England',
      ISSN: '1873-7854, 1477-8920',
      URL: 'https://pubmed.ncbi.nlm.nih.gov/31000001/',
      PMCID: 'PMC7000001',
    });
    expect(r.warnings).toEqual([]);
  });

  it('gives the same CSL as the MEDLINE export of the same article, plus what only the XML has', () => {
    const medline = parseText(FULL_MEDLINE, 'medline');
    expect(medline.failures).toEqual([]);
    const { keyword: medlineKeywords, ...m } = (medline.records[0] as ParsedRecord).item;
    const { 'container-title-short': short, PMCID, keyword, ...x } = one(set(FULL)).item;
    expect(x).toEqual(m);
    expect(short).toBe('J Fam Soc Work');
    expect(PMCID).toBe('PMC7000001');
    // MEDLINE writes a heading's qualifiers on one line with "*" for major topics; the XML names each pair
    expect(medlineKeywords).toBe('family group conference; child protection; Humans; Social Work/*methods/standards');
    expect(keyword).toBe('family group conference; child protection; Humans; Social Work/methods; Social Work/standards');
  });

  it('takes the DOI from ArticleIdList when ELocationID has none, and never from the reference list', () => {
    const r = one(set(article(5, {
      data: '<ArticleIdList><ArticleId IdType="pubmed">5</ArticleId><ArticleId IdType="doi">10.1000/from-ids</ArticleId></ArticleIdList>' +
        '<ReferenceList><Reference><Citation>x</Citation><ArticleIdList><ArticleId IdType="doi">10.9999/cited</ArticleId><ArticleId IdType="pmc">PMC9</ArticleId></ArticleIdList></Reference></ReferenceList>',
    })));
    expect(r.item.DOI).toBe('10.1000/from-ids');
    expect(r.item.PMCID).toBeUndefined();
    // an invalid DOI (ValidYN="N") gives way to the valid one
    const invalid = one(set(article(6, {
      article: '<ArticleTitle>A</ArticleTitle><ELocationID EIdType="doi" ValidYN="N">10.1000/wrong</ELocationID>',
      data: '<ArticleIdList><ArticleId IdType="doi">10.1000/right</ArticleId></ArticleIdList>',
    })));
    expect(invalid.item.DOI).toBe('10.1000/right');
  });

  it('reads StartPage and EndPage when MedlinePgn is missing, and the type from the publication types', () => {
    const r = one(set(article(7, {
      article: '<ArticleTitle>A</ArticleTitle><Pagination><StartPage>e1001</StartPage><EndPage>e1009</EndPage></Pagination>' +
        '<PublicationTypeList><PublicationType UI="D000076942">Preprint</PublicationType></PublicationTypeList>',
    })));
    expect(r.item.page).toBe('e1001-e1009');
    expect(r.item.type).toBe('article');
    const dataset = one(set(article(8, { article: '<ArticleTitle>A</ArticleTitle><PublicationTypeList><PublicationType>Dataset</PublicationType></PublicationTypeList>' })));
    expect(dataset.item.type).toBe('dataset');
  });

  it('falls back to VernacularTitle, and to MedlineTA for the journal', () => {
    const xml = `<PubmedArticle><MedlineCitation><PMID>9</PMID><Article><Journal><JournalIssue><PubDate><Year>2001</Year></PubDate></JournalIssue></Journal>
      <ArticleTitle></ArticleTitle><VernacularTitle>Conférences familiales</VernacularTitle><Language>fre</Language></Article>
      <MedlineJournalInfo><MedlineTA>Rev Prat</MedlineTA></MedlineJournalInfo></MedlineCitation></PubmedArticle>`;
    const r = one(set(xml));
    expect(r.item).toMatchObject({ title: 'Conférences familiales', 'container-title': 'Rev Prat', 'container-title-short': 'Rev Prat', language: 'French' });
  });
});

describe('PubMed XML: authors', () => {
  it('keeps collective names as literals in their place, and editors apart', () => {
    const r = one(set(article(10, {
      article: `<ArticleTitle>A</ArticleTitle>
        <AuthorList CompleteYN="Y">
          <Author ValidYN="Y"><CollectiveName>Child Welfare <i>Inquiry</i> Group</CollectiveName></Author>
          <Author ValidYN="Y"><LastName>Dice</LastName><Initials>PF</Initials></Author>
          <Author ValidYN="N"><LastName>Wrong</LastName><ForeName>Name</ForeName></Author>
          <Author ValidYN="Y"><LastName>O&apos;Neill</LastName><ForeName>S&#233;amus</ForeName></Author>
        </AuthorList>
        <AuthorList Type="editors"><Author><LastName>Ed</LastName><ForeName>Itor</ForeName></Author></AuthorList>`,
    })));
    expect(r.item.author).toEqual([
      { literal: 'Child Welfare Inquiry Group' },
      { family: 'Dice', given: 'PF' },
      { family: "O'Neill", given: 'Séamus' },
    ]);
    expect(r.item.editor).toEqual([{ family: 'Ed', given: 'Itor' }]);
  });
});

describe('PubMed XML: dates', () => {
  const dated = (pubDate: string): ParsedRecord => one(set(article(20, { pubDate })));
  const parts = (r: ParsedRecord): unknown => r.item.issued?.['date-parts'];

  it('reads MedlineDate ranges from their start, keeping the original text in a warning', () => {
    const r = dated('<MedlineDate>1998 Dec-1999 Jan</MedlineDate>');
    expect(parts(r)).toEqual([[1998, 12]]);
    expect(r.warnings).toEqual(['MedlineDate "1998 Dec-1999 Jan" read as 1998-12']);
    const summer = dated('<MedlineDate>2002 Summer</MedlineDate>');
    expect(parts(summer)).toEqual([[2002]]);
    expect(summer.warnings).toEqual(['MedlineDate "2002 Summer" read as 2002']);
    // an exact MedlineDate needs no warning
    const exact = dated('<MedlineDate>2003 Oct</MedlineDate>');
    expect(parts(exact)).toEqual([[2003, 10]]);
    expect(exact.warnings).toEqual([]);
  });

  it('reads a Season as the year, saying so', () => {
    const r = dated('<Year>2000</Year><Season>Spring</Season>');
    expect(parts(r)).toEqual([[2000]]);
    expect(r.warnings).toEqual(['PubDate "2000 Spring" read as 2000']);
  });

  it('reads numeric and named months, and takes ArticleDate, then the Entrez date, when PubDate has no year', () => {
    expect(parts(dated('<Year>2018</Year><Month>11</Month><Day>7</Day>'))).toEqual([[2018, 11, 7]]);
    expect(parts(dated('<Year>2018</Year><Month>Nov</Month>'))).toEqual([[2018, 11]]);
    const electronic = one(set(article(21, { pubDate: '', article: '<ArticleTitle>A</ArticleTitle><ArticleDate DateType="Electronic"><Year>2021</Year><Month>04</Month><Day>30</Day></ArticleDate>' })));
    expect(parts(electronic)).toEqual([[2021, 4, 30]]);
    const entrez = one(set(article(22, { pubDate: '', data: '<History><PubMedPubDate PubStatus="received"><Year>2010</Year></PubMedPubDate><PubMedPubDate PubStatus="entrez"><Year>2011</Year><Month>1</Month><Day>2</Day></PubMedPubDate></History>' })));
    expect(parts(entrez)).toEqual([[2011, 1, 2]]);
  });
});

describe('PubMed XML: abstracts, markup and entities', () => {
  it('joins labelled sections in order, unlabelled ones as they are', () => {
    const r = one(set(article(30, {
      article: `<ArticleTitle>A</ArticleTitle><Abstract>
        <AbstractText>An unlabelled opening.</AbstractText>
        <AbstractText Label="OBJECTIVE &amp; AIMS" NlmCategory="OBJECTIVE">To see.</AbstractText>
        <AbstractText Label="EMPTY"/>
        <AbstractText Label="CONCLUSIONS" NlmCategory="CONCLUSIONS">It works.</AbstractText></Abstract>`,
    })));
    expect(r.item.abstract).toBe('An unlabelled opening. OBJECTIVE & AIMS: To see. CONCLUSIONS: It works.');
  });

  it('decodes entities once: an escaped "<" stays a "<" and an escaped entity stays an entity', () => {
    const r = one(set(article(31, {
      article: '<ArticleTitle>Levels &lt; 5 mmol &amp; &#x3b1;-synuclein at 20 &mgr;M: &amp;lt; is not &lt;</ArticleTitle>',
    })));
    expect(r.item.title).toBe('Levels < 5 mmol & α-synuclein at 20 μM: &lt; is not <');
  });

  it('passes inline markup of titles, abstracts and keywords through as formatting, never as text', () => {
    const r = one(set(article(32, {
      article: '<ArticleTitle>H<sub>2</sub>O in <i>Escherichia coli</i></ArticleTitle><Abstract><AbstractText Label="AIM">Measure CO<sub>2</sub> at 10<sup>3</sup> <b>exactly</b>.</AbstractText></Abstract>',
      citation: '<KeywordList><Keyword><i>E. coli</i></Keyword></KeywordList>',
    })));
    expect(r.item.title).toBe('H<sub>2</sub>O in <i>Escherichia coli</i>');
    expect(r.item.abstract).toBe('AIM: Measure CO<sub>2</sub> at 10<sup>3</sup> <b>exactly</b>.');
    expect(r.item.keyword).toBe('E. coli');
  });
});

describe('PubMed XML: books', () => {
  const BOOK = `<PubmedBookArticle>
  <BookDocument>
    <PMID Version="1">20301000</PMID>
    <ArticleIdList><ArticleId IdType="bookaccession">NBK1000</ArticleId></ArticleIdList>
    <Book>
      <Publisher><PublisherName>National Academies Press (US)</PublisherName><PublisherLocation>Washington (DC)</PublisherLocation></Publisher>
      <BookTitle book="nap1000">Innovation in Child Welfare <i>Services</i></BookTitle>
      <PubDate><Year>2016</Year><Month>Jun</Month></PubDate>
      <AuthorList Type="editors"><Author ValidYN="Y"><LastName>Rivera</LastName><ForeName>Maria</ForeName><Initials>M</Initials></Author></AuthorList>
      <Edition>2nd</Edition>
      <CollectionTitle book="nap">Reports of the Academies</CollectionTitle>
      <Isbn>9780309000001</Isbn>
      <Isbn>0309000001</Isbn>
    </Book>
    <LocationLabel Type="chapter">3</LocationLabel>
    ${'CHAPTER'}
    <Language>eng</Language>
    <Abstract><AbstractText>The chapter reviews scaling.</AbstractText></Abstract>
  </BookDocument>
  <PubmedBookData>
    <History><PubMedPubDate PubStatus="pubmed"><Year>2016</Year></PubMedPubDate></History>
    <PublicationStatus>ppublish</PublicationStatus>
    <ArticleIdList><ArticleId IdType="pubmed">20301000</ArticleId></ArticleIdList>
  </PubmedBookData>
</PubmedBookArticle>`;

  it('reads a whole book: its title, editors, publisher, place, ISBNs, edition and series', () => {
    const r = one(set(BOOK.replace('CHAPTER', '')));
    expect(r.item).toEqual({
      id: 'pmid:20301000',
      type: 'book',
      title: 'Innovation in Child Welfare <i>Services</i>',
      editor: [{ family: 'Rivera', given: 'Maria' }],
      issued: { 'date-parts': [[2016, 6]] },
      abstract: 'The chapter reviews scaling.',
      language: 'English',
      publisher: 'National Academies Press (US)',
      'publisher-place': 'Washington (DC)',
      ISBN: '9780309000001, 0309000001',
      URL: 'https://pubmed.ncbi.nlm.nih.gov/20301000/',
      edition: '2nd',
      'collection-title': 'Reports of the Academies',
    });
  });

  it('reads a chapter: its own title and authors, in the book as container', () => {
    const chapter = '<ArticleTitle book="nap1000" part="ch3">Scaling up what works</ArticleTitle>' +
      '<AuthorList Type="authors"><Author><LastName>Okafor</LastName><ForeName>Chidi</ForeName></Author><Author><CollectiveName>Committee on Child Welfare</CollectiveName></Author></AuthorList>';
    const r = one(set(BOOK.replace('CHAPTER', chapter)));
    expect(r.item).toMatchObject({
      type: 'chapter',
      title: 'Scaling up what works',
      'container-title': 'Innovation in Child Welfare <i>Services</i>',
      author: [{ family: 'Okafor', given: 'Chidi' }, { literal: 'Committee on Child Welfare' }],
      editor: [{ family: 'Rivera', given: 'Maria' }],
      publisher: 'National Academies Press (US)',
    });
  });
});

describe('PubMed XML: damaged records', () => {
  it('reports a record cut off mid-way, at the end of the file or before the next record, and keeps the others', () => {
    const good = article(40);
    const cut = article(41).slice(0, 200);
    const atEnd = parseText(`${HEAD}<PubmedArticleSet>\n${good}\n${cut}`, 'pubmed-xml');
    expect(atEnd.records.map((r) => r.item.id)).toEqual(['pmid:40']);
    expect(atEnd.failures).toEqual([{ recordNumber: 2, raw: cut.trim(), reason: 'the record is cut off: <PubmedArticle> is never closed' }]);
    const between = parseText(set(cut, good), 'pubmed-xml');
    expect(between.records.map((r) => [r.recordNumber, r.item.id])).toEqual([[2, 'pmid:40']]);
    expect(between.failures.map((f) => [f.recordNumber, f.reason])).toEqual([[1, 'the record is cut off: <PubmedArticle> is never closed']]);
  });

  it('reports a closed record that is not well-formed XML, and one with nothing to keep', () => {
    const bad = parseText(set(article(42, { article: '<ArticleTitle>Unclosed <i>italic</ArticleTitle>' }), article(43, { article: '<ArticleTitle>A & B</ArticleTitle>' })), 'pubmed-xml');
    expect(bad.records).toEqual([]);
    expect(bad.failures.map((f) => f.reason)).toEqual([expect.stringMatching(/^invalid XML: .*closing tag/), expect.stringMatching(/^invalid XML: /)]);
    const empty = parseText(set('<PubmedArticle><MedlineCitation><Article/></MedlineCitation></PubmedArticle>'), 'pubmed-xml');
    expect(empty.failures.map((f) => f.reason)).toEqual(['PubMed record has no title, journal, author, date or DOI']);
  });
});

// ----- streaming and markers -----


const MARKER = /<Pubmed(?:Book)?Article[\s>]/g;

const BOOK_RECORD = '<PubmedBookArticle><BookDocument><PMID>77</PMID><Book><BookTitle>A book</BookTitle><PubDate><Year>2001</Year></PubDate></Book></BookDocument></PubmedBookArticle>';

describe('PubMed XML: streaming', () => {
  const file = set(FULL, article(50, { pubDate: '<MedlineDate>1998 Dec-1999 Jan</MedlineDate>' }), BOOK_RECORD, article(51).slice(0, 300), article(52));

  it('gives the same records fed one character at a time as in one piece', () => {
    const whole = parseText(file, 'pubmed-xml');
    expect(whole.records.map((r) => r.item.id)).toEqual(['pmid:31000001', 'pmid:50', 'pmid:77', 'pmid:52']);
    expect(whole.failures.map((f) => f.recordNumber)).toEqual([4]);
    const expected = [...whole.records, ...whole.failures].sort((a, b) => a.recordNumber - b.recordNumber);
    expect(streamParse('pubmed-xml', file, Array.from({ length: file.length }, (_, i) => i))).toEqual(expected);
  });

  it('gives the same records in chunks of any sizes', () => {
    const expected = streamParse('pubmed-xml', file, []);
    fc.assert(fc.property(fc.array(fc.nat({ max: file.length }), { maxLength: 40 }), (cuts) => {
      expect(streamParse('pubmed-xml', file, cuts)).toEqual(expected);
    }), { numRuns: RUNS });
  });

  it('gives out each record as soon as it closes, holding none of the text between records', () => {
    const splitter = createSplitter('pubmed-xml');
    expect(splitter.push(`${HEAD}<PubmedArticleSet>`)).toEqual([]);
    for (let i = 1; i <= 500; i++) {
      const got = splitter.push(`${article(i)}\n<DeleteCitation><PMID>${i}</PMID></DeleteCitation>\n`);
      expect(got.map((r) => r.recordNumber)).toEqual([i]);
      expect(got[0]?.raw).toBe(article(i));
    }
    expect(splitter.end()).toEqual([]);
  });
});

describe('PubMed XML: every marker is a record or a failure', () => {
  const title = fc.stringMatching(/^[A-Za-z][A-Za-z ,.]{0,30}$/);
  const piece = fc.oneof(
    title.map((t) => article(1, { article: `<ArticleTitle>${t}</ArticleTitle>` })),
    title.map((t) => BOOK_RECORD.replace('A book', t)),
    // a record cut anywhere
    fc.tuple(fc.nat(), title).map(([n, t]) => {
      const a = article(2, { article: `<ArticleTitle>${t}</ArticleTitle>` });
      return a.slice(0, n % a.length);
    }),
    // markers where they should not be, closing tags without records, junk between records
    fc.constantFrom('<PubmedArticle>', '<PubmedBookArticle >', '</PubmedArticle>', '<PubmedArticleSet>', '<!-- <PubmedArticle> -->', '<DeleteCitation><PMID>1</PMID></DeleteCitation>', '&amp;', '<'),
    fc.string({ maxLength: 12 }),
  );

  it('in generated files, however they are chunked', () => {
    fc.assert(fc.property(fc.array(piece, { maxLength: 12 }), fc.array(fc.nat(), { maxLength: 8 }), (pieces, cuts) => {
      const text = set(...pieces);
      const markers = [...text.matchAll(MARKER)].length;
      const whole = parseText(text, 'pubmed-xml');
      expect(whole.records.length + whole.failures.length).toBe(markers);
      const streamed = streamParse('pubmed-xml', text, cuts);
      expect(streamed.map((r) => r.recordNumber)).toEqual(Array.from({ length: markers }, (_, i) => i + 1));
    }), { numRuns: RUNS });
  });
});

describe('PubMed XML: detection', () => {
  it('is told by its content, before EndNote XML, whatever the file is called', () => {
    const file = set(FULL);
    expect(detectFormat(file, 'pubmed-result.xml')).toBe('pubmed-xml');
    expect(detectFormat(file)).toBe('pubmed-xml');
    // efetch without the XML declaration, and a book-only set
    expect(detectFormat(`<PubmedArticleSet>${BOOK_RECORD}</PubmedArticleSet>`, 'efetch.fcgi')).toBe('pubmed-xml');
    expect(detectFormat(`\uFEFF${BOOK_RECORD}`)).toBe('pubmed-xml');
    expect(parseText(file, undefined, 'pubmed-result.xml').format).toBe('pubmed-xml');
    // EndNote's XML stays EndNote's, and text that only mentions the element is not PubMed XML
    expect(detectFormat('<?xml version="1.0"?><xml><records><record><titles><title>A</title></titles></record></records></xml>', 'library.xml')).toBe('endnote-xml');
    expect(detectFormat('TY  - JOUR\nTI  - Reading <PubmedArticle> elements\nER  - \n', 'a.ris')).toBe('ris');
  });
});
