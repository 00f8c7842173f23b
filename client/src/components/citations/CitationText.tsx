// Plain-text summaries of a citation for lists and pickers (rendered as text, never as HTML).
import type { Citation } from '../../../../shared/citations/model.ts';
import { formatNameLine, yearOf } from '../../../../shared/citations/normalize.ts';
import { plainOf } from '../../../../shared/literature/rich-text.ts';

export function citationAuthors(c: Citation): string {
  return (c.csl.author ?? c.csl.editor ?? []).map(formatNameLine).join('; ');
}

export function citationYear(c: Citation): string {
  const y = yearOf(c.csl);
  return y === undefined ? 'n.d.' : String(y);
}

/** "murray2010 — Murray; Caulier-Grice; Mulgan (2010) The open book…" */
export function citationSummary(c: Citation): string {
  const title = c.csl.title ? plainOf(c.csl.title) : '(no title)';
  const authors = citationAuthors(c) || '(no author)';
  return `${c.citekey} — ${authors} (${citationYear(c)}) ${title.length > 80 ? `${title.slice(0, 79)}…` : title}`;
}
