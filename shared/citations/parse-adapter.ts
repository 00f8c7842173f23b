// The one place citation parsing and BibTeX/RIS writing live, over citation-js, until the literature parsers
// (shared/literature/parse/, shared/literature/write/) land: then only this file changes.
// Records are split first and parsed one at a time, so one bad record never loses another, and each is cleaned
// of the quirks that make stock citation-js lose a whole file or a year (see data/bibliographies/SOURCES.md).
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import type { CslItem, CslName } from '../csl.ts';
import type { ParsedRecord, RawRecord, RecordFailure } from '../literature/types.ts';
import type { PasteFormat } from './model.ts';
import { normalizeCsl, normalizeDoi } from './normalize.ts';

/** Guesses what was pasted: CSL-JSON, BibTeX, RIS, or bare DOIs; undefined when it is none of them. */
export function detectPasteFormat(text: string): PasteFormat | undefined {
  const t = text.replace(/^\uFEFF/, '').trim();
  if (/^[[{]/.test(t)) return 'csl-json';
  if (/^@[A-Za-z]+\s*[{(]/m.test(t)) return 'bibtex';
  if (/^TY {2}- /m.test(t)) return 'ris';
  const lines = t.split(/\s+/).filter(Boolean);
  if (lines.length > 0 && lines.every((l) => normalizeDoi(l) !== undefined)) return 'doi';
  return undefined;
}

/** BibTeX entries by brace matching: `@type{…}` or `@type(…)`, whatever sits between them is a comment. */
function splitBibtex(text: string): RawRecord[] {
  const out: RawRecord[] = [];
  const re = /@[A-Za-z]+\s*([{(])/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const open = m[1] as string;
    const close = open === '{' ? '}' : ')';
    let depth = 0;
    let end = -1;
    for (let i = m.index + m[0].length - 1; i < text.length; i++) {
      const ch = text[i];
      if (ch === open || (open === '(' && ch === '{')) depth++;
      else if (ch === close || (open === '(' && ch === '}')) depth--;
      if (depth === 0) {
        end = i + 1;
        break;
      }
    }
    if (end < 0) end = text.length;
    out.push({ recordNumber: out.length + 1, raw: text.slice(m.index, end) });
    re.lastIndex = end;
  }
  return out;
}

/** RIS records end at `ER  -`; lines outside a record (Ovid's "1." numbering) are dropped. */
function splitRis(text: string): RawRecord[] {
  const out: RawRecord[] = [];
  let current: string[] | null = null;
  for (const line of text.replace(/^\uFEFF/, '').split(/\r?\n|\r/)) {
    if (/^TY {2}-/.test(line)) current = [line];
    else if (/^ER {2}-?/.test(line)) {
      if (current) out.push({ recordNumber: out.length + 1, raw: [...current, 'ER  - '].join('\n') });
      current = null;
    } else if (current) current.push(line);
  }
  if (current) out.push({ recordNumber: out.length + 1, raw: current.join('\n') });
  return out;
}

function splitCslJson(text: string): RawRecord[] | RecordFailure {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { recordNumber: 1, raw: text.slice(0, 500), reason: `not valid JSON: ${(error as Error).message}` };
  }
  const list = Array.isArray(data) ? data : [data];
  return list.map((entry, i) => ({ recordNumber: i + 1, raw: JSON.stringify(entry, null, 2) }));
}

export function splitRecords(text: string, format: PasteFormat): RawRecord[] | RecordFailure {
  switch (format) {
    case 'bibtex': return splitBibtex(text);
    case 'ris': return splitRis(text);
    case 'csl-json': return splitCslJson(text);
    case 'doi': return text.split(/\s+/).filter(Boolean).map((raw, i) => ({ recordNumber: i + 1, raw }));
  }
}

const BIB_NON_ENTRIES = /^@(string|preamble|comment)\s*[{(]/i;

function repairBibtex(raw: string, recordNumber: number, warnings: string[]): string {
  let text = raw;
  // EndNote writes entries without a key: "@article{" followed straight by fields.
  const head = /^(@[A-Za-z]+\s*[{(])\s*([^,]*?)(\s*[,}])/.exec(text);
  if (head && (head[2] === '' || head[2]?.includes('='))) {
    text = `${head[1]}record${recordNumber},${text.slice((head[1] as string).length)}`;
    warnings.push('the entry had no citation key; one was made');
  }
  // Scopus writes field names with spaces ("funding_text 1={…}"), which the grammar does not allow.
  text = text.replace(/^(\s*)([A-Za-z][\w.-]*(?:[ \u00a0]+[\w.-]+)+)(\s*=\s*[{"\d])/gm, (_all, indent: string, name: string, rest: string) => {
    const fixed = name.replace(/[ \u00a0]+/g, '_');
    warnings.push(`field "${name}" renamed "${fixed}"`);
    return `${indent}${fixed}${rest}`;
  });
  return text;
}

const RIS_YEAR = /^(\d{4})(?:[/-](\d{1,2})?)?(?:[/-](\d{1,2})?)?/;

function repairRis(raw: string, warnings: string[]): string {
  const lines = raw.split('\n');
  const out: string[] = [];
  const seen = new Set<string>();
  for (const line of lines) {
    const m = /^([A-Z][A-Z0-9]) {2}- ?(.*)$/.exec(line);
    if (!m) {
      out.push(line);
      continue;
    }
    const tag = m[1] as string;
    const value = (m[2] as string).trim();
    if (tag === 'DO') {
      // Ovid and Web of Science repeat DO; stock citation-js then fails the whole file.
      if (seen.has('DO')) {
        warnings.push('repeated DO line ignored');
        continue;
      }
      const doi = normalizeDoi(value);
      out.push(`DO  - ${doi ?? value}`);
      seen.add('DO');
      continue;
    }
    if (tag === 'DA' || tag === 'PY' || tag === 'Y1') {
      const year = RIS_YEAR.exec(value);
      if (!year) {
        // "DA  - SEP" or "DA  - Jun" carries no year and would override PY.
        warnings.push(`${tag} "${value}" has no year and was ignored`);
        continue;
      }
      // citation-js reads "2020//" or "2020///" as a raw string with no year: give it the year alone, and the
      // month and day as DA only when they are there.
      const [, y, mo, d] = year;
      if (tag === 'DA') {
        out.push(mo ? `DA  - ${y}/${mo.padStart(2, '0')}${d ? `/${d.padStart(2, '0')}` : ''}` : `DA  - ${y}`);
      } else {
        out.push(`PY  - ${y}`);
      }
      continue;
    }
    out.push(line);
  }
  return out.join('\n');
}

/** "Liu R." or "Smith JA" (no comma, trailing initials): family and initials, not one literal name. */
function splitInitialsName(name: CslName): CslName {
  const literal = name.literal;
  if (!literal) return name;
  const m = /^(\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+)?) ((?:\p{Lu}\.? ?){1,3})$/u.exec(literal.trim());
  if (!m) return name;
  return { family: m[1] as string, given: (m[2] as string).trim() };
}

function parseOne(raw: string, forceType: string): Record<string, unknown> {
  const parsed = plugins.input.chain(raw, { generateGraph: false, forceType });
  if (parsed.length !== 1) throw new Error(parsed.length === 0 ? 'no reference found in it' : `it holds ${parsed.length} references, expected one`);
  return parsed[0] as Record<string, unknown>;
}

function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]?.slice(0, 300) ?? 'could not be read';
}

/**
 * A parser over the records of one paste, in order. BibTeX `@string` macros seen earlier apply to later entries;
 * `parse` returns null for records that are not references (@string, @preamble, @comment) and for DOIs,
 * which need a look-up rather than a parse.
 */
export function createRecordParser(format: PasteFormat): { parse(record: RawRecord): ParsedRecord | RecordFailure | null } {
  const macros: string[] = [];
  return {
    parse(record) {
      const warnings: string[] = [];
      try {
        let data: Record<string, unknown>;
        if (format === 'doi') return null;
        if (format === 'bibtex') {
          if (BIB_NON_ENTRIES.test(record.raw)) {
            if (/^@string/i.test(record.raw)) macros.push(record.raw);
            return null;
          }
          const repaired = repairBibtex(record.raw, record.recordNumber, warnings);
          data = parseOne([...macros, repaired].join('\n'), '@bibtex/text');
        } else if (format === 'ris') {
          data = parseOne(repairRis(record.raw, warnings), '@ris/file');
          for (const key of ['author', 'editor'] as const) {
            if (Array.isArray(data[key])) data[key] = (data[key] as CslName[]).map(splitInitialsName);
          }
        } else {
          const value: unknown = JSON.parse(record.raw);
          if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('a CSL-JSON record must be an object');
          if (typeof (value as { type?: unknown }).type !== 'string') throw new Error('the record has no "type"');
          data = { id: `record${record.recordNumber}`, ...value };
        }
        const item = normalizeCsl(data, { markupToText: true });
        if (!item.title && !item.author && !item.DOI) throw new Error('the record has no title, author or DOI');
        return { recordNumber: record.recordNumber, raw: record.raw, item, warnings };
      } catch (error) {
        return { recordNumber: record.recordNumber, raw: record.raw, reason: reasonOf(error) };
      }
    },
  };
}

export interface KeyedItem {
  citekey: string;
  csl: CslItem;
}

export function writeBibtex(items: KeyedItem[]): string {
  if (items.length === 0) return '';
  return new Cite(items.map((i) => ({ ...i.csl, id: i.citekey, 'citation-key': i.citekey }))).format('bibtex');
}

const RIS_TYPES: Record<string, string> = {
  'article-journal': 'JOUR', 'article-magazine': 'MGZN', 'article-newspaper': 'NEWS', book: 'BOOK', chapter: 'CHAP',
  report: 'RPRT', webpage: 'ELEC', 'paper-conference': 'CPAPER', thesis: 'THES', dataset: 'DATA',
};

function risName(name: CslName): string {
  if (name.literal) return name.literal;
  const family = [name['non-dropping-particle'], name.family].filter(Boolean).join(' ');
  return [family, name.given].filter(Boolean).join(', ');
}

/** RIS written by hand: citation-js 0.8's RIS output drops DO and PB, so a round trip would lose the DOI. */
export function writeRis(items: KeyedItem[]): string {
  const line = (tag: string, value: unknown): string[] =>
    value === undefined || value === null || value === '' ? [] : [`${tag}  - ${String(value).replace(/\s*\r?\n\s*/g, ' ')}`];
  return items
    .map(({ citekey, csl }) => {
      const parts = csl.issued?.['date-parts']?.[0] ?? [];
      const [y, m, d] = parts.map((p) => String(p));
      return [
        ...line('TY', RIS_TYPES[csl.type] ?? 'GEN'),
        ...line('ID', citekey),
        ...(csl.author ?? []).flatMap((n) => line('AU', risName(n))),
        ...(csl.editor ?? []).flatMap((n) => line('ED', risName(n))),
        ...line('TI', csl.title),
        ...line('T2', csl['container-title']),
        ...line('PY', y),
        ...(y && m ? line('DA', `${y}/${m.padStart(2, '0')}${d ? `/${d.padStart(2, '0')}` : ''}`) : []),
        ...line('VL', csl.volume),
        ...line('IS', csl.issue),
        ...line('SP', csl.page),
        ...line('PB', csl.publisher),
        ...line('CY', csl['publisher-place']),
        ...line('SN', csl.ISBN ?? csl.ISSN),
        ...line('DO', csl.DOI),
        ...line('UR', csl.URL),
        ...line('LA', csl.language),
        ...line('AB', csl.abstract),
        'ER  - ',
      ].join('\r\n');
    })
    .join('\r\n\r\n') + (items.length ? '\r\n' : '');
}
