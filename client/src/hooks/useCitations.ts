import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import { reviewKeys } from '../api/keys.ts';
import type { Citation } from '../../../shared/citations/model.ts';

/** Query keys of the citation resources, nested under the review so review-wide invalidation reaches them. */
export const citationKeys = {
  all: (reviewId: number) => [...reviewKeys.one(reviewId), 'citations'] as const,
  list: (reviewId: number) => [...reviewKeys.one(reviewId), 'citations', 'list'] as const,
  formatted: (reviewId: number, id: number, style: string) => [...reviewKeys.one(reviewId), 'citations', 'formatted', id, style] as const,
  links: (reviewId: number, targetType: string, targetId: number, style: string) =>
    [...reviewKeys.one(reviewId), 'citations', 'links', targetType, targetId, style] as const,
  bibliography: (reviewId: number, scope: string, style: string) => [...reviewKeys.one(reviewId), 'citations', 'bibliography', scope, style] as const,
};

/** Every citation of the review, in the order they were added. */
export function useCitations(reviewId: number) {
  return useQuery({
    queryKey: citationKeys.list(reviewId),
    queryFn: () => api<Citation[]>(`/reviews/${reviewId}/citations`),
  });
}
