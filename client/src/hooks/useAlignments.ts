import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import { reviewKeys } from '../api/keys.ts';
import type { Alignment } from '../../../shared/schemas.ts';

/**
 * Every alignment of the review, with the rationale and version the crosswalk model leaves out. Shares its key with
 * the other screens' alignment queries, so an optimistic change here shows everywhere at once.
 */
export function useAlignments(reviewId: number) {
  return useQuery({
    queryKey: reviewKeys.crosswalkAlignments(reviewId),
    queryFn: () => api<Alignment[]>(`/reviews/${reviewId}/alignments`),
  });
}
