// Web of Science plain text ("FN Clarivate…", "VR 1.0", records from PT to ER, "EF" at the end): two-letter tags,
// continuation lines indented by three spaces; AU/AF/CR continuation lines are further values.
import type { RawRecord, RecordParser, ParsedRecord, RecordFailure } from '../types.ts';
import { parseDate } from '../dates.ts';
import { normaliseDoi } from '../doi.ts';
import { parseName } from '../names.ts';
import { finishItem, newDraft } from '../normalise.ts';
import { LineRecordSplitter, splitLines, stripEol } from './lines.ts';

export class WosSplitter extends LineRecordSplitter {
  protected line(line: string, out: RawRecord[]): void {
    const text = stripEol(line);
    if (/^PT [A-Z]/.test(text)) {
      this.begin(line, out);
    } else if (this.inRecord) {
      this.add(line);
      if (/^ER\s*$/.test(text)) this.emit(out);
    }
  }
}

const MULTI = new Set(['AU', 'AF', 'CR', 'BA', 'BF', 'ED', 'CA', 'GP']);

function readWos(raw: string): Map<string, string[]> {
  const fields = new Map<string, string[]>();
  let last: string[] | undefined;
  let lastTag = '';
  for (const line of splitLines(raw)) {
    const text = stripEol(line);
    const m = /^([A-Z][A-Z0-9]) (.*)$/.exec(text);
    if (m) {
      lastTag = m[1] as string;
      let values = fields.get(lastTag);
      if (!values) fields.set(lastTag, (values = []));
      values.push((m[2] as string).trim());
      last = values;
    } else if (last && /^ {2,}\S/.test(text)) {
      if (MULTI.has(lastTag)) last.push(text.trim());
      else last[last.length - 1] += ' ' + text.trim();
    }
  }
  return fields;
}

export function parseWosRecord(rec: RawRecord): ParsedRecord | RecordFailure {
  const f = readWos(rec.raw);
  const one = (t: string): string | undefined => f.get(t)?.find((v) => v !== '');
  const many = (t: string): string[] => (f.get(t) ?? []).filter(Boolean);
  const pt = one('PT') ?? 'J';
  const dt = one('DT') ?? '';
  let type = pt === 'B' ? 'book' : pt === 'P' ? 'patent' : pt === 'C' ? 'paper-conference' : 'article-journal';
  if (/proceedings paper/i.test(dt)) type = 'paper-conference';
  else if (/book chapter/i.test(dt)) type = 'chapter';
  else if (/^book$/i.test(dt)) type = 'book';
  const d = newDraft(one('UT') ?? `wos-${rec.recordNumber}`, type);
  d.title = one('TI');
  const af = many('AF');
  d.author = (af.length ? af : many('AU')).map(parseName).filter((n) => n !== undefined);
  for (const ca of many('CA')) d.author.push({ literal: ca });
  d.editor = many('BE').map(parseName).filter((n) => n !== undefined);
  d.container = one('SO') ?? one('SE');
  const year = parseDate(one('PY'));
  const pd = parseDate(one('PD'));
  d.date = year.year !== undefined ? { ...year, ...(pd.month !== undefined && (pd.year === undefined || pd.year === year.year) ? { month: pd.month, ...(pd.day ? { day: pd.day } : {}) } : {}) } : pd;
  d.volume = one('VL');
  d.issue = one('IS');
  d.page = one('BP') ?? one('AR');
  d.pageEnd = one('BP') ? one('EP') : undefined;
  d.doi = normaliseDoi(one('DI'));
  d.abstract = one('AB');
  d.keywords = [...many('DE'), ...many('ID')].flatMap((k) => k.split(';'));
  d.language = one('LA');
  d.publisher = one('PU');
  d.place = one('PI');
  d.issn = [one('SN'), one('EI')].filter(Boolean).join(', ') || undefined;
  d.isbn = one('BN');
  const item = finishItem(d, 'plain');
  if (!item.title && !item.author && !item.issued) {
    return { recordNumber: rec.recordNumber, raw: rec.raw, reason: 'Web of Science record has no TI, AU or PY' };
  }
  return { recordNumber: rec.recordNumber, raw: rec.raw, item, warnings: [] };
}

export class WosParser implements RecordParser {
  parse(rec: RawRecord): ParsedRecord | RecordFailure {
    return parseWosRecord(rec);
  }
}
