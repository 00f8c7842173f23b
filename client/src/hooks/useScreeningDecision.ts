import { useMutation, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import { reviewKeys } from '../api/keys.ts';
import type { MyDecision, QueuePage } from '../components/screening/types.ts';

export interface DecisionChange {
  itemId: number;
  /** the decision to record; null takes this reviewer's decision away (undo of a first decision) */
  next: MyDecision | null;
}

/**
 * Records (or takes back) this reviewer's decision on one record. The cached queue pages show it at once; if the
 * server refuses, they go back to what they showed and the error is the mutation's.
 */
export function useScreeningDecision(reviewId: number, you: number | null, stageId: number) {
  const queryClient = useQueryClient();
  const stageKey = reviewKeys.screeningStage(reviewId, you, stageId);
  const queueKey = [...stageKey, 'queue'];
  const mutationKey = [...stageKey, 'decide'];
  return useMutation({
    mutationKey,
    mutationFn: ({ itemId, next }: DecisionChange) => {
      const path = `/reviews/${reviewId}/screening/stages/${stageId}/decisions/${itemId}`;
      return next === null
        ? api<void>(path, { method: 'DELETE' })
        : api<unknown>(path, { method: 'PUT', json: { decision: next.decision, reason: next.reason, note: next.note } });
    },
    onMutate: async ({ itemId, next }: DecisionChange) => {
      await queryClient.cancelQueries({ queryKey: queueKey });
      const before = queryClient.getQueriesData<InfiniteData<QueuePage>>({ queryKey: queueKey });
      queryClient.setQueriesData<InfiniteData<QueuePage>>({ queryKey: queueKey }, (data) =>
        data && {
          ...data,
          pages: data.pages.map((page) => ({
            ...page,
            items: page.items.map((entry) => (entry.item.id === itemId ? { ...entry, mine: next } : entry)),
          })),
        },
      );
      return { before };
    },
    onError: (_error, _change, context) => {
      for (const [key, data] of context?.before ?? []) queryClient.setQueryData(key, data);
    },
    onSettled: () => {
      // counts and agreement follow the decision, read once a burst of key presses has been saved (not per key);
      // the queue itself is already right and is not reloaded (it would move)
      if (queryClient.isMutating({ mutationKey }) > 1) return;
      void queryClient.invalidateQueries({ queryKey: stageKey, predicate: (q) => q.queryKey[6] !== 'queue' });
      void queryClient.invalidateQueries({ queryKey: reviewKeys.prisma(reviewId) });
    },
  });
}
