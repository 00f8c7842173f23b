// Web of Science tagged files from the databases WoS hosts besides the Core Collection (BIOSIS, Zoological Record,
// CABI): continuation lines that are not indented, known tags only, every author, page spans, early-access dates.
import { describe, expect, it } from 'vitest';
import { parseText } from '../../../shared/literature/parse/index.ts';

// Written for this test in the shape of a BIOSIS Citation Index export: no indentation on continuation lines.
const BIOSIS = `FN Clarivate Analytics Web of Science
VR 1.0
PT J
AU Smith, J
Jones, K
Brown, L
AF Smith, John
Jones, Kate
TI Seasonal growth of the common lizard
in alpine meadows
SO JOURNAL OF HERPETOLOGY
DE lizards; growth
AB We measured growth in forty lizards over two summers.
RE Smith and colleagues found the same in 1990, and
DE novo estimates agree with ours.
PT patients were not involved.
ER stress was not measured.
MC Reproductive System
PS 123-130
PY 2004
UT BCI:BCI200400123456
ER

PT J
AU Lee, M
TI Second record
SO ZOOLOGY TODAY
EA JAN 2021
EY 2021
ER

EF
`;

describe('Web of Science without indented continuation lines (BIOSIS and others)', () => {
  const r = parseText(BIOSIS, 'wos');

  it('a line without a known tag continues the field before it; a tag the record already has is text too', () => {
    expect(r.failures).toEqual([]);
    expect(r.records).toHaveLength(2);
    const item = r.records[0]?.item;
    expect(item?.title).toBe('Seasonal growth of the common lizard in alpine meadows');
    expect(item?.abstract).toBe(
      'We measured growth in forty lizards over two summers. RE Smith and colleagues found the same in 1990, and DE novo estimates agree with ours. PT patients were not involved. ER stress was not measured.',
    );
    expect(item?.keyword).toBe('lizards; growth');
    expect(item?.id).toBe('BCI:BCI200400123456');
  });

  it('every AU/AF author is kept: AF full names where there are some, AU for the rest', () => {
    expect(r.records[0]?.item.author).toEqual([
      { family: 'Smith', given: 'John' },
      { family: 'Jones', given: 'Kate' },
      { family: 'Brown', given: 'L' },
    ]);
  });

  it('PS (page span) is the pages; an early-access date stands in for a missing PY', () => {
    expect(r.records[0]?.item.page).toBe('123-130');
    expect(r.records[0]?.item.issued).toEqual({ 'date-parts': [[2004]] });
    expect(r.records[1]?.item.issued).toEqual({ 'date-parts': [[2021, 1]] });
    expect(parseText('PT J\nTI A\nPS p. 5-9\nPY 2001\nER\n', 'wos').records[0]?.item.page).toBe('5-9');
  });

  it('the Core Collection (indented continuations) reads as before, BP/EP preferred to PS', () => {
    const text = 'FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Alceste, F\n   Luke, TJ\nTI Holding Yourself Captive\n   During Interviews\nBP 387\nEP 397\nPS 1-2\nPY 2018\nER\n\nEF\n';
    expect(parseText(text, 'wos').records[0]?.item).toMatchObject({
      title: 'Holding Yourself Captive During Interviews',
      author: [{ family: 'Alceste', given: 'F' }, { family: 'Luke', given: 'TJ' }],
      page: '387-397',
    });
  });

  it('a record with a source but no title is kept, titled from it and flagged incomplete; an empty one is refused', () => {
    const t = parseText('PT J\nSO Annals of Zoology\nPY 2010\nER\n\nPT J\nNR 12\nER\n', 'wos');
    expect(t.records[0]?.item.title).toBe('[untitled] in Annals of Zoology');
    expect(t.records[0]?.warnings).toEqual(['incomplete: the record has no title; titled from its container title']);
    expect(t.failures.map((f) => f.recordNumber)).toEqual([2]);
  });
});
