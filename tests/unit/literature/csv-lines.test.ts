// A CSV row is found by its line in a spreadsheet or an editor, so CSV failures name the line the row starts on
// (header = line 1, a quoted cell over three lines counts three), under any chunking; other formats are unchanged.
import { describe, expect, it } from 'vitest';
import { createParser, createSplitter, parseText } from '../../../shared/literature/parse/index.ts';
import type { ParsedRecord, RawRecord, RecordFailure } from '../../../shared/literature/types.ts';

function split(text: string, cuts: number[]): RawRecord[] {
  const splitter = createSplitter('csv');
  const out: RawRecord[] = [];
  let from = 0;
  for (const cut of [...cuts, text.length]) {
    out.push(...splitter.push(text.slice(from, cut)));
    from = cut;
  }
  return [...out, ...splitter.end()];
}

function parseAll(raws: RawRecord[]): { ok: ParsedRecord[]; bad: RecordFailure[] } {
  const parser = createParser('csv');
  const out = raws.map((r) => parser.parse(r));
  return {
    ok: out.filter((r): r is ParsedRecord => r !== null && 'item' in r),
    bad: out.filter((r): r is RecordFailure => r !== null && 'reason' in r),
  };
}

// line 1 header; 2 one row; 3–5 a real three-line abstract; 6 blank; 7 the runaway quote; 8–11 rows it would swallow
const lines = [
  'Title,Authors,Year,Abstract',
  '"Alpha","Smith, A",2001,"short"',
  '"Beta","Jones, B",2002,"first line',
  'second line, with a comma',
  'third line"',
  '',
  '"Gamma,"Brown, C",2003,"x"',
  '"Delta","Green, D",2004,"x"',
  '"Epsilon","White, E",2005,"x"',
  '"Zeta","Black, F",2006,"x"',
  '"Eta","Gray, G",2007,"x"',
];

describe('CSV records carry the line they start on', () => {
  for (const eol of ['\n', '\r\n', '\r']) {
    it(`reports the runaway quote by line ("line 7: …") and reads the rows after it (${JSON.stringify(eol)} line ends)`, () => {
      const text = `${lines.join(eol)}${eol}`;
      // every single cut point, so a chunk may end inside a quote, inside a CRLF or right after the runaway
      for (let cut = 0; cut <= text.length; cut++) {
        const raws = split(text, [cut]);
        expect(raws.map((r) => r.line), `cut at ${cut}`).toEqual([2, 3, 7, 8, 9, 10, 11]);
        const { ok, bad } = parseAll(raws);
        expect(ok.map((r) => r.item.title)).toEqual(['Alpha', 'Beta', 'Delta', 'Epsilon', 'Zeta', 'Eta']);
        expect(bad.map((f) => f.recordNumber)).toEqual([3]);
        expect(bad[0]?.reason).toBe('line 7: unbalanced quote: a quoted field opens in this row and never closes ' +
          '(the rows after it were read on their own)');
      }
    });
  }

  it('names the lines a runaway near the end of the file took in, since they are not imported', () => {
    const text = 'Title,Authors,Year\n"One","Smith, A",2001\n"Two,"Jones, B",2002\n"Three","Brown, C",2003\n"Four","Green, D",2004\n';
    const { records, failures } = parseText(text, 'csv');
    expect(records.map((r) => r.item.title)).toEqual(['One']);
    expect(failures.map((f) => f.reason)).toEqual([
      'line 3: unbalanced quote: a quoted field opens in this row and never closes (lines 4–5 went into it and were not imported)',
    ]);
  });

  it('gives every CSV failure its line, and counts lines across many small chunks', () => {
    const text = 'Title,Authors,Year\n\n"One","Smith, A",2001\n,,\n"Two","Jones, B",2002\n';
    const raws = split(text, Array.from({ length: text.length }, (_, i) => i));
    expect(raws.map((r) => r.line)).toEqual([3, 4, 5]);
    expect(parseAll(raws).bad.map((f) => f.reason)).toEqual(['line 4: CSV row has no title, author, year or DOI']);
  });

  it('leaves the other formats\u2019 reports as they were', () => {
    const ris = parseText('TY  - JOUR\nTI  - One\nER  - \nTY  - JOUR\nER  - \n', 'ris');
    expect(ris.failures.map((f) => [f.recordNumber, f.reason])).toEqual([[2, 'RIS record has no title, author, year or DOI']]);
    const splitter = createSplitter('ris');
    expect([...splitter.push('TY  - JOUR\nTI  - One\nER  - \n'), ...splitter.end()].map((r) => r.line)).toEqual([undefined]);
  });
});
