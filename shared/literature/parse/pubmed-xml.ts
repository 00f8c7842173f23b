// PubMed XML (PubMed's "XML" download, E-utilities efetch): a <PubmedArticleSet> of <PubmedArticle> and
// <PubmedBookArticle> elements. Split on those elements as text streams in, then read each with fast-xml-parser, as
// EndNote XML is read. Fields map as the MEDLINE export's tags do (medline.ts), so one article gives one CSL item
// whichever of the two files it came from; the XML adds what MEDLINE leaves out (ISO abbreviation, PMCID).
import { XMLParser } from 'fast-xml-parser';
import type { CslName } from '../../csl.ts';
import type { ParsedRecord, RawRecord, RecordFailure, RecordParser } from '../types.ts';
import { monthNumber, parseDate, toDateParts, type DateParts } from '../dates.ts';
import { normaliseDoi } from '../doi.ts';
import { decodeEntities } from '../html.ts';
import { splitParticle } from '../names.ts';
import { finishItem, newDraft, type Draft } from '../normalise.ts';
import { publicationType } from './medline.ts';
import { hasNothingUsable, setText, titleUntitled } from './tagged.ts';
import { XmlRecordSplitter } from './xml-records.ts';

type Kind = 'PubmedArticle' | 'PubmedBookArticle';

/** The same markers the import counts (markers.ts): every one of them becomes a record or a failure. */
export class PubmedXmlSplitter extends XmlRecordSplitter {
  constructor() {
    super(['PubmedArticle', 'PubmedBookArticle']);
  }
}

const ARRAYS = new Set([
  'AuthorList', 'Author', 'EditorList', 'Editor', 'AbstractText', 'KeywordList', 'Keyword', 'MeshHeading',
  'QualifierName', 'ArticleId', 'ELocationID', 'PublicationType', 'Language', 'ISSN', 'Isbn', 'ArticleDate',
  'PubMedPubDate',
]);

/** Elements whose inline markup (<i>, <sup>, <sub>, <b>) is kept: their inner XML goes to finishItem as it stands. */
const MIXED = ['ArticleTitle', 'VernacularTitle', 'BookTitle', 'AbstractText', 'Keyword', 'CollectiveName'];

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  // Entities stay as written, so finishItem decodes them exactly once: a "&lt;" decoded here would be read as the
  // start of a tag there.
  processEntities: false,
  htmlEntities: false,
  // ReferenceList (often the longest part of a record) is unused: left unparsed, though still checked as XML.
  stopNodes: [...MIXED, 'ReferenceList'].map((n) => `*.${n}`),
  isArray: (name) => ARRAYS.has(name),
});

type Node = string | number | boolean | null | undefined | Node[] | { [k: string]: Node };

function at(n: Node, ...path: string[]): Node {
  let cur: Node = n;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object' || Array.isArray(cur)) return undefined;
    cur = cur[p];
  }
  return cur;
}

const list = (n: Node): Node[] => (Array.isArray(n) ? n : n === undefined ? [] : [n]);

function attr(n: Node, name: string): string | undefined {
  const v = n !== null && typeof n === 'object' && !Array.isArray(n) ? n[`@_${name}`] : undefined;
  return typeof v === 'string' ? v : undefined;
}

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An element's text as written (entities and, for MIXED elements, inline tags included), or undefined if blank. */
function str(n: Node): string | undefined {
  const v = typeof n === 'string' ? n : n !== null && typeof n === 'object' && !Array.isArray(n) ? n['#text'] : undefined;
  if (typeof v !== 'string') return undefined;
  // comments and CDATA survive in the inner XML of MIXED elements; CDATA is text, so it is escaped like text
  const t = v.includes('<!') ? v.replace(/<!--[\s\S]*?-->/g, '').replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_m, s: string) => escapeXml(s)) : v;
  return t.trim() || undefined;
}

/** Plain text of a value used outside finishItem (DOI, publication types), decoded here once. */
const plain = (n: Node): string | undefined => {
  const s = str(n);
  return s === undefined ? undefined : decodeEntities(s).trim() || undefined;
};

// ----- names -----

