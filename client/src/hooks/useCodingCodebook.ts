import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import { codingKeys } from '../components/coding/codingKeys.ts';
import type { Codebook } from '../../../shared/coding/schemas.ts';

/** The review's codebook: stages, every model's phases and the review's own codes, one tree in order. */
export function useCodingCodebook(reviewId: number) {
  return useQuery({ queryKey: codingKeys.codebook(reviewId), queryFn: () => api<Codebook>(`/reviews/${reviewId}/coding/codebook`) });
}
