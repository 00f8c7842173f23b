// Entry point of the literature parsers: detect a file's format from its first characters, split the text stream
// into raw records, parse each record on its own. Nothing here throws on bad input: a bad record is a RecordFailure.
import { inputFormatSchema, type InputFormat, type ParsedRecord, type RawRecord, type RecordFailure, type RecordParser, type RecordSplitter } from '../types.ts';
import { BibtexParser, BibtexSplitter } from './bibtex.ts';
import { CslJsonParser, CslJsonSplitter } from './csl-json.ts';
import { CsvParser, CsvSplitter, looksLikeCsvHeader } from './csv.ts';
import { EndnoteXmlParser, EndnoteXmlSplitter } from './endnote-xml.ts';
import { MedlineParser, MedlineSplitter } from './medline.ts';
import { PubmedXmlParser, PubmedXmlSplitter } from './pubmed-xml.ts';
import { RisParser, RisSplitter } from './ris.ts';
import { formatFromName } from './sniff.ts';
import { WosParser, WosSplitter } from './wos.ts';

export { isFailure } from '../types.ts';

/**
 * The format of a file from its first few kilobytes (and, when the content is not conclusive, its name).
 * Content wins over the extension: PubMed's ".txt" may be MEDLINE, RIS or WoS.
 */
export function detectFormat(head: string, fileName?: string): InputFormat | undefined {
  const text = head.replace(/^\uFEFF/, '');
  const start = text.trimStart();
  // before EndNote's rule: PubMed's XML download is a .xml file too
  if (start.startsWith('<') && /<PubmedArticleSet[\s>]|<PubmedArticle[\s>]|<PubmedBookArticle[\s>]/.test(text)) return 'pubmed-xml';
  if (/^<\?xml|^<xml>|^<records>/.test(start) && /<record[\s>]/.test(text)) return 'endnote-xml';
  if ((start.startsWith('[') || start.startsWith('{')) && /"(?:type|title|id|author)"\s*:/.test(text)) return 'csl-json';
  if (/^FN .*\n(?:.*\n)?VR /m.test(text) || (/^PT [A-Z]\s*$/m.test(text) && /^(?:AU|TI|SO) /m.test(text))) return 'wos';
  const hits: [number, InputFormat][] = [];
  const find = (re: RegExp, f: InputFormat): void => {
    const m = re.exec(text);
    if (m) hits.push([m.index, f]);
  };
  find(/^TY {1,2}- /m, 'ris');
  find(/^PMID- ?\d/m, 'medline');
  // ERIC and other databases write MEDLINE without PMIDs: their records start with OWN
  find(/^OWN - \S/m, 'medline');
  find(/^[ \t]*@[ \t]*(?:article|book|inbook|incollection|inproceedings|conference|misc|phdthesis|mastersthesis|thesis|techreport|report|online|unpublished|proceedings|manual|booklet|string|preamble|comment|collection|electronic|www|patent|dataset|software|[a-z]+)[ \t]*[{(]/im, 'bibtex');
  hits.sort((a, b) => a[0] - b[0]);
  if (hits[0]) return hits[0][1];
  if (looksLikeCsvHeader(text)) return 'csv';
  const named = formatFromName(fileName);
  return inputFormatSchema.safeParse(named).data;
}

export function createSplitter(format: InputFormat): RecordSplitter {
  switch (format) {
    case 'ris':
      return new RisSplitter();
    case 'bibtex':
      return new BibtexSplitter();
    case 'csl-json':
      return new CslJsonSplitter();
    case 'endnote-xml':
      return new EndnoteXmlSplitter();
    case 'medline':
      return new MedlineSplitter();
    case 'wos':
      return new WosSplitter();
    case 'csv':
      return new CsvSplitter();
    case 'pubmed-xml':
      return new PubmedXmlSplitter();
  }
}

/** Wraps a format parser so that even an unforeseen bug in it fails one record, never the file. */
class SafeParser implements RecordParser {
  constructor(private readonly inner: RecordParser) {}

  parse(record: RawRecord): ParsedRecord | RecordFailure | null {
    try {
      return this.inner.parse(record);
    } catch (e) {
      return { recordNumber: record.recordNumber, raw: record.raw, reason: `parser error: ${(e as Error).message}` };
    }
  }

  end(): (ParsedRecord | RecordFailure)[] {
    try {
      return this.inner.end?.() ?? [];
    } catch {
      return [];
    }
  }
}

export function createParser(format: InputFormat): RecordParser {
  const inner: RecordParser = (() => {
    switch (format) {
      case 'ris':
        return new RisParser();
      case 'bibtex':
        return new BibtexParser();
      case 'csl-json':
        return new CslJsonParser();
      case 'endnote-xml':
        return new EndnoteXmlParser();
      case 'medline':
        return new MedlineParser();
      case 'wos':
        return new WosParser();
      case 'csv':
        return new CsvParser();
      case 'pubmed-xml':
        return new PubmedXmlParser();
    }
  })();
  return new SafeParser(inner);
}

export interface ParseResult {
  format: InputFormat;
  records: ParsedRecord[];
  failures: RecordFailure[];
}

/** Whole text at once (tests, pasted references, small files); the import service streams instead. */
export function parseText(text: string, format?: InputFormat, fileName?: string): ParseResult {
  const fmt = format ?? detectFormat(text.slice(0, 64 * 1024), fileName);
  if (!fmt) throw new UnknownFormatError(fileName);
  const splitter = createSplitter(fmt);
  const parser = createParser(fmt);
  const records: ParsedRecord[] = [];
  const failures: RecordFailure[] = [];
  const take = (r: ParsedRecord | RecordFailure | null): void => {
    if (r === null) return;
    if ('reason' in r) failures.push(r);
    else records.push(r);
  };
  for (const raw of [...splitter.push(text), ...splitter.end()]) take(parser.parse(raw));
  for (const r of parser.end?.() ?? []) take(r);
  records.sort((a, b) => a.recordNumber - b.recordNumber);
  failures.sort((a, b) => a.recordNumber - b.recordNumber);
  return { format: fmt, records, failures };
}

export class UnknownFormatError extends Error {
  constructor(fileName?: string) {
    super(
      `could not tell the format of ${fileName ?? 'the text'}: expected RIS, BibTeX, CSL-JSON, EndNote XML, ` +
        'PubMed MEDLINE, PubMed XML, Web of Science or CSV with a Title column',
    );
  }
}
