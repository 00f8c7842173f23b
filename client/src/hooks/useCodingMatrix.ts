import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import { codingKeys } from '../components/coding/codingKeys.ts';
import { codingQuery } from '../components/coding/codingQuery.ts';
import type { Matrix } from '../../../shared/coding/schemas.ts';

/** The framework matrix for these filters (orientation, branch, band). */
export function useCodingMatrix(reviewId: number, params: Record<string, string | undefined>) {
  const query = codingQuery(params);
  return useQuery({ queryKey: codingKeys.matrix(reviewId, query), queryFn: () => api<Matrix>(`/reviews/${reviewId}/coding/matrix?${query}`) });
}
