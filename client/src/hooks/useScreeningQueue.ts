import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import { reviewKeys } from '../api/keys.ts';
import type { QueueFilter, QueueOrder, QueuePage } from '../components/screening/types.ts';

export const QUEUE_PAGE = 200;

/**
 * A stage's records for this reviewer in pages, kept as first loaded: deciding a record never reorders or shrinks the
 * list under the reviewer (decisions are written into the cached pages instead), so the next record is already here.
 */
export function useScreeningQueue(reviewId: number, you: number | null, stageId: number, filter: QueueFilter, order: QueueOrder) {
  return useInfiniteQuery({
    queryKey: reviewKeys.screeningQueue(reviewId, you, stageId, filter, order),
    queryFn: ({ pageParam }) => {
      const query = new URLSearchParams({ filter, order, limit: String(QUEUE_PAGE) });
      if (pageParam !== null) query.set('after', String(pageParam));
      return api<QueuePage>(`/reviews/${reviewId}/screening/stages/${stageId}/queue?${query}`);
    },
    initialPageParam: null as number | null,
    getNextPageParam: (last) => (last.items.length > 0 ? last.nextAfter : null),
    enabled: you !== null,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}
