// EndNote XML (also written by Zotero): <xml><records><record>…</record>…, often on one physical line. Split on
// <record>…</record> as text streams in, then read each record with fast-xml-parser.
import { XMLParser } from 'fast-xml-parser';
import type { RawRecord, RecordParser, ParsedRecord, RecordFailure } from '../types.ts';
import { parseDate } from '../dates.ts';
import { normaliseDoi, findDoi } from '../doi.ts';
import { parseName } from '../names.ts';
import { finishItem, newDraft } from '../normalise.ts';
import { isIsbn } from './ris.ts';
import { XmlRecordSplitter } from './xml-records.ts';

export class EndnoteXmlSplitter extends XmlRecordSplitter {
  constructor() {
    super(['record']);
  }
}

const ARRAYS = new Set(['author', 'keyword', 'url', 'date', 'record']);

// EndNote wraps every piece of text in <style face="…" font="…" size="…">: the faces that are CSL marks become
// (escaped) inline HTML, which the text cleaning reads as rich text, and the elements themselves go, so the pieces
// of a title join without the spaces an element list would put between them.
const FACES: [RegExp, string][] = [[/\bbold\b/, 'b'], [/\bitalic\b/, 'i'], [/\bsuperscript\b/, 'sup'], [/\bsubscript\b/, 'sub']];
const STYLE = /<style\b([^>]*)>|<\/style\s*>/g;

export function unwrapStyles(raw: string): string {
  if (!raw.includes('<style')) return raw;
  const open: string[][] = [];
  return raw.replace(STYLE, (tag, attrs: string | undefined) => {
    if (attrs === undefined) return (open.pop() ?? []).map((t) => `&lt;/${t}&gt;`).reverse().join('');
    if (attrs.endsWith('/')) return '';
    const face = /\bface\s*=\s*"([^"]*)"/.exec(attrs)?.[1]?.toLowerCase() ?? '';
    const tags = FACES.filter(([re]) => re.test(face)).map(([, t]) => t);
    open.push(tags);
    return tags.map((t) => `&lt;${t}&gt;`).join('');
  });
}

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  // XML entities only: HTML ones (&nbsp;, PubMed's &mgr;) are decoded with the rest of the text cleaning.
  htmlEntities: false,
  isArray: (name) => ARRAYS.has(name),
});

type Node = string | number | boolean | null | undefined | Node[] | { [k: string]: Node };

/** All text under a node. */
function text(n: Node): string {
  if (n === null || n === undefined) return '';
  if (typeof n === 'string') return n;
  if (typeof n === 'number' || typeof n === 'boolean') return String(n);
  if (Array.isArray(n)) return n.map(text).join(' ');
  let out = '';
  for (const [k, v] of Object.entries(n)) if (!k.startsWith('@_')) out += text(v);
  return out;
}

function at(n: Node, ...path: string[]): Node {
  let cur: Node = n;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object' || Array.isArray(cur)) return undefined;
    cur = cur[p];
  }
  return cur;
}

const str = (n: Node): string | undefined => {
  const t = text(n).trim();
  return t || undefined;
};
const list = (n: Node): Node[] => (Array.isArray(n) ? n : n === undefined ? [] : [n]);

const REF_TYPES: [RegExp, string][] = [
  [/^journal article|^electronic article|^magazine article|^newspaper article/i, 'article-journal'],
  [/^book section|^electronic book section/i, 'chapter'],
  [/^edited book|^book|^electronic book/i, 'book'],
  [/^conference (paper|proceedings)/i, 'paper-conference'],
  [/^report|^government document/i, 'report'],
  [/^thesis/i, 'thesis'],
  [/^web page/i, 'webpage'],
  [/^patent/i, 'patent'],
  [/^dataset/i, 'dataset'],
  [/^unpublished/i, 'manuscript'],
];

export function parseEndnoteRecord(rec: RawRecord): ParsedRecord | RecordFailure {
  const fail = (reason: string): RecordFailure => ({ recordNumber: rec.recordNumber, raw: rec.raw, reason });
  let doc: Node;
  try {
    doc = xml.parse(unwrapStyles(rec.raw), true) as Node;
  } catch (e) {
    return fail(`invalid XML: ${(e as Error).message.split('\n')[0]}`);
  }
  const r = list(at(doc, 'record'))[0];
  if (!r || typeof r !== 'object') return fail('no <record> element');
  const refType = at(r, 'ref-type');
  const refName = refType && typeof refType === 'object' && !Array.isArray(refType) ? String(refType['@_name'] ?? '') : '';
  const type = REF_TYPES.find(([re]) => re.test(refName))?.[1] ?? 'article-journal';
  const d = newDraft(str(at(r, 'rec-number')) ? `endnote-${str(at(r, 'rec-number'))}` : `endnote-${rec.recordNumber}`, type);
  d.title = str(at(r, 'titles', 'title'));
  d.author = list(at(r, 'contributors', 'authors', 'author')).map((a) => parseName(text(a))).filter((n) => n !== undefined);
  d.editor = list(at(r, 'contributors', 'secondary-authors', 'author')).map((a) => parseName(text(a))).filter((n) => n !== undefined);
  if (type === 'article-journal') d.editor = [];
  d.container = str(at(r, 'titles', 'secondary-title')) ?? str(at(r, 'periodical', 'full-title')) ?? str(at(r, 'periodical', 'abbr-1'));
  const year = parseDate(str(at(r, 'dates', 'year')));
  const pub = parseDate(str(list(at(r, 'dates', 'pub-dates', 'date'))[0]));
  d.date = year.year !== undefined ? { ...year, ...(pub.month !== undefined && (pub.year === undefined || pub.year === year.year) ? { month: pub.month, ...(pub.day ? { day: pub.day } : {}) } : {}) } : pub;
  d.volume = str(at(r, 'volume'));
  d.issue = str(at(r, 'number')) ?? str(at(r, 'issue'));
  d.page = str(at(r, 'pages'));
  d.doi = normaliseDoi(str(at(r, 'electronic-resource-num'))) ?? findDoi(text(at(r, 'urls')));
  d.abstract = str(at(r, 'abstract'));
  d.keywords = list(at(r, 'keywords', 'keyword')).map(text);
  d.language = str(at(r, 'language'));
  d.publisher = str(at(r, 'publisher'));
  d.place = str(at(r, 'pub-location'));
  const ids = (str(at(r, 'isbn')) ?? '').split(/[\s;,]+/).filter(Boolean);
  const isbn = ids.filter(isIsbn);
  const issn = ids.filter((s) => !isIsbn(s));
  if (isbn.length) d.isbn = isbn.join(', ');
  if (issn.length) d.issn = issn.join(', ');
  d.url = str(list(at(r, 'urls', 'related-urls', 'url'))[0]);
  d.note = str(at(r, 'notes'));
  const warnings: string[] = [];
  const item = finishItem(d, 'plain', warnings);
  if (!item.title && !item.author && !item.issued && !item.DOI) return fail('EndNote record has no title, author, year or DOI');
  return { recordNumber: rec.recordNumber, raw: rec.raw, item, warnings };
}

export class EndnoteXmlParser implements RecordParser {
  parse(rec: RawRecord): ParsedRecord | RecordFailure {
    return parseEndnoteRecord(rec);
  }
}
