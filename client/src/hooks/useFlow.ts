import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import { reviewKeys } from '../api/keys.ts';
import type { FlowCount } from '../../../shared/schemas.ts';

export function useFlow(reviewId: number) {
  return useQuery({ queryKey: reviewKeys.flow(reviewId), queryFn: () => api<FlowCount[]>(`/reviews/${reviewId}/flow`) });
}
