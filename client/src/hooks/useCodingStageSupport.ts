import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import { codingKeys } from '../components/coding/codingKeys.ts';
import type { StageSupport } from '../../../shared/coding/schemas.ts';

/** Per target stage, how many coded items support it (tagged with it, or with a phase aligned to it). */
export function useCodingStageSupport(reviewId: number) {
  return useQuery({ queryKey: codingKeys.stageSupport(reviewId), queryFn: () => api<StageSupport>(`/reviews/${reviewId}/coding/stage-support`) });
}