function personOf(a: Node): CslName | undefined {
  const collective = str(at(a, 'CollectiveName'));
  if (collective) return { literal: collective };
  const last = str(at(a, 'LastName'))?.replace(/\s+/g, ' ');
  const given = str(at(a, 'ForeName')) ?? str(at(a, 'Initials'));
  if (!last) return given ? { literal: given } : undefined;
  // as MEDLINE's "FAU - van der Berg, Jan" is read (names.ts): leading lower-case words are the particle
  const { particle, family } = last.includes(' ') ? splitParticle(last) : { particle: undefined, family: last };
  const name: CslName = { family };
  if (given) name.given = given;
  if (particle) name['non-dropping-particle'] = particle;
  const suffix = str(at(a, 'Suffix'));
  if (suffix) name.suffix = suffix;
  return name;
}

/** Authors and editors from AuthorList (Type="editors" lists editors) and EditorList elements under `parents`. */
function namesOf(parents: Node[]): { authors: CslName[]; editors: CslName[] } {
  const authors: CslName[] = [];
  const editors: CslName[] = [];
  for (const p of parents) {
    for (const l of list(at(p, 'AuthorList'))) {
      const into = attr(l, 'Type') === 'editors' ? editors : authors;
      for (const a of list(at(l, 'Author'))) {
        // ValidYN="N": a name PubMed keeps only as the record of an error since corrected
        if (attr(a, 'ValidYN') === 'N') continue;
        const n = personOf(a);
        if (n) into.push(n);
      }
    }
    for (const l of list(at(p, 'EditorList'))) {
      for (const a of [...list(at(l, 'Editor')), ...list(at(l, 'Author'))]) {
        const n = personOf(a);
        if (n) editors.push(n);
      }
    }
  }
  return { authors, editors };
}

// ----- dates -----

const iso = (d: DateParts): string => (toDateParts(d) ?? []).map((p, i) => (i === 0 ? String(p) : String(p).padStart(2, '0'))).join('-');

/** Year, Month (name or number) and Day elements: PubDate, ArticleDate, PubMedPubDate. */
function partsDate(n: Node): DateParts {
  const year = parseDate(str(at(n, 'Year'))).year;
  if (year === undefined) return {};
  const out: DateParts = { year };
  const month = str(at(n, 'Month'));
  const m = month === undefined ? undefined : monthNumber(month);
  if (m === undefined) return out;
  out.month = m;
  const day = Number(str(at(n, 'Day')));
  if (Number.isInteger(day) && day >= 1 && day <= 31) out.day = day;
  return out;
}

/**
 * PubDate as MEDLINE's DP reads it: Year/Month/Day, or MedlineDate's free text ("1998 Dec-1999 Jan" → 1998-12,
 * the start of the range). A season or a range cannot be a CSL date-part: the original text goes into a warning.
 */
function pubDate(n: Node, warnings: string[]): DateParts {
  const medline = str(at(n, 'MedlineDate'));
  if (medline) {
    const text = decodeEntities(medline).replace(/\s+/g, ' ');
    const d = parseDate(text);
    const found = toDateParts(d)?.length ?? 0;
    if (found === 0) warnings.push(`MedlineDate "${text}" has no year`);
    else if (/[-/,;]/.test(text) || found !== text.split(' ').length) warnings.push(`MedlineDate "${text}" read as ${iso(d)}`);
    return d;
  }
  const d = partsDate(n);
  const season = str(at(n, 'Season'));
  if (season && d.year !== undefined && d.month === undefined) warnings.push(`PubDate "${d.year} ${decodeEntities(season)}" read as ${d.year}`);
  return d;
}

/** PubDate, else the electronic ArticleDate (MEDLINE's DEP), else the date the record entered PubMed (EDAT). */
function dateOf(pub: Node, articleDates: Node[], history: Node, warnings: string[]): DateParts {
  const d = pub === undefined ? {} : pubDate(pub, warnings);
  if (d.year !== undefined) return d;
  for (const a of articleDates) {
    const e = partsDate(a);
    if (e.year !== undefined) return e;
  }
  const entrez = list(at(history, 'PubMedPubDate')).find((p) => attr(p, 'PubStatus') === 'entrez');
  return entrez === undefined ? d : partsDate(entrez);
}

// ----- the rest -----

/** Labelled sections as MEDLINE's AB writes them: "BACKGROUND: … METHODS: …", in order. */
function abstractOf(abs: Node): string | undefined {
  const parts: string[] = [];
  for (const s of list(at(abs, 'AbstractText'))) {
    const text = str(s);
    if (!text) continue;
    const label = attr(s, 'Label')?.trim();
    parts.push(label ? `${label}: ${text}` : text);
  }
  return parts.length ? parts.join(' ') : undefined;
}

