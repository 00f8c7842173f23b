// The MEDLINE tagged format without PMIDs, as ERIC and other databases write it: records split on their own first
// tag, accession numbers as ids, book and series titles, SO as a fallback; PubMed's own files read as before.
import { describe, expect, it } from 'vitest';
import { createParser, createSplitter, parseText } from '../../../shared/literature/parse/index.ts';
import type { ParsedRecord, RecordFailure } from '../../../shared/literature/types.ts';

// Written for this test in the shape of an ERIC export (ERIC's .nbib: OWN first, one record per blank-line block).
const ERIC = `
OWN - ERIC
TI  - Reading Aloud in the Early Years
AU  - Smith, Tom
AU  - Hunter, Shawn
OT  - Reading Aloud
OT  - Early Childhood Education
JT  - Journal of Early Reading
SO  - v10 n1 p1-10 2000
AID - http://dx.doi.org/10.1000/182
OID - EJ1131633
VI  - 10
IP  - 1
PG  - 1-9
DP  - 2000
LID - http://eric.ed.gov/?id=EJ1131633
AB  - Children read to every day knew more words at five, and the difference
      was still there at seven.
ISSN - ISSN-1234-4567
LA  - English
PT  - Journal Articles
PT  - Reports - Research

OWN - ERIC
TI  - Play in the Kindergarten
AU  - Doe, Jane
BTI - Handbook of Early Play
CTI - Studies in Childhood
ISBN - ISBN-978-0-00-000000-2
DP  - 2015
OID - ED555555
PT  - Books

OWN - ERIC
BTI - Teaching Phonics: A Guide
AU  - Roe, Richard
DP  - 2012
OID - ED666666
PT  - Guides - Non-Classroom

OWN - ERIC
TI  - Coaching Teachers
SO  - Journal of Staff Development v22 n3 p14-18 2001
DP  - 2001
PT  - Journal Articles
`;

function stream(text: string, chunk: number): (ParsedRecord | RecordFailure)[] {
  const splitter = createSplitter('medline');
  const parser = createParser('medline');
  const out: (ParsedRecord | RecordFailure)[] = [];
  const raws = [];
  for (let i = 0; i < text.length; i += chunk) raws.push(...splitter.push(text.slice(i, i + chunk)));
  raws.push(...splitter.end());
  for (const raw of raws) {
    const r = parser.parse(raw);
    if (r) out.push(r);
  }
  return out;
}

