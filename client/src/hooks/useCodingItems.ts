import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import { codingKeys } from '../components/coding/codingKeys.ts';
import type { CodingItems } from '../../../shared/coding/schemas.ts';

/** The items that can be coded, with their codes and tag counts ("mine" as the chosen reviewer). */
export function useCodingItems(reviewId: number, reviewer: number | null) {
  return useQuery({ queryKey: codingKeys.items(reviewId, reviewer), queryFn: () => api<CodingItems>(`/reviews/${reviewId}/coding/items`) });
}
