// The import's view of the parsers (shared/literature/parse/): format detection, a splitter and a parser per format.
import { createParser, createSplitter, detectFormat } from '../../../shared/literature/parse/index.ts';
import { formatFromName, formatLabel, sniff } from '../../../shared/literature/parse/sniff.ts';
import type { InputFormat, RecordParser, RecordSplitter } from '../../../shared/literature/types.ts';

export interface FormatPipeline {
  format: InputFormat;
  splitter: RecordSplitter;
  parser: RecordParser;
  /** what detection saw that the user should know: the content overruled the file name */
  notes: string[];
}

/**
 * A file the import cannot read as a whole. The message says what the file looks like; `needsFormat` says choosing
 * the format by hand may help, which each front end words its own way (the Format menu, --format).
 */
export class ImportFileError extends Error {
  constructor(message: string, readonly needsFormat: boolean) {
    super(message);
  }
}

/** Picks the format (forced, or detected from the first text and the file name) and builds its splitter and parser. */
export function pipelineFor(forced: InputFormat | 'auto', head: string, fileName: string, bytes: Uint8Array = new Uint8Array()): FormatPipeline {
  const seen = sniff(bytes, head);
  // a binary file is never read as text whatever its name says (a PNG named .ris)
  const format = forced !== 'auto' ? forced : seen.binary ? undefined : detectFormat(head, fileName);
  if (!format) throw new ImportFileError(`${fileName} is not a bibliography we can read (it looks like ${seen.looksLike}).`, true);
  const notes: string[] = [];
  const named = formatFromName(fileName);
  // PubMed's XML download is a .xml file as much as EndNote's is
  const bothXml = named === 'endnote-xml' && format.endsWith('-xml');
  if (forced === 'auto' && named && named !== format && !bothXml) {
    notes.push(`${fileName} is named like ${formatLabel(named)} but its content is ${formatLabel(format)}: it was read as ${formatLabel(format)}.`);
  }
  return { format, splitter: createSplitter(format), parser: createParser(format), notes };
}
