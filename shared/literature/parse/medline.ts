// The MEDLINE tagged format: "TAG - value" with tags padded to four characters, continuation lines indented by six
// spaces, records separated by blank lines. PubMed's records (.nbib) start with PMID; ERIC and other databases write
// the same format without PMIDs, each record starting with its own first tag ("OWN - ERIC").
import type { RawRecord, RecordParser, ParsedRecord, RecordFailure } from '../types.ts';
import { parseDate } from '../dates.ts';
import { findDoi, normaliseDoi } from '../doi.ts';
import { parseName } from '../names.ts';
import { finishItem, newDraft } from '../normalise.ts';
import { LineRecordSplitter, splitLines, stripEol } from './lines.ts';
import { hasNothingUsable, setText, titleUntitled } from './tagged.ts';

const TAG = /^([A-Z][A-Z0-9]{1,3}) {0,3}- ?(.*)$/;

const tagOf = (text: string): string | undefined => TAG.exec(text)?.[1];

// Tags a record repeats (one line per author, keyword, type…): a record cannot be told to start at one of these
// unless a blank line comes before it.
const REPEATED = new Set(['AU', 'FAU', 'AUID', 'AD', 'CN', 'FED', 'ED', 'MH', 'OT', 'DE', 'PT', 'LA', 'IS', 'ISSN', 'ISBN', 'LID', 'AID', 'SI', 'GR', 'PHST', 'RN', 'IR', 'FIR', 'OID']);

/** How much of a file without blank lines is held back before its record-start tag is decided regardless. */
const HEAD_LINES = 2000;

/**
 * Records start at the record-start tag, decided from the file's first record (its lines up to the first blank
 * line): PMID when it has one, else its first tag. A start tag that a record may repeat starts a record only after a
 * blank-line gap; PMID and OWN, written once per record, start one wherever they stand.
 */
export class MedlineSplitter extends LineRecordSplitter {
  /** the first record's lines, held until they show which tag starts a record */
  private head: string[] | null = [];
  private headHasTag = false;
  private start: string | undefined;
  private gap = true;

  protected line(line: string, out: RawRecord[]): void {
    if (this.head) {
      const text = stripEol(line);
      if (!text.trim() && this.headHasTag) {
        this.decide(out);
      } else {
        this.head.push(line);
        const tag = tagOf(text);
        if (tag) this.headHasTag = true;
        if (tag === 'PMID' || this.head.length >= HEAD_LINES) this.decide(out);
        return;
      }
    }
    this.route(line, out);
  }

  protected override finish(out: RawRecord[]): void {
    if (this.head) this.decide(out);
  }

  private decide(out: RawRecord[]): void {
    const head = this.head ?? [];
    this.head = null;
    const tags = head.map((l) => tagOf(stripEol(l))).filter((t): t is string => t !== undefined);
    this.start = tags.includes('PMID') ? 'PMID' : tags[0];
    for (const l of head) this.route(l, out);
  }

  private route(line: string, out: RawRecord[]): void {
    const text = stripEol(line);
    if (!text.trim()) {
      this.gap = true;
      if (this.inRecord) this.add(line);
      return;
    }
    const tag = tagOf(text);
    const starts = tag !== undefined && tag === this.start && (this.gap || !REPEATED.has(tag));
    this.gap = false;
    if (starts) this.begin(line, out);
    else if (this.inRecord) this.add(line);
  }
}

export function readTagged(raw: string, tag: RegExp, isContinuation: (line: string) => boolean): Map<string, string[]> {
  const fields = new Map<string, string[]>();
  let last: string[] | undefined;
  for (const line of splitLines(raw)) {
    const text = stripEol(line);
    if (last && text.trim() && isContinuation(text)) {
      last[last.length - 1] += ' ' + text.trim();
      continue;
    }
    const m = tag.exec(text);
    if (!m) continue;
    const t = m[1] as string;
    let values = fields.get(t);
    if (!values) fields.set(t, (values = []));
    values.push((m[2] ?? '').trim());
    last = values;
  }
  return fields;
}

// PubMed's publication types, then ERIC's ("Journal Articles", "Reports - Research", "Dissertations/Theses - …").
const PT_TYPES: [RegExp, string][] = [
  [/^(journal article|review|clinical trial|randomized controlled trial|meta-analysis|comparative study|letter|editorial|comment|case reports|systematic review)/i, 'article-journal'],
  [/^books?$/i, 'book'],
  [/^(book chapter|chapter)/i, 'chapter'],
  [/^(congress|conference|speeches\/meeting papers|collected works - proceedings)/i, 'paper-conference'],
  [/^(technical report|reports?\b|eric digests|information analyses|guides\b)/i, 'report'],
  [/^(dissertations?\/theses|thesis|dissertation)/i, 'thesis'],
  [/^(dataset|numerical\/quantitative data|machine-readable data)/i, 'dataset'],
  [/^computer programs/i, 'software'],
  [/^legal\/legislative\/regulatory/i, 'legislation'],
  [/^(book\/product reviews)/i, 'review'],
  [/^preprint/i, 'article'],
];

/** The CSL type of the first publication type that has one (MEDLINE PT lines and PubMed XML PublicationType agree). */
export function publicationType(pts: string[]): string | undefined {
  for (const pt of pts) {
    const hit = PT_TYPES.find(([re]) => re.test(pt));
    if (hit) return hit[1];
  }
  return undefined;
}

