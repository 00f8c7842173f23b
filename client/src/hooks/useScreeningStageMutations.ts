import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import { reviewKeys } from '../api/keys.ts';
import type { ScreeningStage, StageKind, StageSource } from '../components/screening/types.ts';

/** Create a stage, and (lead) unblind one: both change what every screening read shows. */
export function useScreeningStageMutations(reviewId: number, you: number | null) {
  const queryClient = useQueryClient();
  const onSettled = () => queryClient.invalidateQueries({ queryKey: reviewKeys.screening(reviewId, you) });
  const create = useMutation({
    mutationFn: (stage: { kind: StageKind; label?: string; source: StageSource; reviewersRequired: number; blind: boolean }) =>
      api<ScreeningStage>(`/reviews/${reviewId}/screening/stages`, { method: 'POST', json: stage }),
    onSettled,
  });
  const unblind = useMutation({
    mutationFn: (stageId: number) => api<ScreeningStage>(`/reviews/${reviewId}/screening/stages/${stageId}/unblind`, { method: 'POST' }),
    onSettled,
  });
  return { create, unblind };
}
