// A paste that is not one clean format: split into what looks like separate records (blank lines, @ heads, TY
// lines, DOIs on their own line), each part numbered in paste order, text reported with its lines and why.
import { describe, expect, it } from 'vitest';
import { splitMixedPaste } from '../../shared/citations/parse-adapter.ts';

const GARBAGE = `Smith J. Some paper I copied from a PDF. Journal of Things 2019;4:1-9.

@article{good, title={A good one},
  author={Doe, Jane}, year={2020}}
notes typed under the entry
TY  - JOUR
TI  - RIS one
AU  - Roe, R
PY  - 2018
ER  - 
10.1234/abc.def
see also https://doi.org/10.5555/inline.1 in the text

@book{second, title={{Braced} title}, author={Poe, E}, year={1999}}
AU  - Orphan, Tag
TI  - no type line`;

describe('splitMixedPaste', () => {
  it('splits a garbage paste into parts by blank lines, @ heads, TY lines and DOI lines, in paste order', () => {
    const plan = splitMixedPaste(GARBAGE);
    expect(plan).toBeDefined();
    const pieces = plan?.pieces ?? [];
    expect(pieces.map((p) => [p.record.recordNumber, p.kind === 'record' ? p.format : p.kind])).toEqual([
      [1, 'failure'], [2, 'bibtex'], [3, 'failure'], [4, 'ris'], [5, 'doi'], [6, 'failure'], [7, 'bibtex'], [8, 'failure'],
    ]);
    const reasons = pieces.flatMap((p) => (p.kind === 'failure' ? [p.reason] : []));
    expect(reasons).toEqual([
      'line 1: looks like a formatted reference (plain text): paste it as BibTeX or RIS, its DOI, or add it with the form',
      'line 5: is not a reference in a format we read (BibTeX starts with @type{, RIS with "TY  - ", or a DOI on its own line)',
      'line 12: holds the DOI 10.5555/inline.1 inside other text: paste the DOI on a line of its own',
      'lines 15–16: RIS lines without a "TY  - " line to start the record',
    ]);
    expect(pieces[1]?.record.raw).toBe('@article{good, title={A good one},\n  author={Doe, Jane}, year={2020}}');
    expect(pieces[3]?.record.raw.split('\n')).toEqual(['TY  - JOUR', 'TI  - RIS one', 'AU  - Roe, R', 'PY  - 2018', 'ER  -']);
    expect(pieces[4]?.record.raw).toBe('10.1234/abc.def');
    // the most common kind names the paste
    expect(plan?.format).toBe('bibtex');
  });

  it('leaves a paste in one clean format to that format\'s own splitter', () => {
    expect(splitMixedPaste('@book{a, title={A}}\n\n@article{b, title={B}}')).toBeUndefined();
    expect(splitMixedPaste('TY  - JOUR\nTI  - A\nER  - \n\nTY  - BOOK\nTI  - B\nER  - ')).toBeUndefined();
    expect(splitMixedPaste('10.1000/a1\n10.1000/a2')).toBeUndefined();
    expect(splitMixedPaste('[{"type":"book","title":"A"}]')).toBeUndefined();
    // BibTeX comments between entries are not text to report
    expect(splitMixedPaste('% my library\n@book{a, title={A}}\n% end')).toBeUndefined();
  });

  it('leaves a paste with no reference at all to the single refusal', () => {
    expect(splitMixedPaste('hello world\n\nanother line')).toBeUndefined();
  });

  it('keeps a BibTeX entry with blank lines inside its braces whole, and closes an unbalanced one at the end', () => {
    const plan = splitMixedPaste('intro\n@article{x,\n  abstract={one\n\ntwo},\n  title={T}}\n\n@misc{open, title={never closed}');
    expect(plan?.pieces.map((p) => p.kind)).toEqual(['failure', 'record', 'record']);
    expect(plan?.pieces[1]?.record.raw).toContain('one\n\ntwo');
    expect(plan?.pieces[2]?.record.raw).toBe('@misc{open, title={never closed}');
  });
});
