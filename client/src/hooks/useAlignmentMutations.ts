import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../api/client.ts';
import { reviewKeys } from '../api/keys.ts';
import type { Alignment, Relation } from '../../../shared/schemas.ts';
import type { Subtree } from './useUndoDelete.ts';

export interface AlignmentDraft {
  phaseId: number;
  stageId: number | null;
  relation: Relation;
  confidence?: number | null;
  rationale?: string;
}

export type AlignmentPatch = Partial<Pick<Alignment, 'stageId' | 'relation' | 'confidence' | 'rationale'>>;

/** A stale edit: what the user wanted, on top of what they had read, and what the server holds now. */
export interface AlignmentConflict {
  mine: AlignmentPatch;
  base: Alignment;
  theirs: Alignment;
}

/** Thrown when the server holds a newer version of the alignment than the one edited. */
export class ConflictError extends Error {
  readonly conflict: AlignmentConflict;
  constructor(conflict: AlignmentConflict) {
    super('Someone else changed this alignment since you loaded it.');
    this.conflict = conflict;
  }
}

let temporaryId = -1;

/**
 * Create, edit and delete alignments. Each change is applied to the cached list at once (optimistic) and put back
 * as it was if the server refuses; the crosswalk is refetched afterwards either way, so every view agrees with
 * the server again.
 */
export function useAlignmentMutations(reviewId: number) {
  const queryClient = useQueryClient();
  const key = reviewKeys.crosswalkAlignments(reviewId);

  const optimistic = useCallback(
    async <T,>(change: (list: Alignment[]) => Alignment[], request: () => Promise<T>, settle: (list: Alignment[], result: T) => Alignment[]): Promise<T> => {
      await queryClient.cancelQueries({ queryKey: key });
      const before = queryClient.getQueryData<Alignment[]>(key) ?? [];
      queryClient.setQueryData<Alignment[]>(key, change(before));
      try {
        const result = await request();
        queryClient.setQueryData<Alignment[]>(key, (list) => settle(list ?? [], result));
        return result;
      } catch (error) {
        queryClient.setQueryData<Alignment[]>(key, before);
        throw error;
      } finally {
        void queryClient.invalidateQueries({ queryKey: reviewKeys.crosswalk(reviewId) });
      }
    },
    [queryClient, key, reviewId],
  );

  const create = useCallback(
    (draft: AlignmentDraft): Promise<Alignment> => {
      const now = new Date().toISOString();
      const placeholder: Alignment = {
        id: temporaryId--, phaseId: draft.phaseId, stageId: draft.stageId, relation: draft.relation,
        confidence: draft.confidence ?? null, rationale: draft.rationale ?? '', reviewerId: null, status: 'draft',
        version: 1, createdAt: now, updatedAt: now,
      };
      return optimistic(
        (list) => [...list, placeholder],
        () => api<Alignment>(`/reviews/${reviewId}/alignments`, { method: 'POST', json: draft }),
        (list, created) => list.map((a) => (a.id === placeholder.id ? created : a)),
      );
    },
    [optimistic, reviewId],
  );

  const update = useCallback(
    async (base: Alignment, patch: AlignmentPatch): Promise<Alignment> => {
      try {
        return await optimistic(
          (list) => list.map((a) => (a.id === base.id ? { ...a, ...patch } : a)),
          () => api<Alignment>(`/reviews/${reviewId}/alignments/${base.id}`, { method: 'PATCH', json: { ...patch, version: base.version } }),
          (list, updated) => list.map((a) => (a.id === updated.id ? updated : a)),
        );
      } catch (error) {
        const current = error instanceof ApiError && error.status === 409 ? error.problem.current : undefined;
        if (current && typeof current === 'object' && (current as Alignment).id === base.id) {
          throw new ConflictError({ mine: patch, base, theirs: current as Alignment });
        }
        throw error;
      }
    },
    [optimistic, reviewId],
  );

  /** Deletes the alignment and answers with what was removed, which `restore` puts back. */
  const remove = useCallback(
    (alignment: Alignment): Promise<Subtree> =>
      optimistic(
        (list) => list.filter((a) => a.id !== alignment.id),
        () => api<Subtree>(`/reviews/${reviewId}/alignments/${alignment.id}/subtree?version=${alignment.version}`, { method: 'DELETE' }),
        (list) => list,
      ),
    [optimistic, reviewId],
  );

  const restore = useCallback(
    (subtree: Subtree): Promise<unknown> =>
      optimistic(
        (list) => [...list, ...subtree.alignments.filter((a) => !list.some((b) => b.id === a.id))],
        () => api<unknown>(`/reviews/${reviewId}/restore`, { method: 'POST', json: subtree }),
        (list) => list,
      ),
    [optimistic, reviewId],
  );

  /** Accepts the server's version of a conflicting alignment. */
  const keepTheirs = useCallback(
    (theirs: Alignment) => {
      queryClient.setQueryData<Alignment[]>(key, (list) => (list ?? []).map((a) => (a.id === theirs.id ? theirs : a)));
      void queryClient.invalidateQueries({ queryKey: reviewKeys.crosswalk(reviewId) });
    },
    [queryClient, key, reviewId],
  );

  return { create, update, remove, restore, keepTheirs };
}
