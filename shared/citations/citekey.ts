// Citation keys: derived once from the first author (or organisation, or title) and the year, then never changed,
// so that a manuscript that cites `murray2010` keeps working however the reference is edited later.
import type { CslItem } from '../csl.ts';
import { yearOf } from './normalize.ts';

const fold = (s: string): string =>
  s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/ß/g, 'ss').replace(/[øØ]/g, 'o').replace(/[æÆ]/g, 'ae');

const STOP = new Set(['a', 'an', 'the', 'of', 'on', 'in', 'and', 'for', 'to']);

/** "Murray et al. 2010" → "murray2010"; "Design Council 2019" → "designcouncil2019"; no year → "…nd". */
export function baseCitekey(item: CslItem): string {
  const first = item.author?.[0] ?? item.editor?.[0];
  let stem = '';
  if (first?.family) stem = first.family;
  else if (first?.literal) stem = first.literal;
  else if (item.title) stem = item.title.split(/\s+/).find((w) => !STOP.has(w.toLowerCase())) ?? item.title;
  else if (item.DOI) stem = `doi${item.DOI.split('/').slice(1).join('')}`;
  stem = fold(stem).toLowerCase().replace(/[^a-z0-9]+/g, '');
  if (!/^[a-z]/.test(stem)) stem = `ref${stem}`;
  const year = yearOf(item);
  return `${stem.slice(0, 40)}${year ?? 'nd'}`;
}

/** The base key, or the base key with the first free suffix a, b, …, z, aa, ab, … */
export function uniqueCitekey(base: string, taken: (key: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 0; ; n++) {
    const suffix = n < 26 ? String.fromCharCode(97 + n) : `${String.fromCharCode(97 + Math.floor(n / 26) - 1)}${String.fromCharCode(97 + (n % 26))}`;
    if (!taken(`${base}${suffix}`)) return `${base}${suffix}`;
  }
}
