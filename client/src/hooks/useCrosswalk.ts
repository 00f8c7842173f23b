import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import { reviewKeys } from '../api/keys.ts';
import type { Crosswalk } from '../../../shared/crosswalk/crosswalk.ts';
import type { TextTable } from '../../../shared/crosswalk/tables.ts';

export interface CrosswalkResponse {
  crosswalk: Crosswalk;
  tables: { bands: TextTable; stages: TextTable; target: TextTable };
}

export function useCrosswalk(reviewId: number | undefined) {
  return useQuery({
    queryKey: reviewKeys.crosswalk(reviewId ?? 0),
    queryFn: () => api<CrosswalkResponse>(`/reviews/${reviewId}/crosswalk`),
    enabled: reviewId !== undefined,
  });
}
