// PubMed MEDLINE / .nbib: "TAG - value" with tags padded to four characters, continuation lines indented by six
// spaces, records separated by blank lines and starting with PMID.
import type { RawRecord, RecordParser, ParsedRecord, RecordFailure } from '../types.ts';
import { parseDate } from '../dates.ts';
import { normaliseDoi } from '../doi.ts';
import { parseName } from '../names.ts';
import { finishItem, newDraft } from '../normalise.ts';
import { LineRecordSplitter, splitLines, stripEol } from './lines.ts';

const TAG = /^([A-Z][A-Z0-9]{1,3}) {0,3}- ?(.*)$/;

export class MedlineSplitter extends LineRecordSplitter {
  protected line(line: string, out: RawRecord[]): void {
    if (/^PMID- ?/.test(line)) this.begin(line, out);
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

const PT_TYPES: [RegExp, string][] = [
  [/^(journal article|review|clinical trial|randomized controlled trial|meta-analysis|comparative study|letter|editorial|comment|case reports|systematic review)/i, 'article-journal'],
  [/^book$/i, 'book'],
  [/^(book chapter|chapter)/i, 'chapter'],
  [/^(congress|conference)/i, 'paper-conference'],
  [/^(technical report|report)/i, 'report'],
  [/^dataset/i, 'dataset'],
  [/^preprint/i, 'article'],
];

export function parseMedlineRecord(rec: RawRecord): ParsedRecord | RecordFailure {
  const f = readTagged(rec.raw, TAG, (l) => /^ {2,}/.test(l));
  const one = (t: string): string | undefined => f.get(t)?.find((v) => v !== '');
  const many = (t: string): string[] => (f.get(t) ?? []).filter(Boolean);
  const warnings: string[] = [];
  const pmid = one('PMID');
  const pts = many('PT');
  let type = 'article-journal';
  for (const pt of pts) {
    const hit = PT_TYPES.find(([re]) => re.test(pt));
    if (hit) {
      type = hit[1];
      break;
    }
  }
  const d = newDraft(pmid ? `pmid:${pmid}` : `medline-${rec.recordNumber}`, type);
  d.title = one('TI') ?? one('BTI');
  const fau = many('FAU');
  d.author = (fau.length ? fau : many('AU')).map(parseName).filter((n) => n !== undefined);
  for (const cn of many('CN')) d.author.push({ literal: cn });
  d.editor = many('FED').map(parseName).filter((n) => n !== undefined);
  d.container = one('JT') ?? one('TA');
  d.date = parseDate(one('DP') ?? one('DEP') ?? one('EDAT'));
  d.volume = one('VI');
  d.issue = one('IP');
  d.page = one('PG');
  const ids = [...many('LID'), ...many('AID')];
  d.doi = ids.filter((v) => /\[doi\]/i.test(v)).map((v) => normaliseDoi(v.replace(/\s*\[doi\]/i, ''))).find(Boolean);
  d.abstract = one('AB');
  d.keywords = [...many('OT'), ...many('MH')];
  d.language = one('LA');
  d.publisher = one('PB');
  d.place = one('PL');
  const issn = many('IS').map((v) => v.replace(/\s*\(.*\)$/, ''));
  if (issn.length) d.issn = [...new Set(issn)].join(', ');
  const isbn = many('ISBN');
  if (isbn.length) d.isbn = isbn.join(', ');
  if (pmid) d.url = `https://pubmed.ncbi.nlm.nih.gov/${pmid}/`;
  const item = finishItem(d, 'plain');
  if (!item.title && !item.author && !item.issued) {
    return { recordNumber: rec.recordNumber, raw: rec.raw, reason: 'MEDLINE record has no TI, AU or DP' };
  }
  return { recordNumber: rec.recordNumber, raw: rec.raw, item, warnings };
}

export class MedlineParser implements RecordParser {
  parse(rec: RawRecord): ParsedRecord | RecordFailure {
    return parseMedlineRecord(rec);
  }
}
