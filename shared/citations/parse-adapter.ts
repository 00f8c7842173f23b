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

/** One record of a paste split by what each part looks like, numbered in paste order. */
export type PastePiece =
  | { kind: 'record'; format: Exclude<PasteFormat, 'doi'>; record: RawRecord }
  | { kind: 'doi'; record: RawRecord }
  | { kind: 'failure'; record: RawRecord; reason: string };

const BIBTEX_HEAD = /^\s*@\s*[a-z]+\s*[{(]/i;
const RIS_HEAD = /^TY {1,2}- /;
const RIS_TAG = /^[A-Z][A-Z0-9] {1,2}- ?/;
const RIS_END = /^ER {1,2}-/;

/** How far the braces (or the parentheses of `@type(…)`) of a BibTeX entry are open after this line. */
function depthAfter(line: string, depth: number, open: string): number {
  const close = open === '(' ? ')' : '}';
  let d = depth;
  for (const ch of line) {
    if (ch === open || (open === '(' && ch === '{')) d++;
    else if (ch === close || (open === '(' && ch === '}')) d--;
  }
  return d;
}

/** Why a part that is none of the formats cannot be read, in the words of the paste box. */
function unreadable(lines: string[]): string {
  const text = lines.join('\n');
  if (lines.some((l) => RIS_TAG.test(l))) return 'RIS lines without a "TY  - " line to start the record';
  const doi = /\b10\.\d{4,9}\/\S+/.exec(text)?.[0];
  if (doi) return `holds the DOI ${doi.replace(/[.,;)]+$/, '')} inside other text: paste the DOI on a line of its own`;
  if (/\b(1[5-9]|20)\d{2}\b/.test(text) && text.split(/\s+/).length >= 4) {
    return 'looks like a formatted reference (plain text): paste it as BibTeX or RIS, its DOI, or add it with the form';
  }
  return 'is not a reference in a format we read (BibTeX starts with @type{, RIS with "TY  - ", or a DOI on its own line)';
}

/**
 * A paste that mixes formats or holds text between records, split into what looks like separate records: a BibTeX
 * entry from its `@type{` to its closing brace, a RIS record from `TY  -` to `ER  -` (or a blank line), a DOI on a line
 * of its own, and any other run of lines up to a blank line, which is reported with its lines and what it looks
 * like. Undefined when the paste is one format throughout (it then goes through that format's own splitter) or
 * when none of it is a reference.
 */
export function splitMixedPaste(text: string): { format: PasteFormat; pieces: PastePiece[] } | undefined {
  const detected = detectPasteFormat(text);
  if (detected !== undefined && detected !== 'bibtex' && detected !== 'ris') return undefined;
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  type Part = { kind: 'bibtex' | 'ris' | 'doi' | 'text'; from: number; lines: string[] };
  const parts: Part[] = [];
  let open: Part | undefined;
  let depth = 0;
  let opener = '{';
  const close = () => {
    if (open) parts.push(open);
    open = undefined;
  };
  for (const [i, line] of lines.entries()) {
    const blank = line.trim() === '';
    if (open?.kind === 'bibtex') {
      open.lines.push(line);
      depth = depthAfter(line, depth, opener);
      if (depth <= 0) close();
      continue;
    }
    if (open?.kind === 'ris') {
      if (blank) {
        // a blank line inside a record (some exports leave one) when tags follow; else the record ends here
        const next = lines.slice(i + 1).find((l) => l.trim() !== '');
        if (next !== undefined && RIS_TAG.test(next) && !RIS_HEAD.test(next)) continue;
        close();
        continue;
      }
      if (!RIS_HEAD.test(line)) {
        open.lines.push(line);
        if (RIS_END.test(line)) close();
        continue;
      }
      close();
    }
    if (blank) {
      close();
      continue;
    }
    if (BIBTEX_HEAD.test(line)) {
      close();
      opener = /@\s*[a-z]+\s*\(/i.test(line) ? '(' : '{';
      open = { kind: 'bibtex', from: i + 1, lines: [line] };
      depth = depthAfter(line, 0, opener);
      if (depth <= 0) close();
      continue;
    }
    if (RIS_HEAD.test(line)) {
      close();
      open = { kind: 'ris', from: i + 1, lines: [line] };
      continue;
    }
    if (!/\s/.test(line.trim()) && normalizeDoi(line.trim()) !== undefined) {
      close();
      parts.push({ kind: 'doi', from: i + 1, lines: [line.trim()] });
      continue;
    }
    // a BibTeX comment line between entries
    if (open === undefined && line.trimStart().startsWith('%')) continue;
    if (open?.kind !== 'text') {
      close();
      open = { kind: 'text', from: i + 1, lines: [] };
    }
    open.lines.push(line);
  }
  close();
  const kinds = new Set(parts.map((p) => p.kind));
  if (!parts.some((p) => p.kind !== 'text')) return undefined;
  if (kinds.size === 1 && detected !== undefined && kinds.has(detected)) return undefined;

  const pieces: PastePiece[] = [];
  let position = 0;
  const counts = new Map<PasteFormat, number>();
  for (const part of parts) {
    const raw = part.lines.join('\n').trim();
    if (part.kind === 'text') {
      const to = part.from + part.lines.length - 1;
      const where = to > part.from ? `lines ${part.from}–${to}` : `line ${part.from}`;
      pieces.push({ kind: 'failure', record: { recordNumber: ++position, raw }, reason: `${where}: ${unreadable(part.lines)}` });
      continue;
    }
    counts.set(part.kind, (counts.get(part.kind) ?? 0) + 1);
    if (part.kind === 'doi') {
      pieces.push({ kind: 'doi', record: { recordNumber: ++position, raw } });
      continue;
    }
    // a part may still hold several records (entries on consecutive lines); the format's splitter tells them apart
    const format = part.kind;
    for (const record of splitRecords(raw, format)) pieces.push({ kind: 'record', format, record: { ...record, recordNumber: ++position } });
  }
  const format = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'bibtex';
  return { format, pieces };
}
