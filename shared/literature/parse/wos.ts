// Web of Science plain text ("FN Clarivate…", "VR 1.0", records from PT to ER, "EF" at the end): two-letter tags,
// continuation lines indented by three spaces in the Core Collection, not indented at all in BIOSIS and other
// databases WoS hosts; AU/AF/CR continuation lines are further values.
import type { CslName } from '../../csl.ts';
import type { RawRecord, RecordParser, ParsedRecord, RecordFailure } from '../types.ts';
import { parseDate, type DateParts } from '../dates.ts';
import { normaliseDoi } from '../doi.ts';
import { parseName } from '../names.ts';
import { finishItem, newDraft } from '../normalise.ts';
import { LineRecordSplitter, splitLines, stripEol } from './lines.ts';
import { hasNothingUsable, titleUntitled } from './tagged.ts';

// A record starts at "PT" and one publication-type letter (J, B, S, P, C): "PT patients" in an abstract whose lines
// are not indented does not start one.
const RECORD_START = /^PT [A-Z]\s*$/;

export class WosSplitter extends LineRecordSplitter {
  protected line(line: string, out: RawRecord[]): void {
    const text = stripEol(line);
    if (RECORD_START.test(text)) {
      this.begin(line, out);
    } else if (this.inRecord) {
      this.add(line);
      if (/^ER\s*$/.test(text)) this.emit(out);
    }
  }
}

// The field tags of the Web of Science export formats, from Clarivate's list for the Core Collection and the other
// databases it hosts (BIOSIS Citation Index and Previews, Zoological Record, CABI, MEDLINE, Derwent, the regional
// citation indexes; "Export records" in the WoS help). A line that starts with anything else continues the field
// before it, so "RE Smith" or "USA, where…" inside an unindented abstract stays in the abstract.
const KNOWN_TAGS = new Set(
  ('A2 AA AB AD AE AF AK AN AR AU AW BA BD BE BF BN BP BS C1 C2 C3 CA CC CE CH CI CL CN CO CP CR CT CY D2 DA DC DE ' +
    'DF DI DL DM DN DP DS DT DY EA EC ED EF EI EM EP ER EY FD FN FP FS FT FU FX GA GE GI GN GP GS GT HC HO HP ID IO IP ' +
    'IS IV J9 JC JI LA LS LT MA MC ME MH MI MN MQ NM NO NP NR NT OA OB OC OD OI OP OR OS P1 P2 PA PC PD PE PG PI PM PN ' +
    'PR PS PT PU PV PY RC RG RI RP S1 SA SC SD SE SF SI SN SO SP SS ST SU TA TC TF TI TL TM TN TR TS U1 U2 UC UR UT VL ' +
    'VN VR WC WE WP X1 X2 X4 X5 Y1 Y4 Y5 Z1 Z2 Z3 Z4 Z5 Z6 Z7 Z8 Z9 ZK').split(' '),
);

const MULTI = new Set(['AU', 'AF', 'CR', 'BA', 'BF', 'ED', 'BE', 'CA', 'GP']);

/** "XY value", or a bare "ER"/"EF": a known tag, then a space and the value. */
function tagOf(text: string): [string, string] | undefined {
  const tag = text.slice(0, 2);
  if (!KNOWN_TAGS.has(tag)) return undefined;
  if (text.length === 2) return [tag, ''];
  if (text.charCodeAt(2) !== 32) return undefined;
  // "ER stress…" wrapped into a line of its own is text: the end-of-record line has nothing after the tag
  if ((tag === 'ER' || tag === 'EF') && text.slice(3).trim() !== '') return undefined;
  return [tag, text.slice(3).trim()];
}

