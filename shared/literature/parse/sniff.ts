// What a file looks like, in words a researcher recognises, for the messages of an import that cannot read it:
// "it looks like an image (PNG)", "it looks like PubMed XML". Reads the first bytes (binary signatures) and the
// first decoded text; never decides the format (parse/index.ts does), only describes.

/** How the formats are named on screen and in messages. */
const FORMAT_LABELS: Record<string, string> = {
  ris: 'RIS', bibtex: 'BibTeX', 'csl-json': 'CSL-JSON', 'endnote-xml': 'EndNote XML', medline: 'MEDLINE',
  wos: 'Web of Science', csv: 'CSV', 'pubmed-xml': 'PubMed XML',
};

export const formatLabel = (format: string): string => FORMAT_LABELS[format] ?? format;

/** The format a file's name suggests, or undefined. (The content decides; the name only breaks ties.) */
const EXTENSIONS: [RegExp, string][] = [
  [/\.ris$/i, 'ris'],
  [/\.(bib|bibtex|biblatex)$/i, 'bibtex'],
  [/\.(json|csljson)$/i, 'csl-json'],
  [/\.xml$/i, 'endnote-xml'],
  [/\.(nbib|medline)$/i, 'medline'],
  [/\.(csv|tsv)$/i, 'csv'],
];

export function formatFromName(fileName: string | undefined): string | undefined {
  if (!fileName) return undefined;
  for (const [re, f] of EXTENSIONS) if (re.test(fileName)) return f;
  return undefined;
}

export interface Sniffed {
  /** e.g. "an image (PNG)", "PubMed XML", "plain text" */
  looksLike: string;
  /** the bibliography format the content looks like, when it looks like one */
  format?: string;
  /** not text at all: no format choice will read it */
  binary: boolean;
}

const startsWith = (b: Uint8Array, sig: number[], at = 0): boolean => sig.every((x, i) => b[at + i] === x);
const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

const SIGNATURES: [(b: Uint8Array) => boolean, string][] = [
  [(b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47]), 'an image (PNG)'],
  [(b) => startsWith(b, [0xff, 0xd8, 0xff]), 'an image (JPEG)'],
  [(b) => startsWith(b, ascii('GIF8')), 'an image (GIF)'],
  [(b) => startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8), 'an image (WebP)'],
  [(b) => startsWith(b, ascii('II*\0')) || startsWith(b, ascii('MM\0*')), 'an image (TIFF)'],
  [(b) => startsWith(b, ascii('%PDF')), 'a PDF document'],
  [(b) => startsWith(b, [0xd0, 0xcf, 0x11, 0xe0]), 'an older Word or Excel document (.doc, .xls)'],
  [(b) => startsWith(b, [0x1f, 0x8b]), 'a compressed file (gzip)'],
  [(b) => startsWith(b, ascii('7z')) && b[2] === 0xbc, 'a compressed file (7z)'],
  [(b) => startsWith(b, ascii('SQLite format 3')), 'a database file (SQLite)'],
];

function zipKind(b: Uint8Array): string {
  const head = new TextDecoder('latin1').decode(b.subarray(0, 4096));
  if (head.includes('word/')) return 'a Word document (.docx)';
  if (head.includes('xl/')) return 'an Excel workbook (.xlsx)';
  if (head.includes('ppt/')) return 'a PowerPoint file (.pptx)';
  return 'a ZIP archive';
}

/** Text checks in the order that tells the formats apart (the more specific first). */
const TEXT_KINDS: [RegExp, string, string?][] = [
  [/<PubmedArticleSet|<PubmedArticle[\s>]|<PubmedBookArticle[\s>]/, 'PubMed XML', 'pubmed-xml'],
  [/^\s*(?:<\?xml[^>]*>\s*)?<xml>\s*<records>|<record>\s*<database/, 'EndNote XML', 'endnote-xml'],
  [/^\s*(?:<!doctype html|<html[\s>])/i, 'a web page (HTML)'],
  [/^\s*<\?xml|^\s*<[A-Za-z][\w:-]*[\s>]/, 'XML of a kind that is not a bibliography export'],
  [/^\s*\{\\rtf/, 'a rich-text document (RTF)'],
  [/^FN .*\n(?:.*\n)?VR |^PT [A-Z]\s*$/m, 'Web of Science', 'wos'],
  [/^TY {1,2}- /m, 'RIS', 'ris'],
  [/^(?:PMID|OWN) ?- /m, 'MEDLINE', 'medline'],
  [/^[ \t]*@[ \t]*[a-z]+[ \t]*[{(]/im, 'BibTeX', 'bibtex'],
  [/^\s*[[{]/, 'JSON', 'csl-json'],
];

/** Describes a file from its first bytes and the start of its decoded text. */
export function sniff(bytes: Uint8Array, text: string): Sniffed {
  for (const [test, looksLike] of SIGNATURES) if (test(bytes)) return { looksLike, binary: true };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return { looksLike: zipKind(bytes), binary: true };
  const sample = bytes.subarray(0, 4096);
  // UTF-16 text has NULs on every other byte; the decoder has read that already, so test the text, not the bytes
  const t = text.replace(/^\uFEFF/, '').slice(0, 64 * 1024);
  if (sample.includes(0) && t.slice(0, 4096).includes('\0')) return { looksLike: 'a binary file, not text', binary: true };
  if (!t.trim()) return { looksLike: 'an empty file (only blank space)', binary: false };
  for (const [re, looksLike, format] of TEXT_KINDS) {
    if (re.test(t)) return format ? { looksLike, format, binary: false } : { looksLike, binary: false };
  }
  const first = t.trim().split(/\r\n|\r|\n/, 1)[0] ?? '';
  const excerpt = first.length > 40 ? `${first.slice(0, 40)}…` : first;
  const delimited = /[,;\t]/.test(first) && first.split(/[,;\t]/).length >= 3;
  return { looksLike: delimited ? `a table whose first row is "${excerpt}" (no Title column)` : `plain text starting "${excerpt}"`, binary: false };
}
