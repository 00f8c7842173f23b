// The contract between the parsers (shared/literature/parse/, pure) and the import service (server/, I/O):
// files are split into raw records as text streams in, then each record is parsed on its own, so one bad record
// never loses another and memory stays bounded however large the file.
import { z } from 'zod';
import type { CslItem } from '../csl.ts';

export const INPUT_FORMATS = ['ris', 'bibtex', 'csl-json', 'endnote-xml', 'medline', 'wos', 'csv', 'pubmed-xml'] as const;
export const inputFormatSchema = z.enum(INPUT_FORMATS);
export type InputFormat = z.infer<typeof inputFormatSchema>;

/** One record as it stands in the file, verbatim, with its 1-based number among the file's records. */
export interface RawRecord {
  recordNumber: number;
  raw: string;
  /** what the record cannot be read without, not part of it: a CSV file's header row */
  context?: string;
  /** the 1-based line of the file where the record starts, for formats whose users count lines (CSV) */
  line?: number;
}

/** A parsed record: CSL-JSON with TeX/HTML turned into plain Unicode, names split, DOI normalised. */
export interface ParsedRecord {
  recordNumber: number;
  raw: string;
  item: CslItem;
  /** non-fatal notes, e.g. "month-only DA line ignored; year taken from PY" */
  warnings: string[];
}

export interface RecordFailure {
  recordNumber: number;
  raw: string;
  reason: string;
}

/** Text in (any chunk size, already decoded), complete raw records out, in order. */
export interface RecordSplitter {
  push(chunk: string): RawRecord[];
  end(): RawRecord[];
}

/**
 * Parses raw records of one file in order. Stateful where the format needs it (BibTeX @string macros);
 * `parse` returns null for records that are not references (BibTeX @string/@preamble/@comment).
 */
export interface RecordParser {
  parse(record: RawRecord): ParsedRecord | RecordFailure | null;
  /**
   * Call once after the last record: returns records held back (BibTeX children whose `crossref` parent comes
   * later in the file, as BibTeX requires; `parse` returned null for them). Their recordNumbers are their own.
   */
  end?(): (ParsedRecord | RecordFailure)[];
}

export const isFailure = (r: ParsedRecord | RecordFailure): r is RecordFailure => 'reason' in r;
