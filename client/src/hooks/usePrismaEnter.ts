import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import { reviewKeys } from '../api/keys.ts';
import type { Prisma } from '../components/screening/types.ts';

/** Enter a PRISMA count the records cannot give, such as reports not retrieved, or (count null) take it back. */
export function usePrismaEnter(reviewId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    // no count: the hand-entered one is taken back, so the box shows what the records give again
    mutationFn: ({ key, count, note }: { key: string; count: number | null; note: string }) =>
      count === null
        ? api<Prisma>(`/reviews/${reviewId}/prisma/entered/${encodeURIComponent(key)}`, { method: 'DELETE' })
        : api<Prisma>(`/reviews/${reviewId}/prisma/entered/${encodeURIComponent(key)}`, { method: 'PUT', json: { count, note } }),
    onSuccess: (flow) => queryClient.setQueryData(reviewKeys.prisma(reviewId), flow),
    onSettled: () => queryClient.invalidateQueries({ queryKey: reviewKeys.prisma(reviewId) }),
  });
}
