import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import { reviewKeys } from '../api/keys.ts';
import type { Framework } from '../../../shared/schemas.ts';

export type ModelFields = Pick<Framework, 'name' | 'citation'>;

/**
 * Create, rename and reorder source models (deletes go through useUndoDelete, so they can be undone). Every write
 * refetches the crosswalk, which carries the models; a refused write is left to the caller to show.
 */
export function useModelMutations(reviewId: number) {
  const queryClient = useQueryClient();
  const onSettled = () => queryClient.invalidateQueries({ queryKey: reviewKeys.crosswalk(reviewId) });
  const create = useMutation({
    mutationFn: (fields: ModelFields) => api<Framework>(`/reviews/${reviewId}/frameworks`, { method: 'POST', json: { role: 'source', ...fields } }),
    onSettled,
  });
  const update = useMutation({
    mutationFn: ({ id, version, fields }: { id: number; version: number; fields: Partial<ModelFields> }) =>
      api<Framework>(`/reviews/${reviewId}/frameworks/${id}`, { method: 'PATCH', json: { ...fields, version } }),
    onSettled,
  });
  /** The order covers every framework of the review (the target too), as the API requires. */
  const reorder = useMutation({
    mutationFn: (ids: number[]) => api<Framework[]>(`/reviews/${reviewId}/frameworks/reorder`, { method: 'POST', json: { ids } }),
    onSettled,
  });
  return { create, update, reorder };
}
