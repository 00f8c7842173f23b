import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import { reviewKeys } from '../api/keys.ts';
import type { Alignment } from '../../../shared/schemas.ts';

/**
 * Every alignment of the review by id, for the details (rationale) the crosswalk model leaves out. Keyed under the
 * crosswalk, so it refreshes whenever the crosswalk does.
 */
export function useStageAlignments(reviewId: number) {
  return useQuery({
    queryKey: reviewKeys.crosswalkAlignments(reviewId),
    queryFn: () => api<Alignment[]>(`/reviews/${reviewId}/alignments`),
    select: (list) => new Map(list.map((a) => [a.id, a])),
  });
}