export function readWos(raw: string): Map<string, string[]> {
  const fields = new Map<string, string[]>();
  let last: string[] | undefined;
  let lastTag = '';
  for (const line of splitLines(raw)) {
    const text = stripEol(line);
    const m = /^\s/.test(text) ? undefined : tagOf(text);
    // Every field appears once in a record: a known tag seen already (an abstract line that starts "DE novo" after
    // the DE field) is text of the field before it.
    if (m && !fields.has(m[0])) {
      lastTag = m[0];
      const values: string[] = [m[1]];
      fields.set(lastTag, values);
      last = values;
    } else if (last && text.trim()) {
      if (MULTI.has(lastTag)) last.push(text.trim());
      else last[last.length - 1] = `${last[last.length - 1] as string} ${text.trim()}`.trim();
    }
  }
  return fields;
}

/** AF's full names where it has them, AU's for the rest: neither list loses an author the other lacks. */
function people(full: string[], short: string[]): CslName[] {
  const out: CslName[] = [];
  for (let i = 0; i < Math.max(full.length, short.length); i++) {
    const n = parseName(full[i] ?? short[i] ?? '');
    if (n) out.push(n);
  }
  return out;
}

function wosDate(one: (t: string) => string | undefined): DateParts {
  const year = parseDate(one('PY'));
  const pd = parseDate(one('PD'));
  if (year.year === undefined) {
    if (pd.year !== undefined) return pd;
    // early access: "EA JAN 2021", "EY 2021"
    const ea = parseDate(one('EA'));
    return ea.year !== undefined ? ea : parseDate(one('EY'));
  }
  if (pd.month === undefined || (pd.year !== undefined && pd.year !== year.year)) return year;
  return pd.day !== undefined ? { year: year.year, month: pd.month, day: pd.day } : { year: year.year, month: pd.month };
}

export function parseWosRecord(rec: RawRecord): ParsedRecord | RecordFailure {
  const f = readWos(rec.raw);
  const one = (t: string): string | undefined => f.get(t)?.find((v) => v !== '');
  const many = (t: string): string[] => (f.get(t) ?? []).filter(Boolean);
  const warnings: string[] = [];
  const pt = one('PT') ?? 'J';
  const dt = one('DT') ?? '';
  let type = pt === 'B' ? 'book' : pt === 'P' ? 'patent' : pt === 'C' ? 'paper-conference' : 'article-journal';
  if (/proceedings paper/i.test(dt)) type = 'paper-conference';
  else if (/book chapter/i.test(dt)) type = 'chapter';
  else if (/^book$/i.test(dt)) type = 'book';
  const d = newDraft(one('UT') ?? `wos-${rec.recordNumber}`, type);
  d.title = one('TI');
  d.author = people(many('AF'), many('AU'));
  if (d.author.length === 0) d.author = people(many('BF'), many('BA'));
  for (const ca of [...many('CA'), ...many('GP')]) d.author.push({ literal: ca });
  const be = many('BE');
  d.editor = (be.length ? be : many('ED')).map(parseName).filter((n) => n !== undefined);
  d.container = one('SO') ?? one('SE');
  d.date = wosDate(one);
  d.volume = one('VL');
  d.issue = one('IS');
  // BIOSIS and Zoological Record give the pages as one span, "PS 123-130", instead of BP and EP
  const ps = one('PS')?.replace(/^p{1,2}\.?\s*/i, '');
  d.page = one('BP') ?? one('AR') ?? ps;
  d.pageEnd = one('BP') ? one('EP') : undefined;
  d.doi = normaliseDoi(one('DI'));
  d.abstract = one('AB');
  d.keywords = [...many('DE'), ...many('ID')].flatMap((k) => k.split(';'));
  d.language = one('LA');
  d.publisher = one('PU');
  d.place = one('PI');
  d.issn = [one('SN'), one('EI')].filter(Boolean).join(', ') || undefined;
  d.isbn = one('BN');
  const item = finishItem(d, 'plain', warnings);
  if (hasNothingUsable(item)) {
    return { recordNumber: rec.recordNumber, raw: rec.raw, reason: 'Web of Science record has no TI, SO, AU, PY or DI' };
  }
  titleUntitled(item, warnings);
  return { recordNumber: rec.recordNumber, raw: rec.raw, item, warnings };
}

export class WosParser implements RecordParser {
  parse(rec: RawRecord): ParsedRecord | RecordFailure {
    return parseWosRecord(rec);
  }
}
