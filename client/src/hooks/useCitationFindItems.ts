import { useMemo } from 'react';
import type { Citation } from '../../../shared/citations/model.ts';
import { plainOf } from '../../../shared/literature/rich-text.ts';
import { citationAuthors, citationYear } from '../components/citations/CitationText.tsx';
import type { FindItem } from './useQuickFind.ts';
import { useCitations } from './useCitations.ts';
import { reviewHash } from '../lib/route.ts';

/** Quick find entries for the review's citations: found by title, author, year or key; Enter opens the citation. */
export function citationFindItems(citations: Citation[], slug: string): FindItem[] {
  return citations.map((c) => {
    const authors = citationAuthors(c);
    const year = citationYear(c);
    return {
      kind: 'citation', id: c.id, title: c.csl.title ? plainOf(c.csl.title) : c.citekey, context: `${authors} (${year})`,
      text: `${c.citekey} ${year} ${authors} ${plainOf(c.csl['container-title'] ?? '')}`,
      hash: reviewHash(slug, 'citations', c.id), focusId: `citation-row-${c.id}`,
    };
  });
}

export function useCitationFindItems(reviewId: number, slug: string): FindItem[] {
  const citations = useCitations(reviewId);
  return useMemo(() => citationFindItems(citations.data ?? [], slug), [citations.data, slug]);
}
