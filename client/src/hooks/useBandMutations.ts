import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import { reviewKeys } from '../api/keys.ts';
import type { Band } from '../../../shared/schemas.ts';

/**
 * Add, rename, remove and reorder the bands (the comparison table's columns). The crosswalk carries the bands, so
 * every write refetches it; removing a band leaves its phases and stages without one.
 */
export function useBandMutations(reviewId: number) {
  const queryClient = useQueryClient();
  const onSettled = () => queryClient.invalidateQueries({ queryKey: reviewKeys.crosswalk(reviewId) });
  const create = useMutation({
    mutationFn: (label: string) => api<Band>(`/reviews/${reviewId}/bands`, { method: 'POST', json: { label } }),
    onSettled,
  });
  const rename = useMutation({
    mutationFn: ({ id, version, label }: { id: number; version: number; label: string }) =>
      api<Band>(`/reviews/${reviewId}/bands/${id}`, { method: 'PATCH', json: { label, version } }),
    onSettled,
  });
  const remove = useMutation({
    mutationFn: ({ id, version }: { id: number; version: number }) =>
      api<void>(`/reviews/${reviewId}/bands/${id}?version=${version}`, { method: 'DELETE' }),
    onSettled,
  });
  const reorder = useMutation({
    mutationFn: (ids: number[]) => api<Band[]>(`/reviews/${reviewId}/bands/reorder`, { method: 'POST', json: { ids } }),
    onSettled,
  });
  return { create, rename, remove, reorder };
}
