import { useQueries } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import { reviewKeys } from '../api/keys.ts';
import type { CrosswalkResponse } from './useCrosswalk.ts';

export interface ReviewSummary {
  models: number;
  phases: number;
}

/**
 * How many models and phases each review has, read from its crosswalk (cached under the same key the screens use,
 * so opening a review afterwards costs nothing). Fine for the handful of reviews a person keeps.
 */
export function useReviewSummaries(reviewIds: number[]): Map<number, ReviewSummary> {
  return useQueries({
    queries: reviewIds.map((id) => ({
      queryKey: reviewKeys.crosswalk(id),
      queryFn: () => api<CrosswalkResponse>(`/reviews/${id}/crosswalk`),
    })),
    combine: (results) => {
      const summaries = new Map<number, ReviewSummary>();
      results.forEach((r, i) => {
        const id = reviewIds[i];
        if (id === undefined || !r.data) return;
        const { models } = r.data.crosswalk;
        summaries.set(id, { models: models.length, phases: models.reduce((n, m) => n + m.phases.length, 0) });
      });
      return summaries;
    },
  });
}
