import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import { codingKeys } from '../components/coding/codingKeys.ts';
import type { Tag } from '../../../shared/coding/schemas.ts';

/** The query of one item's live tags (everyone's), also used to read the next item's ahead. */
export const codingItemTagsQuery = (reviewId: number, itemId: number) => ({
  queryKey: codingKeys.itemTags(reviewId, itemId),
  queryFn: () => api<Tag[]>(`/reviews/${reviewId}/coding/tags?itemId=${itemId}`),
});

/** The live tags on one item, everyone's. */
export function useCodingItemTags(reviewId: number, itemId: number | null) {
  return useQuery({ ...codingItemTagsQuery(reviewId, itemId ?? 0), enabled: itemId !== null });
}
