import { useMemo } from 'react';
import { sanitizeCitationHtml } from '../../lib/sanitize.ts';

/** A formatted reference from the API, sanitised before it touches the DOM. */
export function CitationHtml({ html, className }: { html: string; className?: string }) {
  const safe = useMemo(() => sanitizeCitationHtml(html), [html]);
  return <div className={['citation-html', className].filter(Boolean).join(' ')} dangerouslySetInnerHTML={{ __html: safe }} />;
}