const BOOK_TYPES = new Set(['book', 'report', 'thesis', 'paper-conference']);

/** ERIC's accession numbers: EJ for journal articles, ED for other documents. */
const ERIC_ID = /^E[DJ]\d{5,}$/;

/**
 * What SO (the source as a citation) gives when the record lacks its own fields: PubMed writes
 * "Sci Total Environ. 2017 Nov 15;598:188-197. doi: …", ERIC "Journal Name v10 n1 p1-10 2000" or only "v10 n1 p1-10".
 */
function readSource(so: string | undefined): { container?: string; volume?: string; issue?: string; page?: string } {
  if (!so) return {};
  const eric = /^(.*?)\s*\bv(\d+)\b(?:\s+n(\d+))?(?:.*?\bp([\d]+(?:-[\d]+)?))?/.exec(so);
  if (eric) {
    return { container: eric[1]?.replace(/[,.;:]$/, '').trim() || undefined, volume: eric[2], issue: eric[3], page: eric[4] };
  }
  const pubmed = /^(.+?)\.\s+(?:\d{4}|\[)/.exec(so);
  return pubmed ? { container: pubmed[1] } : {};
}

export function parseMedlineRecord(rec: RawRecord): ParsedRecord | RecordFailure {
  const f = readTagged(rec.raw, TAG, (l) => /^ {2,}/.test(l));
  const one = (t: string): string | undefined => f.get(t)?.find((v) => v !== '');
  const many = (t: string): string[] => (f.get(t) ?? []).filter(Boolean);
  const warnings: string[] = [];
  const pmid = one('PMID');
  const pts = many('PT');
  let type = publicationType(pts);
  // BTI is the book a record is part of (a chapter, under TI) or the book itself (no TI); CTI the book's series.
  const bookTitle = one('BTI');
  const title = one('TI');
  const journal = one('JT') ?? one('TA');
  if (bookTitle && !journal) {
    if (title) type = type === 'paper-conference' || type === 'report' ? type : 'chapter';
    else type = type !== undefined && BOOK_TYPES.has(type) ? type : 'book';
  }
  const accession = [one('OID'), one('AN'), one('ID'), ...many('LID').map((v) => /[?&]id=(E[DJ]\d+)/.exec(v)?.[1])].find(
    (v): v is string => v !== undefined && v !== '',
  );
  const id = pmid ? `pmid:${pmid}` : accession ? (ERIC_ID.test(accession) ? `eric:${accession}` : `accession:${accession}`) : `medline-${rec.recordNumber}`;
  const d = newDraft(id, type ?? 'article-journal');
  d.title = title ?? bookTitle;
  const fau = many('FAU');
  d.author = (fau.length ? fau : many('AU')).map(parseName).filter((n) => n !== undefined);
  for (const cn of many('CN')) d.author.push({ literal: cn });
  const fed = many('FED');
  d.editor = (fed.length ? fed : many('ED')).map(parseName).filter((n) => n !== undefined);
  const source = readSource(one('SO'));
  d.container = journal ?? (title ? bookTitle : undefined) ?? source.container;
  d.date = parseDate(one('DP') ?? one('DEP') ?? one('EDAT'));
  d.volume = one('VI') ?? source.volume;
  d.issue = one('IP') ?? source.issue;
  d.page = one('PG') ?? source.page;
  const ids = [...many('LID'), ...many('AID')];
  d.doi =
    ids.filter((v) => /\[doi\]/i.test(v)).map((v) => normaliseDoi(v.replace(/\s*\[doi\]/i, ''))).find(Boolean) ??
    findDoi(ids.filter((v) => !/\[[a-z]+\]\s*$/i.test(v)).join(' '));
  d.abstract = one('AB');
  d.keywords = [...many('OT'), ...many('MH'), ...many('DE')];
  d.language = one('LA');
  d.publisher = one('PB');
  d.place = one('PL');
  // ERIC writes "ISSN - ISSN-1234-4567" and "ISBN - ISBN-978-…"; PubMed "IS  - 1879-1026 (Electronic)"
  const issn = [...many('IS'), ...many('ISSN')].map((v) => v.replace(/\s*\(.*\)$/, '').replace(/^E?ISSN-/i, ''));
  if (issn.length) d.issn = [...new Set(issn)].join(', ');
  const isbn = many('ISBN').map((v) => v.replace(/^ISBN-/i, ''));
  if (isbn.length) d.isbn = isbn.join(', ');
  d.url = pmid ? `https://pubmed.ncbi.nlm.nih.gov/${pmid}/` : ids.find((v) => /^https?:\/\//i.test(v) && !findDoi(v));
  const item = finishItem(d, 'plain', warnings);
  setText(item, 'collection-title', one('CTI'));
  if (hasNothingUsable(item)) {
    return { recordNumber: rec.recordNumber, raw: rec.raw, reason: 'MEDLINE record has no TI, journal, AU, DP or DOI' };
  }
  titleUntitled(item, warnings);
  return { recordNumber: rec.recordNumber, raw: rec.raw, item, warnings };
}

export class MedlineParser implements RecordParser {
  parse(rec: RawRecord): ParsedRecord | RecordFailure {
    return parseMedlineRecord(rec);
  }
}
