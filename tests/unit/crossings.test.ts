import { describe, expect, it } from 'vitest';
import { crossingAlignmentIds, findCrossings } from '../../shared/crosswalk/crossings.ts';

// positions deliberately differ from ids and array order: order comes from position
const phases = [
  { id: 13, position: 2 },
  { id: 11, position: 0 },
  { id: 12, position: 1 },
];
const stages = [
  { id: 3, position: 2 },
  { id: 1, position: 0 },
  { id: 2, position: 1 },
];
const a = (id: number, phaseId: number, stageId: number | null) => ({ id, phaseId, stageId });

describe('findCrossings', () => {
  it('finds nothing when phases keep the order of the stages they align to', () => {
    expect(findCrossings(phases, stages, [a(1, 11, 1), a(2, 12, 2), a(3, 13, 3), a(4, 12, 3)])).toEqual([]);
  });

  it('flags an earlier phase aligned to a later stage than a later phase', () => {
    // phase 11 (first) → stage 3 (last); phase 12 (second) → stage 2
    const crossings = findCrossings(phases, stages, [a(7, 11, 3), a(8, 12, 2)]);
    expect(crossings).toEqual([{ earlierAlignmentId: 7, laterAlignmentId: 8, earlierPhaseId: 11, laterPhaseId: 12 }]);
  });

  it('lists every crossing pair, in phase order, for a fully reversed model', () => {
    const crossings = findCrossings(phases, stages, [a(1, 11, 3), a(2, 12, 2), a(3, 13, 1)]);
    expect(crossings.map((c) => [c.earlierAlignmentId, c.laterAlignmentId])).toEqual([[1, 2], [1, 3], [2, 3]]);
    expect([...crossingAlignmentIds(crossings)].sort()).toEqual([1, 2, 3]);
  });

  it('does not count one phase spanning several stages, equal stages, no-counterpart or foreign ids', () => {
    const crossings = findCrossings(phases, stages, [
      a(1, 11, 3), a(2, 11, 1), // one phase, two stages: not a crossing with itself
      a(3, 12, 3), // same stage as an earlier phase: not a crossing
      a(4, 13, null), // no counterpart
      a(5, 99, 1), // a phase of another model
      a(6, 13, 99), // a stage outside the target
    ]);
    expect(crossings).toEqual([]);
  });

  it('flags a later phase whose stage precedes one of several stages of an earlier phase', () => {
    // phase 11 spans stages 1 and 3; phase 12 aligns to stage 2, which comes before 3
    const crossings = findCrossings(phases, stages, [a(1, 11, 1), a(2, 11, 3), a(3, 12, 2)]);
    expect(crossings).toEqual([{ earlierAlignmentId: 2, laterAlignmentId: 3, earlierPhaseId: 11, laterPhaseId: 12 }]);
  });
});
