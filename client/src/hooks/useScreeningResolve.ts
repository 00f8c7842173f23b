import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import { reviewKeys } from '../api/keys.ts';

export interface Resolution { itemId: number; decision: 'include' | 'exclude'; reason: string; note: string }

/** The lead's final decision on a record in conflict; it changes conflicts, progress, queues and the PRISMA counts. */
export function useScreeningResolve(reviewId: number, you: number | null, stageId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (resolution: Resolution) =>
      api<unknown>(`/reviews/${reviewId}/screening/stages/${stageId}/resolutions`, { method: 'POST', json: resolution }),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: reviewKeys.screeningStage(reviewId, you, stageId) });
      void queryClient.invalidateQueries({ queryKey: reviewKeys.prisma(reviewId) });
    },
  });
}