describe('MEDLINE without PMIDs (ERIC)', () => {
  it('splits records on the first tag of the file, under any chunking', () => {
    const r = parseText(ERIC, 'medline');
    expect(r.failures).toEqual([]);
    expect(r.records.map((x) => x.item.id)).toEqual(['eric:EJ1131633', 'eric:ED555555', 'eric:ED666666', 'medline-4']);
    for (const chunk of [1, 5, 64]) {
      expect(stream(ERIC, chunk).map((x) => ('item' in x ? x.item.title : x.reason))).toEqual(r.records.map((x) => x.item.title));
    }
    // without blank lines between them, OWN (once per record) still starts each record
    expect(parseText(ERIC.replace(/\n\n/g, '\n'), 'medline').records).toHaveLength(4);
  });

  it('reads an ERIC journal article: DOI from AID, the ERIC address from LID, ISSN without its prefix', () => {
    expect(parseText(ERIC, 'medline').records[0]?.item).toEqual({
      id: 'eric:EJ1131633',
      type: 'article-journal',
      title: 'Reading Aloud in the Early Years',
      author: [{ family: 'Smith', given: 'Tom' }, { family: 'Hunter', given: 'Shawn' }],
      issued: { 'date-parts': [[2000]] },
      'container-title': 'Journal of Early Reading',
      volume: '10',
      issue: '1',
      page: '1-9',
      DOI: '10.1000/182',
      abstract: 'Children read to every day knew more words at five, and the difference was still there at seven.',
      keyword: 'Reading Aloud; Early Childhood Education',
      language: 'English',
      ISSN: '1234-4567',
      URL: 'http://eric.ed.gov/?id=EJ1131633',
    });
  });

  it('BTI is the container of a chapter and the title of a book; CTI the collection title', () => {
    const [, chapter, book] = parseText(ERIC, 'medline').records;
    expect(chapter?.item).toMatchObject({
      type: 'chapter',
      title: 'Play in the Kindergarten',
      'container-title': 'Handbook of Early Play',
      'collection-title': 'Studies in Childhood',
      ISBN: '978-0-00-000000-2',
    });
    expect(book?.item).toMatchObject({ type: 'report', title: 'Teaching Phonics: A Guide', author: [{ family: 'Roe', given: 'Richard' }] });
    expect(book?.item['container-title']).toBeUndefined();
    const plainBook = parseText('OWN - ERIC\nBTI - A Whole Book\nDP  - 2012\nPT  - Books\n', 'medline').records[0];
    expect(plainBook?.item).toMatchObject({ type: 'book', title: 'A Whole Book' });
  });

  it('SO stands in for a missing journal, volume, issue and pages, in ERIC\'s form and PubMed\'s', () => {
    expect(parseText(ERIC, 'medline').records[3]?.item).toMatchObject({
      'container-title': 'Journal of Staff Development',
      volume: '22',
      issue: '3',
      page: '14-18',
    });
    const pubmed = parseText('PMID- 9\nTI  - A\nDP  - 2017\nSO  - Sci Total Environ. 2017 Nov 15;598:188-197.\n', 'medline').records[0];
    expect(pubmed?.item['container-title']).toBe('Sci Total Environ');
  });

  it('an accession number other than ERIC\'s is the id; a record with only a journal is kept, flagged incomplete', () => {
    const r = parseText('OWN - XYZ\nTI  - One\nAN  - 12-345\n\nOWN - XYZ\nJT  - Only a Journal\nDP  - 1999\n\nOWN - XYZ\nAB  - An abstract alone\n', 'medline');
    expect(r.records.map((x) => x.item.id)).toEqual(['accession:12-345', 'medline-2']);
    expect(r.records[1]?.item.title).toBe('[untitled] in Only a Journal');
    expect(r.records[1]?.warnings).toEqual(['incomplete: the record has no title; titled from its container title']);
    expect(r.failures.map((f) => [f.recordNumber, f.reason])).toEqual([[3, 'MEDLINE record has no TI, journal, AU, DP or DOI']]);
  });

  it('a first tag that repeats inside a record (AU) starts records only after a blank line', () => {
    const text = 'AU  - Smith, J\nAU  - Jones, K\nTI  - One\nDP  - 2001\n\nAU  - Brown, L\nTI  - Two\n';
    const r = parseText(text, 'medline');
    expect(r.records.map((x) => [x.item.title, x.item.author?.length])).toEqual([
      ['One', 2],
      ['Two', 1],
    ]);
  });
});

describe('PubMed MEDLINE keeps PMID as its record start', () => {
  it('splits on PMID even when the first record has lines before it, and when records have no blank line between', () => {
    const text = 'PMID- 1\nOWN - NLM\nTI  - One\nDP  - 2001\n\nPMID- 2\nOWN - NLM\nTI  - Two\nPMID- 3\nTI  - Three\n';
    const r = parseText(text, 'medline');
    expect(r.records.map((x) => [x.item.id, x.item.title])).toEqual([
      ['pmid:1', 'One'],
      ['pmid:2', 'Two'],
      ['pmid:3', 'Three'],
    ]);
    expect(r.records[0]?.raw).toBe('PMID- 1\nOWN - NLM\nTI  - One\nDP  - 2001');
  });

  it('PubMed Bookshelf records: BTI as the container of a chapter, CTI the series', () => {
    const text = 'PMID- 20301295\nTI  - Alpha-Thalassemia\nBTI - GeneReviews\nCTI - GeneReviews\nFED - Adam, Margaret P\nDP  - 1993\nPT  - Review\nPT  - Book Chapter\n';
    expect(parseText(text, 'medline').records[0]?.item).toMatchObject({
      type: 'chapter',
      'container-title': 'GeneReviews',
      'collection-title': 'GeneReviews',
      editor: [{ family: 'Adam', given: 'Margaret P' }],
    });
  });
});