/** MeSH headings: the descriptor, or "Descriptor/Qualifier" once for each of its qualifiers. */
function meshOf(mc: Node): string[] {
  const out: string[] = [];
  for (const h of list(at(mc, 'MeshHeadingList', 'MeshHeading'))) {
    const descriptor = str(at(h, 'DescriptorName'));
    if (!descriptor) continue;
    const qualifiers = list(at(h, 'QualifierName')).map(str).filter((q) => q !== undefined);
    if (qualifiers.length) for (const q of qualifiers) out.push(`${descriptor}/${q}`);
    else out.push(descriptor);
  }
  return out;
}

const keywordsOf = (parent: Node): string[] =>
  list(at(parent, 'KeywordList')).flatMap((l) => list(at(l, 'Keyword')).map(str)).filter((k) => k !== undefined);

const idOf = (ids: Node[], type: string): string | undefined => plain(ids.find((i) => attr(i, 'IdType') === type));

function doiOf(elocations: Node[], ids: Node[]): string | undefined {
  const candidates = [
    ...elocations.filter((e) => attr(e, 'EIdType') === 'doi' && attr(e, 'ValidYN') !== 'N'),
    ...ids.filter((i) => attr(i, 'IdType') === 'doi'),
  ];
  return candidates.map((c) => normaliseDoi(plain(c))).find((d) => d !== undefined);
}

/** Pagination's MedlinePgn (MEDLINE's PG), else its StartPage and EndPage. */
function pagesOf(d: Draft, p: Node): void {
  d.page = str(at(p, 'MedlinePgn')) ?? str(at(p, 'StartPage'));
  if (!str(at(p, 'MedlinePgn'))) d.pageEnd = str(at(p, 'EndPage'));
}

function typeOf(pts: Node[]): string {
  const names = pts.map(plain).filter((p) => p !== undefined).map((p) => p.replace(/\s+/g, ' '));
  return publicationType(names) ?? 'article-journal';
}

interface Extras {
  short?: string;
  pmcid?: string;
  edition?: string;
  collection?: string;
}

function readArticle(root: Node, recordNumber: number, warnings: string[]): { d: Draft; extras: Extras } {
  const mc = at(root, 'MedlineCitation');
  const art = at(mc, 'Article');
  const pd = at(root, 'PubmedData');
  const ids = list(at(pd, 'ArticleIdList', 'ArticleId'));
  const pmid = plain(at(mc, 'PMID')) ?? idOf(ids, 'pubmed');
  const d = newDraft(pmid ? `pmid:${pmid}` : `pubmed-xml-${recordNumber}`, typeOf(list(at(art, 'PublicationTypeList', 'PublicationType'))));
  d.title = str(at(art, 'ArticleTitle')) ?? str(at(art, 'VernacularTitle'));
  const { authors, editors } = namesOf([art]);
  d.author = authors;
  d.editor = editors;
  const journal = at(art, 'Journal');
  const info = at(mc, 'MedlineJournalInfo');
  d.container = str(at(journal, 'Title')) ?? str(at(journal, 'ISOAbbreviation')) ?? str(at(info, 'MedlineTA'));
  const issue = at(journal, 'JournalIssue');
  d.date = dateOf(at(issue, 'PubDate'), list(at(art, 'ArticleDate')), at(pd, 'History'), warnings);
  d.volume = str(at(issue, 'Volume'));
  d.issue = str(at(issue, 'Issue'));
  pagesOf(d, at(art, 'Pagination'));
  d.doi = doiOf(list(at(art, 'ELocationID')), ids);
  d.abstract = abstractOf(at(art, 'Abstract'));
  d.keywords = [...keywordsOf(mc), ...meshOf(mc)];
  d.language = str(list(at(art, 'Language'))[0]);
  // MEDLINE's PL: the journal's country
  d.place = str(at(info, 'Country'));
  const issn = [...list(at(journal, 'ISSN')), at(info, 'ISSNLinking')].map(str).filter((s) => s !== undefined);
  if (issn.length) d.issn = [...new Set(issn)].join(', ');
  if (pmid) d.url = `https://pubmed.ncbi.nlm.nih.gov/${pmid}/`;
  const short = str(at(journal, 'ISOAbbreviation')) ?? str(at(info, 'MedlineTA'));
  return { d, extras: { short, pmcid: idOf(ids, 'pmc') } };
}

