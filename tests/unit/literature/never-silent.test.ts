// The pieces that keep an import from ever reporting "0 records, 0 failed" on a file that held something: the
// record markers a file announces (counted apart from the splitters) and what a file that is not one looks like.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMarkerCounter } from '../../../shared/literature/parse/markers.ts';
import { formatFromName, sniff } from '../../../shared/literature/parse/sniff.ts';
import { detectFormat, parseText } from '../../../shared/literature/parse/index.ts';

const count = (format: string, text: string, chunk = text.length || 1): number | null => {
  const c = createMarkerCounter(format);
  for (let i = 0; i < text.length; i += chunk) c.push(text.slice(i, i + chunk));
  return c.end()?.count ?? null;
};
const bytes = (s: string | number[]): Uint8Array => (typeof s === 'string' ? new TextEncoder().encode(s) : Uint8Array.from(s));
const ris = (title: string): string => `TY  - JOUR\r\nTI  - ${title}\r\nER  - \r\n\r\n`;

describe('record markers', () => {
  it('counts what each format announces, however the text is chunked', () => {
    const cases: [string, string, number][] = [
      ['ris', `${ris('A')}${ris('B')}TY  - BOOK\nTI  - no ER line at the end\n`, 3],
      // a stray ER line is not a record; a record whose TY line is missing but which ends in ER is one
      ['ris', 'ER  - \nTI  - untyped but closed\nER  - \n', 1],
      ['wos', 'FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Smith, J\nTI A\nER\n\nPT J\nTI B\nER\n\nEF\n', 2],
      ['bibtex', '@string{j = "Journal"}\n@comment{jabref}\n@article{a, title={A}}\n  @Book{b,\n title={B}}\n', 2],
      ['endnote-xml', '<?xml version="1.0"?><xml><records><record><titles/></record><record>\n<titles/></record></records></xml>', 2],
      ['pubmed-xml', '<PubmedArticleSet><PubmedArticle><x/></PubmedArticle><PubmedBookArticle>y</PubmedBookArticle></PubmedArticleSet>', 2],
      ['medline', 'PMID- 1\nTI  - A\n\nPMID- 2\nTI  - B\n', 2],
      // ERIC writes no PMID: its records start with their own first tag
      ['medline', 'OWN - ERIC\nTI  - A\n\nOWN - ERIC\nTI  - B\n\nOWN - ERIC\nTI  - C\n', 3],
    ];
    for (const [format, text, n] of cases) {
      for (const chunk of [1, 3, 7, text.length]) expect(count(format, text, chunk), `${format} in chunks of ${chunk}`).toBe(n);
    }
    expect(count('csv', 'Title\nA\n')).toBeNull();
    expect(count('csl-json', '[{"title":"A"}]')).toBeNull();
  });

  it('keeps only the start of a line: a 5 MB line costs no memory and still counts', () => {
    const c = createMarkerCounter('ris');
    c.push('TY  - JOUR\nAB  - ');
    for (let i = 0; i < 50; i++) c.push('x'.repeat(100_000));
    c.push('\nER  - \n');
    expect(c.end()).toEqual({ name: 'TY/ER lines', count: 1 });
  });

  it('on well-formed files of every format, the splitters bring out as many records as the markers announce', () => {
    const title = fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,30}$/);
    const formats: [string, (t: string) => string][] = [
      ['ris', (t) => `TY  - JOUR\nTI  - ${t}\nER  - \n\n`],
      ['wos', (t) => `PT J\nTI ${t}\nER\n\n`],
      ['bibtex', (t) => `@article{k${t.length}${t.charCodeAt(0)},\n  title = {${t}}\n}\n\n`],
      ['medline', (t) => `PMID- ${t.length + 1}\nTI  - ${t}\n\n`],
      ['endnote-xml', (t) => `<record><ref-type name="Journal Article">17</ref-type><titles><title>${t}</title></titles></record>`],
    ];
    for (const [format, record] of formats) {
      fc.assert(fc.property(fc.array(title, { minLength: 1, maxLength: 12 }), (titles) => {
        let text = titles.map(record).join('');
        if (format === 'endnote-xml') text = `<?xml version="1.0"?><xml><records>${text}</records></xml>`;
        if (format === 'wos') text = `FN Web of Science\nVR 1.0\n${text}EF\n`;
        const r = parseText(text, format as never);
        expect(r.records.length + r.failures.length).toBe(count(format, text));
      }), { numRuns: 40 });
    }
  });
});

describe('what a file looks like', () => {
  it('names binary files by their signature, whatever they are called', () => {
    expect(sniff(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), '\uFFFDPNG\r\n')).toEqual({ looksLike: 'an image (PNG)', binary: true });
    expect(sniff(bytes('%PDF-1.7\n'), '%PDF-1.7\n').looksLike).toBe('a PDF document');
    expect(sniff(bytes([0x50, 0x4b, 0x03, 0x04, ...bytes('....word/document.xml')]), 'PK').looksLike).toBe('a Word document (.docx)');
    expect(sniff(bytes([0xff, 0xd8, 0xff, 0xe0]), '').looksLike).toBe('an image (JPEG)');
  });

  it('tells the bibliography formats and common text files apart', () => {
    const t = (s: string) => sniff(bytes(s), s);
    expect(t('<?xml version="1.0"?>\n<!DOCTYPE PubmedArticleSet>\n<PubmedArticleSet><PubmedArticle>')).toMatchObject({ looksLike: 'PubMed XML', format: 'pubmed-xml' });
    expect(t('<?xml version="1.0" encoding="UTF-8"?><xml><records><record><database name="x.enl">')).toMatchObject({ format: 'endnote-xml' });
    expect(t('<!DOCTYPE html><html><head>')).toMatchObject({ looksLike: 'a web page (HTML)', binary: false });
    expect(t('@article{a,\n title={A}}')).toMatchObject({ format: 'bibtex' });
    expect(t('\n\nTY  - JOUR\nTI  - A\n')).toMatchObject({ format: 'ris' });
    expect(t('OWN - ERIC\nTI  - A\n')).toMatchObject({ format: 'medline' });
    expect(t('   \n\t\n').looksLike).toBe('an empty file (only blank space)');
    expect(t('Minutes of the steering group\nAttendees: all\n').looksLike).toBe('plain text starting "Minutes of the steering group"');
    expect(t('Name,Year,Journal\nA,2020,B\n').looksLike).toBe('a table whose first row is "Name,Year,Journal" (no Title column)');
  });

  it('reads UTF-16 text as text, not as a binary file', () => {
    const s = 'TY  - JOUR\nTI  - A\n';
    const utf16 = new Uint8Array(s.length * 2);
    for (let i = 0; i < s.length; i++) utf16[i * 2] = s.charCodeAt(i);
    expect(sniff(utf16, s)).toMatchObject({ format: 'ris', binary: false });
  });

  it('takes a format from a file name only as a hint', () => {
    expect(formatFromName('export.RIS')).toBe('ris');
    expect(formatFromName('pubmed-set.nbib')).toBe('medline');
    expect(formatFromName('notes.txt')).toBeUndefined();
    expect(detectFormat('Title,Year\n', 'x.ris')).toBe('csv');
    expect(detectFormat('nothing to see', 'x.ris')).toBe('ris');
  });

  it('detects MEDLINE without PMIDs (ERIC) whatever the file is called', () => {
    expect(detectFormat('OWN - ERIC\nSTAT- Publisher\nTI  - A study of mentoring\n', 'eric-export.txt')).toBe('medline');
  });
});
