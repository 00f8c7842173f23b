import { describe, expect, it } from 'vitest';
import { csvCell, renderCsv } from '../../shared/export/csv.ts';
import { renderMarkdown } from '../../shared/export/markdown.ts';

describe('CSV (RFC 4180, spreadsheet-safe)', () => {
  it('quotes commas, quotes and line breaks, doubling inner quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    for (const evil of ['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\tTAB', '\rCR']) {
      const cell = csvCell(evil);
      expect(cell.replace(/^"/, '').startsWith("'")).toBe(true);
    }
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('ends every record with CRLF and can start with a BOM', () => {
    const table = { caption: 'c', header: ['A', 'B'], rows: [['1', '2']] };
    expect(renderCsv(table)).toBe('A,B\r\n1,2\r\n');
    expect(renderCsv(table, { bom: true }).startsWith('\uFEFFA,B')).toBe(true);
  });
});

describe('Markdown table', () => {
  it('escapes pipes and keeps line breaks inside a cell', () => {
    const md = renderMarkdown({ caption: 'Cap', header: ['A', 'B'], rows: [['x | y', 'l1\nl2']] });
    expect(md).toContain('| x \\| y | l1<br>l2 |');
    expect(md.split('\n')[2]).toBe('| A | B |');
  });
});
