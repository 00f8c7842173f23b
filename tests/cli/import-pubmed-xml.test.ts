// workbench import of PubMed's XML download: told apart from EndNote XML by its content though both end in .xml,
// each article stored as CSL-JSON, a record cut off at the end of the file reported by its number.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDbPath } from '../support/server.ts';
import { queryDb, workbench } from '../support/cli.ts';

const PUBMED_XML = `<?xml version="1.0" ?>
<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2024//EN" "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_240101.dtd">
<PubmedArticleSet>
<PubmedArticle>
  <MedlineCitation Status="MEDLINE" Owner="NLM">
    <PMID Version="1">32000001</PMID>
    <Article PubModel="Print">
      <Journal>
        <ISSN IssnType="Print">0145-2134</ISSN>
        <JournalIssue CitedMedium="Print"><Volume>101</Volume><PubDate><MedlineDate>2019 Dec-2020 Jan</MedlineDate></PubDate></JournalIssue>
        <Title>Child abuse &amp; neglect</Title>
        <ISOAbbreviation>Child Abuse Negl</ISOAbbreviation>
      </Journal>
      <ArticleTitle>Implementing family group conferencing in children's social care.</ArticleTitle>
      <Pagination><MedlinePgn>104-12</MedlinePgn></Pagination>
      <ELocationID EIdType="doi" ValidYN="Y">10.1016/j.chiabu.2019.104001</ELocationID>
      <Abstract><AbstractText Label="BACKGROUND">Conferences are common.</AbstractText><AbstractText Label="CONCLUSIONS">They help.</AbstractText></Abstract>
      <AuthorList><Author><LastName>Müller</LastName><ForeName>Anna</ForeName></Author><Author><CollectiveName>FGC Study Group</CollectiveName></Author></AuthorList>
      <Language>eng</Language>
      <PublicationTypeList><PublicationType>Journal Article</PublicationType></PublicationTypeList>
    </Article>
    <MeshHeadingList><MeshHeading><DescriptorName>Child Welfare</DescriptorName><QualifierName>methods</QualifierName></MeshHeading></MeshHeadingList>
  </MedlineCitation>
  <PubmedData><ArticleIdList><ArticleId IdType="pubmed">32000001</ArticleId><ArticleId IdType="pmc">PMC7100001</ArticleId></ArticleIdList></PubmedData>
</PubmedArticle>
<PubmedBookArticle>
  <BookDocument>
    <PMID Version="1">32000002</PMID>
    <Book><Publisher><PublisherName>NICE</PublisherName><PublisherLocation>London</PublisherLocation></Publisher><BookTitle>Child abuse and neglect: guideline</BookTitle><PubDate><Year>2017</Year><Month>Oct</Month></PubDate></Book>
    <ArticleTitle>Recognising neglect</ArticleTitle>
  </BookDocument>
  <PubmedBookData><ArticleIdList><ArticleId IdType="pubmed">32000002</ArticleId></ArticleIdList></PubmedBookData>
</PubmedBookArticle>
<PubmedArticle>
  <MedlineCitation Status="MEDLINE" Owner="NLM">
    <PMID Version="1">32000003</PMID>
    <Article><ArticleTitle>A download that stopped half-way`;

describe('workbench import: PubMed XML', () => {
  it('imports a .xml PubMed file as PubMed XML, stores each article, and reports the record cut off', async () => {
    const db = tempDbPath();
    const file = path.join(path.dirname(db), 'pubmed-result.xml');
    fs.writeFileSync(file, PUBMED_XML);
    const imp = await workbench(['import', file, '--source', 'PubMed', '--json', '--db', db]);
    expect(imp.stderr).toBe('');
    expect(imp.code).toBe(0);
    const [report] = JSON.parse(imp.stdout) as { file: string; format: string; records: number; imported: number; failed: { record: number; reason: string }[]; notes: string[]; lost: number }[];
    expect(report).toMatchObject({ file: 'pubmed-result.xml', format: 'pubmed-xml', records: 3, imported: 2, notes: [], lost: 0 });
    expect(report?.failed).toEqual([{ record: 3, reason: 'the record is cut off: <PubmedArticle> is never closed' }]);

    const items = JSON.parse((await workbench(['items', '--db', db])).stdout) as Record<string, unknown>[];
    const article = items.find((i) => i.id === 'pmid:32000001');
    expect(article).toMatchObject({
      type: 'article-journal',
      title: "Implementing family group conferencing in children's social care.",
      author: [{ family: 'Müller', given: 'Anna' }, { literal: 'FGC Study Group' }],
      issued: { 'date-parts': [[2019, 12]] },
      'container-title': 'Child abuse & neglect',
      'container-title-short': 'Child Abuse Negl',
      page: '104-12',
      DOI: '10.1016/j.chiabu.2019.104001',
      PMCID: 'PMC7100001',
      abstract: 'BACKGROUND: Conferences are common. CONCLUSIONS: They help.',
      keyword: 'Child Welfare/methods',
      language: 'English',
      URL: 'https://pubmed.ncbi.nlm.nih.gov/32000001/',
    });
    expect(items.find((i) => i.id === 'pmid:32000002')).toMatchObject({
      type: 'chapter', title: 'Recognising neglect', 'container-title': 'Child abuse and neglect: guideline', publisher: 'NICE', 'publisher-place': 'London',
    });

    // the stored source keeps the record verbatim, its warning (the approximated MedlineDate) and its format
    const sources = queryDb<{ format: string; raw: string; warnings_json: string }>(db, 'SELECT format, raw, warnings AS warnings_json FROM item_source ORDER BY record_number');
    expect(sources.map((s) => s.format)).toEqual(['pubmed-xml', 'pubmed-xml']);
    expect(sources[0]?.raw.startsWith('<PubmedArticle>')).toBe(true);
    expect(sources[0]?.raw.endsWith('</PubmedArticle>')).toBe(true);
    expect(JSON.parse(sources[0]?.warnings_json ?? '[]')).toEqual(['MedlineDate "2019 Dec-2020 Jan" read as 2019-12']);
    expect(queryDb(db, 'SELECT format, records, imported, failed, source_name FROM import_batch')).toEqual([{ format: 'pubmed-xml', records: 3, imported: 2, failed: 1, source_name: 'PubMed' }]);
  }, 120_000);
});