/** A book (BookDocument without ArticleTitle) or a chapter of one (its ArticleTitle, in the book's BookTitle). */
function readBook(root: Node, recordNumber: number, warnings: string[]): { d: Draft; extras: Extras } {
  const doc = at(root, 'BookDocument');
  const book = at(doc, 'Book');
  const data = at(root, 'PubmedBookData');
  const ids = [...list(at(data, 'ArticleIdList', 'ArticleId')), ...list(at(doc, 'ArticleIdList', 'ArticleId'))];
  const pmid = plain(at(doc, 'PMID')) ?? idOf(ids, 'pubmed');
  const chapter = str(at(doc, 'ArticleTitle'));
  const bookTitle = str(at(book, 'BookTitle'));
  const d = newDraft(pmid ? `pmid:${pmid}` : `pubmed-xml-${recordNumber}`, chapter ? 'chapter' : 'book');
  d.title = chapter ?? bookTitle ?? str(at(doc, 'VernacularTitle'));
  if (chapter) d.container = bookTitle;
  const own = namesOf([doc]);
  const ofBook = namesOf([book]);
  // a chapter without authors of its own is by the book's authors
  d.author = own.authors.length ? own.authors : ofBook.authors;
  d.editor = [...own.editors, ...ofBook.editors];
  d.date = dateOf(at(book, 'PubDate'), [], at(data, 'History'), warnings);
  if (d.date.year === undefined) d.date = partsDate(at(doc, 'ContributionDate'));
  d.volume = str(at(book, 'Volume'));
  pagesOf(d, at(doc, 'Pagination'));
  d.doi = doiOf([...list(at(doc, 'ELocationID')), ...list(at(book, 'ELocationID'))], ids);
  d.abstract = abstractOf(at(doc, 'Abstract'));
  d.keywords = keywordsOf(doc);
  d.language = str(list(at(doc, 'Language'))[0]);
  d.publisher = str(at(book, 'Publisher', 'PublisherName'));
  d.place = str(at(book, 'Publisher', 'PublisherLocation'));
  const isbn = list(at(book, 'Isbn')).map(str).filter((s) => s !== undefined);
  if (isbn.length) d.isbn = isbn.join(', ');
  if (pmid) d.url = `https://pubmed.ncbi.nlm.nih.gov/${pmid}/`;
  return { d, extras: { pmcid: idOf(ids, 'pmc'), edition: str(at(book, 'Edition')), collection: str(at(book, 'CollectionTitle')) } };
}

export function parsePubmedRecord(rec: RawRecord): ParsedRecord | RecordFailure {
  const fail = (reason: string): RecordFailure => ({ recordNumber: rec.recordNumber, raw: rec.raw, reason });
  const raw = rec.raw.trim();
  const kind: Kind | undefined = /^<PubmedBookArticle[\s>]/.test(raw) ? 'PubmedBookArticle' : /^<PubmedArticle[\s>]/.test(raw) ? 'PubmedArticle' : undefined;
  if (!kind) return fail('not a <PubmedArticle> or <PubmedBookArticle> element');
  if (!new RegExp(`</${kind}\\s*>$`).test(raw)) return fail(`the record is cut off: <${kind}> is never closed`);
  let doc: Node;
  try {
    doc = xml.parse(raw, true) as Node;
  } catch (e) {
    return fail(`invalid XML: ${(e as Error).message.split('\n')[0]}`);
  }
  const root = at(doc, kind);
  if (root === null || typeof root !== 'object' || Array.isArray(root)) return fail(`empty <${kind}> element`);
  const warnings: string[] = [];
  const { d, extras } = kind === 'PubmedArticle' ? readArticle(root, rec.recordNumber, warnings) : readBook(root, rec.recordNumber, warnings);
  const item = finishItem(d, 'plain', warnings);
  setText(item, 'container-title-short', extras.short);
  setText(item, 'PMCID', extras.pmcid);
  setText(item, 'edition', extras.edition);
  setText(item, 'collection-title', extras.collection);
  if (hasNothingUsable(item)) return fail('PubMed record has no title, journal, author, date or DOI');
  titleUntitled(item, warnings);
  return { recordNumber: rec.recordNumber, raw: rec.raw, item, warnings };
}

export class PubmedXmlParser implements RecordParser {
  parse(rec: RawRecord): ParsedRecord | RecordFailure {
    return parsePubmedRecord(rec);
  }
}
