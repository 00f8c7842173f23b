// Property: in every tagged format (RIS, MEDLINE with and without PMIDs, Web of Science indented or not), a record
// that carries its format's record marker is either imported or reported, exactly once, however the text is
// chunked, whatever fields it has or lacks, and whatever its text lines look like.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { streamParse } from './support.ts';
import type { InputFormat, ParsedRecord, RecordFailure } from '../../../shared/literature/types.ts';

// FC_RUNS=2000 for a deeper local run.
const RUNS = Number(process.env.FC_RUNS ?? 150);


// Words that look like the formats' tags, so text lines test the line classification too ("DE novo", "OR 2.5").
const WORDS = ['growth', 'lizards', 'Smith', 'RE', 'DE', 'OR', 'CI', 'AU', 'TI', 'PT', 'ER', 'novo', '2.5', 'of', 'USA', 'x'];
// Two words at least: a line that is only "ER" ends a record in RIS and WoS alike, by design.
const text = fc.array(fc.constantFrom(...WORDS), { minLength: 2, maxLength: 8 }).map((w) => w.join(' '));
const lines = fc.array(text, { minLength: 1, maxLength: 3 });
const eol = fc.constantFrom('\n', '\r\n');

interface Rec {
  title?: string[];
  authors: string[];
  container?: string;
  year?: number;
  abstract?: string[];
  junk: string[];
}

const rec: fc.Arbitrary<Rec> = fc.record(
  {
    title: lines,
    authors: fc.array(fc.constantFrom('Smith, J', 'Jones, Kate', 'Lee M', 'World Health Organization'), { maxLength: 3 }),
    container: text,
    year: fc.integer({ min: 1900, max: 2030 }),
    abstract: lines,
    junk: fc.array(text, { maxLength: 2 }),
  },
  { requiredKeys: ['authors', 'junk'] },
);

type Writer = (r: Rec, n: number) => string[];

// Each writer puts the record marker in every record and nowhere else. The last entry says whether a record with
// nothing usable must be refused: in unindented WoS a text line "TI growth" before the record has a TI is a field
// (the known-tag rule's one blind spot), so there a record's text can give it a title or an author.
const WRITERS: Record<string, [InputFormat, Writer, boolean]> = {
  RIS: [
    'ris',
    (r, n) => [
      'TY  - JOUR',
      ...(r.title ? [`TI  - ${r.title[0]}`, ...r.title.slice(1)] : []),
      ...r.authors.map((a) => `${n % 2 ? 'A1' : 'AU'}  - ${a}`),
      ...(r.container ? [`T2  - ${r.container}`] : []),
      ...(r.year ? [`PY  - ${r.year}`] : []),
      ...(r.abstract ? [`AB  - ${r.abstract[0]}`, ...r.abstract.slice(1)] : []),
      ...r.junk.map((j) => `N1  - ${j}`),
      'ER  - ',
    ],
    true,
  ],
  'MEDLINE (PubMed)': [
    'medline',
    (r, n) => [
      `PMID- ${1000 + n}`,
      'OWN - NLM',
      ...(r.title ? [`TI  - ${r.title[0]}`, ...r.title.slice(1).map((l) => `      ${l}`)] : []),
      ...r.authors.map((a) => `FAU - ${a}`),
      ...(r.container ? [`JT  - ${r.container}`] : []),
      ...(r.year ? [`DP  - ${r.year}`] : []),
      ...(r.abstract ? [`AB  - ${r.abstract[0]}`, ...r.abstract.slice(1).map((l) => `      ${l}`)] : []),
      '',
    ],
    true,
  ],
  'MEDLINE without PMIDs (ERIC)': [
    'medline',
    (r, n) => [
      'OWN - ERIC',
      ...(r.title ? [`TI  - ${r.title[0]}`, ...r.title.slice(1).map((l) => `      ${l}`)] : []),
      ...r.authors.map((a) => `AU  - ${a}`),
      ...(r.container ? [`JT  - ${r.container}`] : []),
      ...(r.year ? [`DP  - ${r.year}`] : []),
      ...(r.abstract ? [`AB  - ${r.abstract[0]}`, ...r.abstract.slice(1).map((l) => `      ${l}`)] : []),
      `OID - EJ${100000 + n}`,
      ...(n % 3 ? [''] : []),
    ],
    true,
  ],
  'Web of Science (indented)': [
    'wos',
    (r) => [
      'PT J',
      ...(r.authors.length ? [`AU ${r.authors[0]}`, ...r.authors.slice(1).map((a) => `   ${a}`)] : []),
      ...(r.title ? [`TI ${r.title[0]}`, ...r.title.slice(1).map((l) => `   ${l}`)] : []),
      ...(r.container ? [`SO ${r.container}`] : []),
      ...(r.abstract ? [`AB ${r.abstract[0]}`, ...r.abstract.slice(1).map((l) => `   ${l}`)] : []),
      ...(r.year ? [`PY ${r.year}`] : []),
      'ER',
      '',
    ],
    true,
  ],
  'Web of Science (not indented, BIOSIS)': [
    'wos',
    (r) => [
      'PT J',
      ...(r.authors.length ? [`AU ${r.authors[0]}`, ...r.authors.slice(1)] : []),
      ...(r.title ? [`TI ${r.title[0]}`, ...r.title.slice(1)] : []),
      ...(r.container ? [`SO ${r.container}`] : []),
      ...(r.abstract ? [`AB ${r.abstract[0]}`, ...r.abstract.slice(1)] : []),
      ...(r.year ? [`PY ${r.year}`] : []),
      'ER',
      '',
    ],
    false,
  ],
};

const usable = (r: Rec): boolean => Boolean(r.title || r.authors.length || r.container || r.year);

describe('a record that carries a marker is imported or reported, exactly once', () => {
  for (const [name, [format, write, strict]] of Object.entries(WRITERS)) {
    it(name, () => {
      fc.assert(
        fc.property(fc.array(rec, { minLength: 1, maxLength: 6 }), eol, fc.array(fc.nat(), { maxLength: 5 }), (recs, nl, cuts) => {
          const file = recs.map((r, i) => write(r, i).join(nl)).join(nl) + nl;
          const out = streamParse(format, file, cuts);
          expect(out.map((x) => x.recordNumber)).toEqual(recs.map((_, i) => i + 1));
          recs.forEach((r, i) => {
            const got = out[i] as ParsedRecord | RecordFailure;
            // the ones with something usable are imported, the others reported with a reason
            if (usable(r) || strict) expect('item' in got, `record ${i + 1}`).toBe(usable(r));
            if ('item' in got) {
              if (r.title) expect(got.item.title).toContain(r.title[0]?.split(' ')[0]);
              else if (strict) expect(got.warnings.some((w) => w.startsWith('incomplete:')), `record ${i + 1}`).toBe(true);
            } else {
              expect(got.reason).toMatch(/no /);
            }
          });
        }),
        { numRuns: RUNS },
      );
    });
  }
});
