import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import { reviewKeys } from '../api/keys.ts';
import type { Agreement } from '../components/screening/types.ts';

/** Agreement between the stage's reviewers: percent, Cohen's kappa per pair, Fleiss' kappa for three or more. */
export function useScreeningAgreement(reviewId: number, you: number | null, stageId: number, enabled: boolean) {
  return useQuery({
    queryKey: [...reviewKeys.screeningStage(reviewId, you, stageId), 'agreement'],
    queryFn: () => api<Agreement>(`/reviews/${reviewId}/screening/stages/${stageId}/agreement`),
    enabled: enabled && you !== null,
  });
}
