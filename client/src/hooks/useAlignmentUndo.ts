import { useCallback, useState } from 'react';
import type { Alignment } from '../../../shared/schemas.ts';
import type { AlignmentPatch, useAlignmentMutations } from './useAlignmentMutations.ts';
import type { Subtree } from './useUndoDelete.ts';

/** One change on the alignment board, with what it takes to reverse it. */
export type AlignmentChange =
  | { kind: 'create'; alignment: Alignment; description: string }
  | { kind: 'update'; before: Alignment; after: Alignment; description: string }
  | { kind: 'delete'; subtree: Subtree; description: string };

const EDITABLE = ['stageId', 'relation', 'confidence', 'rationale'] as const;

/**
 * The board's undo history (Ctrl+Z and the Undo button reverse the last change). Undoing goes through the same API
 * as the change itself, against the version the server now holds, so an undo never overwrites someone else's edit
 * silently either: it fails with the server's message instead.
 */
export function useAlignmentUndo(
  mutations: ReturnType<typeof useAlignmentMutations>,
  current: (id: number) => Alignment | undefined,
) {
  const [history, setHistory] = useState<AlignmentChange[]>([]);
  const record = useCallback((change: AlignmentChange) => setHistory((h) => [...h.slice(-49), change]), []);
  // details typed right after making an alignment belong to that step: one Ctrl+Z takes back both
  const replaceLast = useCallback((change: AlignmentChange) => setHistory((h) => [...h.slice(0, -1), change]), []);

  const undo = useCallback(async (): Promise<AlignmentChange | undefined> => {
    const last = history.at(-1);
    if (!last) return undefined;
    if (last.kind === 'create') {
      const now = current(last.alignment.id);
      if (now) await mutations.remove(now);
    } else if (last.kind === 'update') {
      const now = current(last.after.id);
      if (!now) throw new Error('That alignment has been deleted since; there is nothing to undo.');
      const patch: AlignmentPatch = {};
      for (const field of EDITABLE) {
        if (last.before[field] !== now[field]) Object.assign(patch, { [field]: last.before[field] });
      }
      await mutations.update(now, patch);
    } else {
      await mutations.restore(last.subtree);
    }
    setHistory((h) => h.slice(0, -1));
    return last;
  }, [history, current, mutations]);

  return { record, replaceLast, undo, last: history.at(-1) };
}
