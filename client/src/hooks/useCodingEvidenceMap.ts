import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import { codingKeys } from '../components/coding/codingKeys.ts';
import { codingQuery } from '../components/coding/codingQuery.ts';
import type { EvidenceMap } from '../../../shared/coding/schemas.ts';

/** The evidence-and-gap map for these axes (rows, columns: code branches). */
export function useCodingEvidenceMap(reviewId: number, params: Record<string, string | undefined>) {
  const query = codingQuery(params);
  return useQuery({ queryKey: codingKeys.map(reviewId, query), queryFn: () => api<EvidenceMap>(`/reviews/${reviewId}/coding/evidence-map?${query}`) });
}
