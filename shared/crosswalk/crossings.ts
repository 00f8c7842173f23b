// Crossing alignments: a model's phases and the target's stages are both ordered, so when an earlier phase aligns
// to a later stage than a later phase does, the two alignments cross. That is not wrong in itself (journeys loop
// back), but it is worth a reviewer's second look, so the lanes view flags it.
import type { Alignment, Phase, Stage } from '../schemas.ts';

export interface Crossing {
  /** the alignment of the earlier phase (it points to the later stage) */
  earlierAlignmentId: number;
  /** the alignment of the later phase (it points to the earlier stage) */
  laterAlignmentId: number;
  earlierPhaseId: number;
  laterPhaseId: number;
}

type Ordered = { id: number; position: number };

function ranks(items: Ordered[]): Map<number, number> {
  const sorted = [...items].sort((a, b) => a.position - b.position || a.id - b.id);
  return new Map(sorted.map((item, rank) => [item.id, rank]));
}

/**
 * The crossing pairs among one model's alignments. Alignments to phases outside `phases` or stages outside
 * `stages`, and "no counterpart" alignments, are ignored. Pairs are listed by earlier phase, then later phase.
 */
export function findCrossings(
  phases: Pick<Phase, 'id' | 'position'>[],
  stages: Pick<Stage, 'id' | 'position'>[],
  alignments: Pick<Alignment, 'id' | 'phaseId' | 'stageId'>[],
): Crossing[] {
  const phaseRank = ranks(phases);
  const stageRank = ranks(stages);
  const placed = alignments
    .flatMap((a) => {
      const p = phaseRank.get(a.phaseId);
      const s = a.stageId === null ? undefined : stageRank.get(a.stageId);
      return p === undefined || s === undefined ? [] : [{ a, p, s }];
    })
    .sort((x, y) => x.p - y.p || x.s - y.s || x.a.id - y.a.id);
  const crossings: Crossing[] = [];
  for (let i = 0; i < placed.length; i++) {
    for (let j = i + 1; j < placed.length; j++) {
      const early = placed[i];
      const late = placed[j];
      if (!early || !late || early.p === late.p) continue;
      if (early.s > late.s) {
        crossings.push({
          earlierAlignmentId: early.a.id,
          laterAlignmentId: late.a.id,
          earlierPhaseId: early.a.phaseId,
          laterPhaseId: late.a.phaseId,
        });
      }
    }
  }
  return crossings;
}

/** Every alignment id that takes part in at least one crossing. */
export function crossingAlignmentIds(crossings: Crossing[]): Set<number> {
  return new Set(crossings.flatMap((c) => [c.earlierAlignmentId, c.laterAlignmentId]));
}
