import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import { reviewKeys } from '../api/keys.ts';
import type { Phase } from '../../../shared/schemas.ts';

export type PhaseFields = Pick<Phase, 'label' | 'description' | 'bandId'>;

/** Create, edit, move between bands and reorder a model's phases; each write refetches the crosswalk. */
export function usePhaseMutations(reviewId: number) {
  const queryClient = useQueryClient();
  const onSettled = () => queryClient.invalidateQueries({ queryKey: reviewKeys.crosswalk(reviewId) });
  const create = useMutation({
    mutationFn: ({ frameworkId, fields }: { frameworkId: number; fields: Partial<PhaseFields> & { label: string } }) =>
      api<Phase>(`/reviews/${reviewId}/frameworks/${frameworkId}/phases`, { method: 'POST', json: fields }),
    onSettled,
  });
  const update = useMutation({
    mutationFn: ({ id, version, fields }: { id: number; version: number; fields: Partial<PhaseFields> }) =>
      api<Phase>(`/reviews/${reviewId}/phases/${id}`, { method: 'PATCH', json: { ...fields, version } }),
    onSettled,
  });
  const reorder = useMutation({
    mutationFn: ({ frameworkId, ids }: { frameworkId: number; ids: number[] }) =>
      api<Phase[]>(`/reviews/${reviewId}/frameworks/${frameworkId}/phases/reorder`, { method: 'POST', json: { ids } }),
    onSettled,
  });
  return { create, update, reorder };
}
