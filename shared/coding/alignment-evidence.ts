// The evidence behind an alignment: the items coded with both the alignment's phase and its stage, each with its
// tags on those two codes. Pure.
import type { TagFact } from './facts.ts';

export function alignmentEvidence<T extends TagFact>(tags: readonly T[], phaseRef: string, stageRef: string | null): Map<number, T[]> {
  const perItem = new Map<number, { phase: boolean; stage: boolean; tags: T[] }>();
  for (const t of tags) {
    const isPhase = t.code === phaseRef;
    const isStage = stageRef !== null && t.code === stageRef;
    if (!isPhase && !isStage) continue;
    let e = perItem.get(t.itemId);
    if (!e) perItem.set(t.itemId, (e = { phase: false, stage: false, tags: [] }));
    e.phase ||= isPhase;
    e.stage ||= isStage;
    e.tags.push(t);
  }
  const out = new Map<number, T[]>();
  for (const [itemId, e] of [...perItem].sort((x, y) => x[0] - y[0])) {
    if (e.phase && e.stage) out.set(itemId, e.tags.sort((x, y) => x.id - y.id));
  }
  return out;
}
