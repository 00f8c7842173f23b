// Cleaning CSL-JSON so that every source (paste, form, DOI look-up, seed) stores the same shape, and judging
// whether a reference is complete enough to cite.
import type { CslItem, CslName } from '../csl.ts';
import type { CitationFormValues } from './model.ts';

const DOI_PREFIX = /^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i;
export const DOI_PATTERN = /^10\.\d{4,9}\/\S+$/;

/** "https://doi.org/10.1/ABC" or "doi:10.1/ABC" → "10.1/ABC"; undefined when it is not a DOI. */
export function normalizeDoi(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const doi = value.trim().replace(DOI_PREFIX, '').trim();
  return DOI_PATTERN.test(doi) ? doi : undefined;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/**
 * Markup that sources leave in titles (`<i>…</i>`, `<br />`, `&quot;`) becomes plain text: a title is text,
 * never live HTML, and the formatter escapes what it is given.
 */
export function plainText(value: string): string {
  return value
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<\/?[a-z][^<>]*>/gi, '')
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (whole, code: string) => {
      if (code.startsWith('#x') || code.startsWith('#X')) return String.fromCodePoint(parseInt(code.slice(2), 16));
      if (code.startsWith('#')) return String.fromCodePoint(Number(code.slice(1)));
      return ENTITIES[code.toLowerCase()] ?? whole;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

function cleanName(name: CslName): CslName {
  const out: CslName = {};
  for (const [k, v] of Object.entries(name)) if (typeof v === 'string' && v.trim()) out[k] = v.trim();
  // A family name with no given name is stored as a literal: that is how an organisation comes back from BibTeX
  // ("{Design Council}", "{IDEO}"), and the styles print both the same way.
  if (out.family && !out.given && !out['non-dropping-particle'] && !out['dropping-particle']) {
    return { literal: out.family };
  }
  return out;
}

const NUMBERISH = ['volume', 'issue', 'page', 'number', 'edition', 'number-of-pages'] as const;

/**
 * The stored shape: numbers as strings (citeproc crashes on a numeric volume), no empty fields, names trimmed,
 * organisations as literals, the DOI bare, the `_graph` bookkeeping of citation-js dropped.
 */
export function normalizeCsl(input: Record<string, unknown>, options: { markupToText?: boolean } = {}): CslItem {
  const item: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (key.startsWith('_') || value === undefined || value === null || value === '') continue;
    item[key] = value;
  }
  for (const key of NUMBERISH) if (typeof item[key] === 'number') item[key] = String(item[key]);
  // "2546–2554": the style draws the dash; stored as a hyphen, a range survives BibTeX's "--" and RIS alike.
  if (typeof item.page === 'string') item.page = item.page.replace(/\s*[\u2013\u2014]\s*/g, '-');
  for (const key of ['author', 'editor', 'container-author', 'translator'] as const) {
    const names = item[key];
    if (Array.isArray(names)) {
      const cleaned = (names as CslName[]).map(cleanName).filter((n) => Object.keys(n).length > 0);
      if (cleaned.length) item[key] = cleaned;
      else delete item[key];
    }
  }
  if (options.markupToText) {
    for (const key of ['title', 'container-title', 'publisher', 'collection-title'] as const) {
      if (typeof item[key] === 'string') item[key] = plainText(item[key] as string);
    }
  }
  if (typeof item.DOI === 'string') {
    const doi = normalizeDoi(item.DOI);
    if (doi) item.DOI = doi;
  }
  if (typeof item.type !== 'string' || !item.type) item.type = 'document';
  if (item.id === undefined) item.id = 'item';
  return item as CslItem;
}

export function yearOf(item: CslItem): number | undefined {
  const first = item.issued?.['date-parts']?.[0]?.[0];
  const year = typeof first === 'string' ? Number.parseInt(first, 10) : first;
  if (typeof year === 'number' && Number.isFinite(year)) return year;
  const raw = item.issued?.raw ?? item.issued?.literal;
  const match = raw?.match(/\b(1[5-9]\d\d|20\d\d)\b/);
  return match ? Number(match[1]) : undefined;
}

const CONTAINER_TYPES = new Set(['article-journal', 'article-magazine', 'article-newspaper', 'chapter', 'paper-conference']);
const PUBLISHED_TYPES = new Set(['book', 'report', 'thesis']);

/** The fields a reader needs to find the work, by type; empty when the reference is complete. */
export function missingFields(item: CslItem): string[] {
  const missing: string[] = [];
  const hasNames = (item.author?.length ?? 0) > 0 || (item.editor?.length ?? 0) > 0;
  if (!hasNames) missing.push('author');
  if (!item.title) missing.push('title');
  if (yearOf(item) === undefined) missing.push('year');
  if (CONTAINER_TYPES.has(item.type) && !item['container-title']) missing.push('container-title');
  if (PUBLISHED_TYPES.has(item.type) && !item.publisher) missing.push('publisher');
  if (item.type === 'webpage' && !item.URL) missing.push('URL');
  return missing;
}

/** Seed entries whose metadata could not be verified carry custom.incomplete = true. */
export function isFlaggedIncomplete(item: CslItem): boolean {
  const custom = item.custom as { incomplete?: unknown } | undefined;
  return custom?.incomplete === true;
}

/** "Family, Given" → family/given; anything without a comma is an organisation or a name that stays whole. */
export function parseNameLine(line: string): CslName | undefined {
  const text = line.trim();
  if (!text) return undefined;
  const comma = text.indexOf(',');
  if (comma < 0) return { literal: text };
  const family = text.slice(0, comma).trim();
  const given = text.slice(comma + 1).trim();
  return given ? { family, given } : { literal: family };
}

export function formatNameLine(name: CslName): string {
  if (name.literal) return name.literal;
  const family = [name['non-dropping-particle'], name.family].filter(Boolean).join(' ');
  return name.given ? `${family}, ${name.given}` : family;
}

export function formToCsl(form: CitationFormValues): CslItem {
  const authors = form.authors.split(/\r?\n/).map(parseNameLine).filter((n): n is CslName => n !== undefined);
  return normalizeCsl({
    id: 'item',
    type: form.type,
    author: authors,
    title: form.title.trim(),
    issued: form.year ? { 'date-parts': [[Number(form.year)]] } : undefined,
    'container-title': form.container.trim(),
    volume: form.volume.trim(),
    issue: form.issue.trim(),
    page: form.pages.trim(),
    publisher: form.publisher.trim(),
    DOI: form.doi.trim(),
    URL: form.url.trim(),
  });
}

export function cslToForm(item: CslItem): CitationFormValues {
  const types = ['article-journal', 'book', 'chapter', 'report', 'webpage', 'paper-conference', 'thesis', 'document'] as const;
  const type = (types as readonly string[]).includes(item.type) ? (item.type as (typeof types)[number]) : 'document';
  const year = yearOf(item);
  return {
    type,
    authors: (item.author ?? []).map(formatNameLine).join('\n'),
    year: year === undefined ? '' : String(year),
    title: item.title ?? '',
    container: item['container-title'] ?? '',
    volume: item.volume === undefined ? '' : String(item.volume),
    issue: item.issue === undefined ? '' : String(item.issue),
    pages: item.page ?? '',
    publisher: item.publisher ?? '',
    doi: item.DOI ?? '',
    url: item.URL ?? '',
  };
}

const FORM_KEYS = ['type', 'author', 'title', 'issued', 'container-title', 'volume', 'issue', 'page', 'publisher', 'DOI', 'URL'] as const;

/**
 * An edit made through the form, applied to the stored reference: the fields the form does not show (ISBN,
 * edition, place, abstract, …) are kept, and so are the richer forms of what it shows in simplified form when the
 * user left them as they were (a full date behind the year, a name particle, a type the form does not list).
 * Completing the reference by hand clears the "not yet verified" flag.
 */
export function applyForm(existing: CslItem, form: CitationFormValues): CslItem {
  const before = cslToForm(existing);
  const edited = formToCsl(form);
  const out: Record<string, unknown> = { ...existing };
  for (const key of FORM_KEYS) delete out[key];
  Object.assign(out, edited);
  if (form.type === before.type) out.type = existing.type;
  if (form.authors === before.authors && existing.author) out.author = existing.author;
  if (form.year === before.year && existing.issued) out.issued = existing.issued;
  const result = normalizeCsl(out);
  const custom = result.custom as Record<string, unknown> | undefined;
  if (custom && custom.incomplete === true && missingFields(result).length === 0) {
    const rest = Object.fromEntries(Object.entries(custom).filter(([k]) => k !== 'incomplete'));
    if (Object.keys(rest).length) result.custom = rest;
    else delete result.custom;
  }
  return result;
}
