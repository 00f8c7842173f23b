import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import { reviewKeys } from '../api/keys.ts';
import type { ConflictEntry } from '../components/screening/types.ts';

/** The stage's records in conflict with each reviewer's decision (once unblinded, or when the asker has finished). */
export function useScreeningConflicts(reviewId: number, you: number | null, stageId: number, enabled: boolean) {
  return useQuery({
    queryKey: [...reviewKeys.screeningStage(reviewId, you, stageId), 'conflicts'],
    queryFn: () => api<ConflictEntry[]>(`/reviews/${reviewId}/screening/stages/${stageId}/conflicts`),
    enabled: enabled && you !== null,
  });
}
