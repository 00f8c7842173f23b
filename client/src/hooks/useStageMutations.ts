import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import { reviewKeys } from '../api/keys.ts';
import type { Stage } from '../../../shared/schemas.ts';

/** The fields of a stage a user edits; the API validates them with stageCreateSchema / stageUpdateSchema. */
export type StageFields = Pick<Stage, 'name' | 'focus' | 'purpose' | 'keyLabel' | 'keyQuestion' | 'successMeasures' | 'bandId'>;

/**
 * Create, update and reorder the target framework's stages; deletes go through useUndoDelete so that they can be
 * undone. Every mutation refetches the crosswalk, which carries the stages; a refused write is left for the caller to
 * show (a 409 carries the current stage).
 */
export function useStageMutations(reviewId: number, targetId: number | undefined) {
  const queryClient = useQueryClient();
  const onSettled = () => queryClient.invalidateQueries({ queryKey: reviewKeys.crosswalk(reviewId) });
  const update = useMutation({
    mutationFn: ({ id, version, fields }: { id: number; version: number; fields: Partial<StageFields> }) =>
      api<Stage>(`/reviews/${reviewId}/stages/${id}`, { method: 'PATCH', json: { ...fields, version } }),
    onSettled,
  });
  const create = useMutation({
    mutationFn: (fields: Partial<StageFields> & { name: string }) => {
      if (targetId === undefined) throw new Error('This review has no target framework yet.');
      return api<Stage>(`/reviews/${reviewId}/frameworks/${targetId}/stages`, { method: 'POST', json: fields });
    },
    onSettled,
  });
  const reorder = useMutation({
    mutationFn: (ids: number[]) => {
      if (targetId === undefined) throw new Error('This review has no target framework yet.');
      return api<Stage[]>(`/reviews/${reviewId}/frameworks/${targetId}/stages/reorder`, { method: 'POST', json: { ids } });
    },
    onSettled,
  });
  return { update, create, reorder };
}
