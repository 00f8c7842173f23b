// The import's view of the parsers (shared/literature/parse/): format detection, a splitter and a parser per format.
import { createParser, createSplitter, detectFormat } from '../../../shared/literature/parse/index.ts';
import type { InputFormat, RecordParser, RecordSplitter } from '../../../shared/literature/types.ts';

export interface FormatPipeline {
  format: InputFormat;
  splitter: RecordSplitter;
  parser: RecordParser;
}

/** Picks the format (forced, or detected from the first text and the file name) and builds its splitter and parser. */
export function pipelineFor(forced: InputFormat | 'auto', head: string, fileName: string): FormatPipeline {
  const format = forced === 'auto' ? detectFormat(head, fileName) : forced;
  if (!format) {
    throw new Error(`Cannot tell the format of ${fileName}: it is not RIS, BibTeX, CSL-JSON, EndNote XML, MEDLINE, Web of Science or CSV. Name it with --format.`);
  }
  return { format, splitter: createSplitter(format), parser: createParser(format) };
}
