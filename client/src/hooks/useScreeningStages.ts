import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import { reviewKeys } from '../api/keys.ts';
import type { ScreeningStage } from '../components/screening/types.ts';

/** The review's screening stages, in order, each with the size of its item set. */
export function useScreeningStages(reviewId: number, you: number | null) {
  return useQuery({
    queryKey: reviewKeys.screeningStages(reviewId, you),
    queryFn: () => api<ScreeningStage[]>(`/reviews/${reviewId}/screening/stages`),
    enabled: you !== null,
  });
}
