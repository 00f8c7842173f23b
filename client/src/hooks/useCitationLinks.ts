import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import type { CitationLink, CitationStyle, LinkTarget, LinkedCitation } from '../../../shared/citations/model.ts';
import { citationKeys } from './useCitations.ts';

export interface AttachFields {
  citationId: number;
  locator: string;
  quote: string;
}

/** The citations attached to one framework, phase, stage or alignment, formatted in the style; attach and detach. */
export function useCitationLinks(reviewId: number, targetType: LinkTarget, targetId: number, style: CitationStyle) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: citationKeys.links(reviewId, targetType, targetId, style),
    queryFn: () => api<LinkedCitation[]>(`/reviews/${reviewId}/citation-links?targetType=${targetType}&targetId=${targetId}&style=${style}`),
  });
  const onSettled = () => queryClient.invalidateQueries({ queryKey: citationKeys.all(reviewId) });
  const attach = useMutation({
    mutationFn: ({ citationId, locator, quote }: AttachFields) =>
      api<CitationLink>(`/reviews/${reviewId}/citations/${citationId}/links`, { method: 'POST', json: { targetType, targetId, locator, quote } }),
    onSettled,
  });
  const detach = useMutation({
    mutationFn: (linkId: number) => api<void>(`/reviews/${reviewId}/citation-links/${linkId}`, { method: 'DELETE' }),
    onSettled,
  });
  return { query, attach, detach };
}
