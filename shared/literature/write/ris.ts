// CSL-JSON → RIS. One tag per line, so values are single-spaced; names as "particle Family, Given[, Suffix]".
// Titles and abstracts keep their CSL rich-text tags (<i>, <sup> …), as Zotero writes them and the importer reads them.
import type { CslItem, CslName } from '../../csl.ts';
import { keywordList } from '../normalise.ts';

const TYPES: Record<string, string> = {
  'article-journal': 'JOUR', 'article-magazine': 'MGZN', 'article-newspaper': 'NEWS', book: 'BOOK', chapter: 'CHAP',
  'paper-conference': 'CPAPER', report: 'RPRT', thesis: 'THES', webpage: 'ELEC', patent: 'PAT', dataset: 'DATA',
  manuscript: 'UNPB', software: 'COMP', 'entry-encyclopedia': 'ENCYC', article: 'GEN', bill: 'BILL',
  legal_case: 'CASE', legislation: 'STAT', map: 'MAP', motion_picture: 'MPCT', song: 'SOUND',
  personal_communication: 'PCOMM', hearing: 'HEAR',
};

const one = (s: string): string => s.replace(/\s+/g, ' ').trim();

function name(n: CslName): string | undefined {
  if (n.literal !== undefined && n.family === undefined) return one(n.literal);
  const particle = n['non-dropping-particle'] ?? n['dropping-particle'];
  const family = [particle, n.family].filter(Boolean).join(' ');
  if (!family) return n.given ? one(n.given) : undefined;
  const parts = [family, n.given, n.suffix].filter((p): p is string => Boolean(p));
  // A trailing comma keeps a family-only name a person: without one, RIS readers take it as a single-field name.
  return one(n.given || n.suffix ? parts.join(', ') : `${family},`);
}

export function writeRisRecord(item: CslItem): string {
  const lines: string[] = [`TY  - ${TYPES[item.type] ?? 'GEN'}`];
  const add = (tag: string, v: string | number | undefined): void => {
    if (v === undefined) return;
    const t = one(String(v));
    if (t) lines.push(`${tag}  - ${t}`);
  };
  add('ID', item.id);
  add('TI', item.title);
  for (const a of item.author ?? []) add('AU', name(a));
  for (const e of item.editor ?? []) add('ED', name(e));
  add('T2', item['container-title']);
  const parts = item.issued?.['date-parts']?.[0] ?? [];
  const [y, m, d] = parts.map((p) => (typeof p === 'number' ? p : Number.parseInt(String(p), 10)));
  if (y !== undefined && Number.isFinite(y)) {
    add('PY', y);
    if (m !== undefined && Number.isFinite(m)) add('DA', `${y}/${String(m).padStart(2, '0')}/${d !== undefined && Number.isFinite(d) ? String(d).padStart(2, '0') : ''}/`);
  }
  add('VL', item.volume);
  add('IS', item.issue);
  if (item.page) {
    const m2 = /^([^-]+)-([^-]+)$/.exec(item.page);
    if (m2) {
      add('SP', m2[1]);
      add('EP', m2[2]);
    } else add('SP', item.page);
  }
  add('DO', item.DOI);
  add('AB', item.abstract);
  for (const k of keywordList(item)) add('KW', k);
  add('LA', item.language);
  add('PB', item.publisher);
  add('CY', item['publisher-place']);
  add('SN', item.ISBN ?? item.ISSN);
  if (item.ISBN && item.ISSN) add('SN', item.ISSN);
  add('UR', item.URL);
  add('N1', item.note);
  lines.push('ER  - ');
  return lines.join('\n') + '\n';
}

export function writeRis(items: CslItem[]): string {
  return items.map(writeRisRecord).join('\n');
}
