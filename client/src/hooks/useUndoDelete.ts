import { useCallback, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import { reviewKeys } from '../api/keys.ts';
import type { Alignment, Framework, Phase, Stage } from '../../../shared/schemas.ts';

export type SubtreeKind = 'framework' | 'phase' | 'stage' | 'alignment';
const COLLECTION: Record<SubtreeKind, string> = {
  framework: 'frameworks', phase: 'phases', stage: 'stages', alignment: 'alignments',
};

/** What DELETE …/subtree answers and POST …/restore takes back (server/services/subtree.ts). */
export interface Subtree {
  reviewId: number;
  root: { kind: SubtreeKind; id: number };
  frameworks: Framework[];
  phases: Phase[];
  stages: Stage[];
  alignments: Alignment[];
  citationLinks: unknown[];
}

export interface SubtreeCounts {
  frameworks: number;
  phases: number;
  stages: number;
  alignments: number;
  citationLinks: number;
}

export interface DeletedItem {
  /** e.g. "phase 'Discover'" */
  label: string;
  subtree: Subtree;
}

/** Deletes that can be undone: count first (for the dialog), delete, and restore the last one deleted. */
export function useUndoDelete(reviewId: number) {
  const queryClient = useQueryClient();
  const [lastDeleted, setLastDeleted] = useState<DeletedItem | null>(null);
  const refresh = useCallback(
    () => queryClient.invalidateQueries({ queryKey: reviewKeys.crosswalk(reviewId) }),
    [queryClient, reviewId],
  );

  const dependents = useCallback(
    (kind: SubtreeKind, id: number) =>
      api<{ counts: SubtreeCounts }>(`/reviews/${reviewId}/${COLLECTION[kind]}/${id}/dependents`).then((r) => r.counts),
    [reviewId],
  );

  const remove = useCallback(
    async (kind: SubtreeKind, id: number, version: number, label: string): Promise<Subtree> => {
      try {
        const subtree = await api<Subtree>(`/reviews/${reviewId}/${COLLECTION[kind]}/${id}/subtree?version=${version}`, { method: 'DELETE' });
        setLastDeleted({ label, subtree });
        return subtree;
      } finally {
        await refresh();
      }
    },
    [reviewId, refresh],
  );

  const undo = useCallback(async (): Promise<void> => {
    if (!lastDeleted) return;
    try {
      await api<unknown>(`/reviews/${reviewId}/restore`, { method: 'POST', json: lastDeleted.subtree });
      setLastDeleted(null);
    } finally {
      await refresh();
    }
  }, [lastDeleted, reviewId, refresh]);

  return { dependents, remove, undo, lastDeleted, dismiss: () => setLastDeleted(null) };
}
