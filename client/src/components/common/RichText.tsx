// Imported titles, container titles and abstracts are CSL rich text (shared/literature/rich-text.ts): shown with
// their italics, superscripts and small caps, every other character as text, through the one sanitiser.
import { useMemo } from 'react';
import { hasMarkup, richToHtml } from '../../../../shared/literature/rich-text.ts';
import { highlightRichHtml } from '../../../../shared/screening/highlight.ts';
import { sanitizeCitationHtml } from '../../lib/sanitize.ts';
import '../../styles/rich-text.css';

export interface HighlightTerms {
  include: readonly string[];
  exclude: readonly string[];
}

/** A stored rich-text value; with `terms`, the review's inclusion and exclusion terms marked in it. */
export function RichText({ text, terms, className }: { text: string; terms?: HighlightTerms; className?: string }) {
  const html = useMemo(
    () => (terms || hasMarkup(text) ? sanitizeCitationHtml(terms ? highlightRichHtml(text, terms.include, terms.exclude) : richToHtml(text)) : null),
    [text, terms],
  );
  const cls = ['rich-text', className].filter(Boolean).join(' ');
  // most values carry no formatting: those stay a plain text node
  if (html === null) return <span className={cls}>{text}</span>;
  return <span className={cls} dangerouslySetInnerHTML={{ __html: html }} />;
}
