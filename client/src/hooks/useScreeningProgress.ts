import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import { reviewKeys } from '../api/keys.ts';
import type { ScreeningProgress } from '../components/screening/types.ts';

/** n of N per reviewer (while blind only the asker's own row) and, once visible, the final decisions. */
export function useScreeningProgress(reviewId: number, you: number | null, stageId: number) {
  return useQuery({
    queryKey: [...reviewKeys.screeningStage(reviewId, you, stageId), 'progress'],
    queryFn: () => api<ScreeningProgress>(`/reviews/${reviewId}/screening/stages/${stageId}/progress`),
    enabled: you !== null,
  });
}
