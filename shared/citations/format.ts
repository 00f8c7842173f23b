// Formatting with citation-js CSL: the styles are handed in as XML (bundled under fixtures/csl/, read by the
// server), registered under their own names so that the plugin's built-in copies are never used by accident.
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import type { CslItem } from '../csl.ts';
import type { CitationStyle } from './model.ts';

export interface StyleSources {
  styles: Record<CitationStyle, string>;
  locales: Record<string, string>;
}

interface StyleSetup {
  template: string;
  lang: string;
}

const SETUP: Record<CitationStyle, StyleSetup> = {
  apa: { template: 'workbench-apa', lang: 'en-US' },
  // Cite Them Right is a British style: dates and quotation marks follow en-GB.
  harvard: { template: 'workbench-harvard-cite-them-right', lang: 'en-GB' },
  vancouver: { template: 'workbench-vancouver', lang: 'en-US' },
};

export interface FormattedEntry {
  id: string;
  html: string;
  text: string;
}

export interface Formatter {
  /** entries in the order the style sorts them (Vancouver: the order given, as numbered) */
  bibliography(items: CslItem[], style: CitationStyle): FormattedEntry[];
  /** "(Murray et al., 2010)", with ", p. 12" when a page locator is given */
  inText(item: CslItem, style: CitationStyle, locator?: string): string;
  entry(item: CslItem, style: CitationStyle): FormattedEntry;
}

export function registerStyles(sources: StyleSources): void {
  const config = plugins.config.get('@csl');
  for (const style of Object.keys(SETUP) as CitationStyle[]) {
    const { template } = SETUP[style];
    if (!config.styles.has(template)) config.styles.add(template, sources.styles[style]);
  }
  for (const [lang, xml] of Object.entries(sources.locales)) {
    if (!config.locales.has(lang)) config.locales.add(lang, xml);
  }
}

/** citation-js's entry arrays ([id, string], in the style's order) as a map by id. */
function entriesById(raw: [string, string][]): Map<string, string> {
  return new Map(raw.map(([id, s]) => [String(id), s.trim()]));
}

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/**
 * The plain-text form of an entry from its HTML: tags dropped (a numbered style's margin number keeps a space
 * after it), entities decoded. Formatting once instead of twice halves the cost, which is citeproc's.
 */
export function entryText(html: string): string {
  return html
    .replace(/<div class="csl-left-margin">([^<]*)<\/div>/g, '$1 ')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (whole, code: string) => {
      if (/^#x/i.test(code)) return String.fromCodePoint(parseInt(code.slice(2), 16));
      if (code.startsWith('#')) return String.fromCodePoint(Number(code.slice(1)));
      return ENTITY[code] ?? whole;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

function bibliographyOf(items: CslItem[], style: CitationStyle): FormattedEntry[] {
  if (items.length === 0) return [];
  const { template, lang } = SETUP[style];
  const html = entriesById(new Cite(items).format('bibliography', { template, lang, asEntryArray: true, format: 'html' }));
  return [...html].map(([id, h]) => ({ id, html: h, text: entryText(h) }));
}

export function createFormatter(sources: StyleSources): Formatter {
  registerStyles(sources);
  return {
    bibliography: bibliographyOf,
    entry(item, style) {
      const [first] = bibliographyOf([item], style);
      return first ?? { id: String(item.id), html: '', text: '' };
    },
    inText(item, style, locator) {
      const { template, lang } = SETUP[style];
      const id = String(item.id);
      const entry = locator ? [{ id, locator, label: 'page' }] : id;
      return new Cite([item]).format('citation', { format: 'text', template, lang, entry });
    },
  };
}
