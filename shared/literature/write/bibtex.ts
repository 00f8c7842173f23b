// CSL-JSON → BibTeX (UTF-8, BibLaTeX-compatible). Text is escaped so that the importer reads back exactly the
// stored text: TeX specials, "--" (which TeX reads as a dash) and TeX quote ligatures are neutralised, and the
// rich-text formatting of titles and abstracts is written as the commands it came from (\textit{} …).
import type { CslItem, CslName } from '../../csl.ts';
import { keywordList } from '../normalise.ts';
import { B, I, NOCASE, SC, SUB, SUP, renderRuns, richRuns } from '../rich-text.ts';

const TYPES: Record<string, string> = {
  'article-journal': 'article', 'article-magazine': 'article', 'article-newspaper': 'article', book: 'book',
  chapter: 'incollection', 'paper-conference': 'inproceedings', report: 'techreport', thesis: 'phdthesis',
  webpage: 'online', manuscript: 'unpublished', dataset: 'dataset', patent: 'patent', software: 'software',
  'entry-encyclopedia': 'inreference', article: 'misc',
};

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}', '{': '\\{', '}': '\\}', '&': '\\&', '%': '\\%', $: '\\$', '#': '\\#', _: '\\_',
  '~': '\\textasciitilde{}', '^': '\\textasciicircum{}', '`': '\\textasciigrave{}',
};

/** Plain text → TeX that reads back as the same text. */
export function texEscape(s: string): string {
  return s
    .replace(/[\\{}&%$#_~^`]/g, (c) => SPECIAL[c] as string)
    .replace(/-(?=-)/g, '-{}')
    .replace(/'(?=')/g, "'{}");
}

const TEX_MARKS: Record<number, string> = {
  [I]: '\\textit{', [B]: '\\textbf{', [SC]: '\\textsc{', [SUP]: '\\textsuperscript{', [SUB]: '\\textsubscript{', [NOCASE]: '\\NoCaseChange{',
};

/** Stored rich text → TeX that reads back as the same rich text. */
export function richToTex(rich: string): string {
  return renderRuns(richRuns(rich), { open: (m) => TEX_MARKS[m] as string, close: () => '}', text: texEscape });
}

const needsBraces = (s: string): boolean => /,|\s(?:and)\s/i.test(s) || /^\p{Ll}/u.test(s);

function name(n: CslName): string {
  if (n.literal !== undefined && n.family === undefined) return `{${texEscape(n.literal)}}`;
  const fam = texEscape(n.family ?? '');
  const family = needsBraces(n.family ?? '') || /\s/.test(n.family ?? '') ? `{${fam}}` : fam;
  const particle = n['non-dropping-particle'] ?? n['dropping-particle'];
  const vonLast = particle ? `${texEscape(particle)} ${family}` : family;
  const given = n.given ? (needsBraces(n.given) ? `{${texEscape(n.given)}}` : texEscape(n.given)) : '';
  if (n.suffix) return `${vonLast}, ${texEscape(n.suffix)}, ${given}`;
  // A braced family alone would read as an organisation; the comma says it is a person without a given name.
  return given ? `${vonLast}, ${given}` : family.startsWith('{') ? `${vonLast},` : vonLast;
}

const names = (list: CslName[]): string => list.map(name).join(' and ');

function keyFor(item: CslItem, used: Set<string>): string {
  const base =
    item['citation-key'] && /^[\w:.+/-]+$/.test(item['citation-key'])
      ? item['citation-key']
      : typeof item.id === 'string' && /^[\w:.+/-]+$/.test(item.id)
        ? item.id
        : `${(item.author?.[0]?.family ?? item.author?.[0]?.literal ?? 'ref').normalize('NFD').replace(/[^A-Za-z0-9]/g, '').toLowerCase() || 'ref'}${item.issued?.['date-parts']?.[0]?.[0] ?? ''}`;
  let key = base;
  for (let i = 0; used.has(key); i++) key = `${base}${String.fromCharCode(97 + (i % 26))}${i >= 26 ? Math.floor(i / 26) : ''}`;
  used.add(key);
  return key;
}

function dateParts(item: CslItem): number[] {
  const parts = item.issued?.['date-parts']?.[0] ?? [];
  return parts.map((p) => (typeof p === 'number' ? p : Number.parseInt(p, 10))).filter((n) => Number.isFinite(n));
}

/** One entry; `used` collects keys so a file never repeats one. */
export function writeBibtexEntry(item: CslItem, used: Set<string> = new Set()): string {
  const type = TYPES[item.type] ?? 'misc';
  const fields: [string, string][] = [];
  const text = (k: string, v: string | number | undefined, escape = texEscape): void => {
    if (v !== undefined && String(v).trim() !== '') fields.push([k, `{${escape(String(v))}}`]);
  };
  if (item.author?.length) fields.push(['author', `{${names(item.author)}}`]);
  if (item.editor?.length) fields.push(['editor', `{${names(item.editor)}}`]);
  if (item.title) fields.push(['title', `{{${richToTex(item.title)}}}`]);
  const container = item['container-title'];
  if (container) text(type === 'article' || type === 'misc' ? 'journal' : 'booktitle', container, richToTex);
  const [year, month, day] = dateParts(item);
  if (year !== undefined) {
    fields.push(['year', `{${year}}`]);
    if (month !== undefined && month >= 1 && month <= 12) {
      fields.push(['month', MONTHS[month - 1] as string]);
      if (day !== undefined) fields.push(['day', `{${day}}`]);
    }
  }
  text('volume', item.volume);
  text('number', item.issue);
  if (item.page) fields.push(['pages', `{${texEscape(item.page).replace(/-\{\}-/g, '--').replace(/(\d)-(?=\d)/g, '$1--')}}`]);
  if (item.DOI) fields.push(['doi', `{${item.DOI.replace(/[{}]/g, '')}}`]);
  text('abstract', item.abstract, richToTex);
  const kws = keywordList(item);
  if (kws.length) text('keywords', kws.join('; ') + (kws.length === 1 && kws[0]?.includes(',') ? ';' : ''));
  text('language', item.language);
  text('publisher', item.publisher);
  text('address', item['publisher-place']);
  text('isbn', item.ISBN);
  text('issn', item.ISSN);
  if (item.URL) fields.push(['url', `{${item.URL.replace(/[{}]/g, '')}}`]);
  text('note', item.note);
  const key = keyFor(item, used);
  return `@${type}{${key},\n${fields.map(([k, v]) => `  ${k} = ${v}`).join(',\n')}\n}\n`;
}

export function writeBibtex(items: CslItem[]): string {
  const used = new Set<string>();
  return items.map((i) => writeBibtexEntry(i, used)).join('\n');
}
