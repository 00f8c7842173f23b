// The one place the citation code meets the parsers and writers: pasted text goes through the literature
// library's importer (shared/literature/parse/), exports through its writers (shared/literature/write/), so an
// exported file imports back through the same code. Records are split first and parsed one at a time: one bad
// record never loses another. DOIs are the citations' own addition: they are looked up, not parsed.
import type { CslItem } from '../csl.ts';
import { createParser, createSplitter, detectFormat } from '../literature/parse/index.ts';
import type { ParsedRecord, RawRecord, RecordFailure } from '../literature/types.ts';
import { writeBibtex as writeBibtexItems } from '../literature/write/bibtex.ts';
import { writeRis as writeRisItems } from '../literature/write/ris.ts';
import type { PasteFormat } from './model.ts';
import { normalizeCsl, normalizeDoi } from './normalize.ts';

/** Guesses what was pasted: DOIs, or any format the library imports; undefined when it is none of them. */
export function detectPasteFormat(text: string): PasteFormat | undefined {
  // one token per line and at least one DOI among them: a DOI list (the tokens that are not DOIs get reported)
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  if (lines.length > 0 && lines.every((l) => !/\s/.test(l)) && lines.some((l) => normalizeDoi(l) !== undefined)) return 'doi';
  return detectFormat(text.slice(0, 64 * 1024));
}

export function splitRecords(text: string, format: PasteFormat): RawRecord[] {
  if (format === 'doi') return text.split(/\s+/).filter(Boolean).map((raw, i) => ({ recordNumber: i + 1, raw }));
  const splitter = createSplitter(format);
  return [...splitter.push(text), ...splitter.end()];
}

export interface CitationRecordParser {
  /** null for records that are not references (BibTeX @string, @comment) and for DOIs, which need a look-up */
  parse(record: RawRecord): ParsedRecord | RecordFailure | null;
  /** records the format could only finish at the end (BibTeX entries whose crossref parent came later) */
  end(): (ParsedRecord | RecordFailure)[];
}

const clean = (r: ParsedRecord | RecordFailure): ParsedRecord | RecordFailure =>
  'reason' in r ? r : { ...r, item: normalizeCsl(r.item, { markupToText: true }) };

export function createRecordParser(format: PasteFormat): CitationRecordParser {
  if (format === 'doi') return { parse: () => null, end: () => [] };
  const parser = createParser(format);
  return {
    parse(record) {
      const out = parser.parse(record);
      return out === null ? null : clean(out);
    },
    end: () => (parser.end?.() ?? []).map(clean),
  };
}

export interface KeyedItem {
  citekey: string;
  csl: CslItem;
}

const keyed = (items: KeyedItem[]): CslItem[] => items.map((i) => ({ ...i.csl, id: i.citekey, 'citation-key': i.citekey }));

export function writeBibtex(items: KeyedItem[]): string {
  return writeBibtexItems(keyed(items));
}

export function writeRis(items: KeyedItem[]): string {
  return writeRisItems(keyed(items));
}
