import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import type { CitationStyle, Formatted } from '../../../shared/citations/model.ts';
import { citationKeys } from './useCitations.ts';

/** One citation in a style: in-text form and bibliography entry (HTML to sanitise, and text). */
export function useCitationFormatted(reviewId: number, id: number | undefined, style: CitationStyle) {
  return useQuery({
    queryKey: citationKeys.formatted(reviewId, id ?? 0, style),
    queryFn: () => api<Formatted>(`/reviews/${reviewId}/citations/${id}/formatted?style=${style}`),
    enabled: id !== undefined,
  });
}
