// What the tagged formats (RIS, MEDLINE, Web of Science) share once a record is read: the names finishItem does not
// clean (collection editors, translators), the title of a record that has none, and when a record is refused.
import type { CslItem, CslName } from '../../csl.ts';
import { toDateParts, type DateParts } from '../dates.ts';
import { cleanText } from '../normalise.ts';
import { plainOf } from '../rich-text.ts';

/** Names for CSL roles other than author and editor, cleaned as finishItem cleans those. */
export function setNames(item: CslItem, key: 'collection-editor' | 'translator', names: CslName[]): void {
  const out: CslName[] = [];
  for (const n of names) {
    const c: CslName = {};
    for (const [k, v] of Object.entries(n)) {
      const t = typeof v === 'string' ? cleanText(v, 'plain') : undefined;
      if (t) (c as Record<string, string>)[k] = t;
    }
    if (Object.keys(c).length) out.push(c);
  }
  if (out.length) (item as Record<string, unknown>)[key] = out;
}

export function setText(item: CslItem, key: string, value: string | undefined): void {
  const t = cleanText(value, 'plain');
  if (t) (item as Record<string, unknown>)[key] = t;
}

export function setDate(item: CslItem, key: 'accessed' | 'available-date', d: DateParts): void {
  const parts = toDateParts(d);
  if (parts) (item as Record<string, unknown>)[key] = { 'date-parts': [parts] };
}

/** The marker a record's title carries when the source gave it none, so no one takes it for the real title. */
export const UNTITLED = '[untitled]';

const ABSTRACT_WORDS = 12;

/**
 * A record without a title is kept when it has anything else, titled from what it has: its container ("[untitled]
 * in Journal of X", which says where to look it up), else the start of its abstract (what a screener reads
 * anyway), else its keywords. The warning starts "incomplete:" so the library detail shows why.
 */
export function titleUntitled(item: CslItem, warnings: string[]): void {
  if (item.title) return;
  const container = item['container-title'];
  if (container) {
    item.title = `${UNTITLED} in ${container}`;
    warnings.push('incomplete: the record has no title; titled from its container title');
    return;
  }
  if (item.abstract) {
    // the abstract may hold rich text: words of its plain form, so no tag is cut in half
    const words = plainOf(item.abstract).split(' ');
    const start = words.slice(0, ABSTRACT_WORDS).join(' ');
    item.title = `${UNTITLED} ${start}${words.length > ABSTRACT_WORDS ? '…' : ''}`;
    warnings.push('incomplete: the record has no title; titled from the start of its abstract');
    return;
  }
  if (item.keyword) {
    item.title = `${UNTITLED} on ${item.keyword.split('; ').slice(0, 3).join('; ')}`;
    warnings.push('incomplete: the record has no title; titled from its keywords');
    return;
  }
  warnings.push('incomplete: the record has no title');
}

/** Only a record with none of title, container, author, editor, date and DOI has nothing to keep. */
export const hasNothingUsable = (item: CslItem): boolean =>
  !item.title && !item['container-title'] && !item.author && !item.editor && !item.issued && !item.DOI;
