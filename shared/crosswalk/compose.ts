// Model-to-model crosswalks derived through the target framework's stages. Nothing here is a reviewer's judgement:
// every result is computed from two phase → stage alignments by set algebra and is never stored.
//
// Reading an alignment "phase a → stage S" as a statement about two sets of activities (a ≡ S, a ⊂ S, a ⊃ S, or a
// and S partly overlap), the relation between a phase a of model A and a phase b of model B that share a stage S
// follows from composing a → S with the inverse of b → S. This is the composition table of RCC5, the five basic
// relations between non-empty sets: equal (EQ), proper part (PP), proper part inverse (PPi), partial overlap (PO) and
// disjoint (DR). A composition gives the set of relations that are still possible; when only one remains we know
// the relation, otherwise we say as much as every possibility shares.
import type { Relation } from '../schemas.ts';
import type { Crosswalk, CrosswalkModel } from './crosswalk.ts';

/** A relation a reviewer can record between a phase and a stage (no-counterpart links nothing). */
export type AlignedRelation = Exclude<Relation, 'no-counterpart'>;

/** The five RCC5 relations between two non-empty sets x and y, read "x … y". */
export type SetRelation = 'equal' | 'proper-part' | 'proper-part-inverse' | 'partial-overlap' | 'disjoint';
export const SET_RELATIONS: readonly SetRelation[] = ['equal', 'proper-part', 'proper-part-inverse', 'partial-overlap', 'disjoint'];

/**
 * What a derived correspondence claims, read "phase of A … phase of B":
 * - equivalent / subset-of / superset-of: certain, by set algebra;
 * - intersects-with: the two phases certainly share something, but which contains which (if either) is unknown;
 * - undetermined: both are linked to the same stage, but they might not overlap at all (disjoint is still
 *   possible), or the alignments contradict each other; nothing is claimed beyond the shared stage.
 */
export type DerivedRelation = AlignedRelation | 'undetermined';

export const DERIVED_RELATION_MARKS: Record<DerivedRelation, string> = {
  equivalent: '≡',
  'subset-of': '⊂',
  'superset-of': '⊃',
  'intersects-with': '∩',
  undetermined: '?',
};

const TO_SET: Record<AlignedRelation, SetRelation> = {
  equivalent: 'equal',
  'subset-of': 'proper-part',
  'superset-of': 'proper-part-inverse',
  'intersects-with': 'partial-overlap',
};

/** The relation read the other way round: a ⊂ S is S ⊃ a. */
export function inverseRelation(relation: AlignedRelation): AlignedRelation {
  switch (relation) {
    case 'subset-of':
      return 'superset-of';
    case 'superset-of':
      return 'subset-of';
    default:
      return relation;
  }
}

const ALL: readonly SetRelation[] = SET_RELATIONS;

/**
 * RCC5 composition of x R1 y with y R2 z: the relations x … z that some configuration of sets allows. Only the
 * four relations an alignment can state occur as R1 and R2 (an alignment never says "disjoint").
 */
export function composeSetRelations(r1: SetRelation, r2: SetRelation): readonly SetRelation[] {
  if (r1 === 'disjoint' || r2 === 'disjoint') throw new Error('alignments never state disjointness');
  if (r1 === 'equal') return [r2];
  if (r2 === 'equal') return [r1];
  const table: Record<string, readonly SetRelation[]> = {
    'proper-part|proper-part': ['proper-part'],
    // x ⊂ y and z ⊂ y: anything, disjoint included
    'proper-part|proper-part-inverse': ALL,
    'proper-part|partial-overlap': ['proper-part', 'partial-overlap', 'disjoint'],
    // y ⊂ x and y ⊂ z: x and z share y, so they overlap somehow
    'proper-part-inverse|proper-part': ['equal', 'proper-part', 'proper-part-inverse', 'partial-overlap'],
    'proper-part-inverse|proper-part-inverse': ['proper-part-inverse'],
    'proper-part-inverse|partial-overlap': ['proper-part-inverse', 'partial-overlap'],
    'partial-overlap|proper-part': ['proper-part', 'partial-overlap'],
    'partial-overlap|proper-part-inverse': ['proper-part-inverse', 'partial-overlap', 'disjoint'],
    'partial-overlap|partial-overlap': ALL,
  };
  const result = table[`${r1}|${r2}`];
  if (!result) throw new Error(`no composition for ${r1} and ${r2}`);
  return result;
}

/** The strongest claim every possibility supports (see DerivedRelation). */
export function summarise(possible: readonly SetRelation[]): DerivedRelation {
  if (possible.length === 1) {
    switch (possible[0]) {
      case 'equal':
        return 'equivalent';
      case 'proper-part':
        return 'subset-of';
      case 'proper-part-inverse':
        return 'superset-of';
      case 'partial-overlap':
        return 'intersects-with';
      default:
        return 'undetermined';
    }
  }
  if (possible.length > 0 && !possible.includes('disjoint')) return 'intersects-with';
  return 'undetermined';
}

/** The possible relations "a … b" given a → S and b → S. */
export function possibleThroughStage(aToStage: AlignedRelation, bToStage: AlignedRelation): readonly SetRelation[] {
  return composeSetRelations(TO_SET[aToStage], TO_SET[inverseRelation(bToStage)]);
}

/** a → S composed with the inverse of b → S, for one shared stage. */
export function composeThroughStage(aToStage: AlignedRelation, bToStage: AlignedRelation): DerivedRelation {
  return summarise(possibleThroughStage(aToStage, bToStage));
}

export interface DerivedPath {
  stageId: number;
  stageName: string;
  /** phase of A → stage, as aligned */
  aRelation: AlignedRelation;
  /** phase of B → stage, as aligned */
  bRelation: AlignedRelation;
  /** what this path alone gives */
  relation: DerivedRelation;
}

export interface DerivedCorrespondence {
  derived: true;
  aPhaseId: number;
  aPhaseLabel: string;
  bPhaseId: number;
  bPhaseLabel: string;
  /** read "phase of A … phase of B" */
  relation: DerivedRelation;
  /** the RCC5 relations consistent with every path; empty when the alignments contradict each other */
  possible: SetRelation[];
  /** false when the paths contradict each other (no configuration of sets satisfies all the alignments) */
  consistent: boolean;
  paths: DerivedPath[];
}

/**
 * Several shared stages: each path is a fact that holds at once, so the possible relations are the intersection of
 * each path's possibilities, and the result is the strongest claim that intersection supports. If the intersection
 * is empty the reviewers' alignments cannot all be true; we then claim nothing ("undetermined") and flag it.
 */
export function combinePaths(pathPossibilities: readonly (readonly SetRelation[])[]): { possible: SetRelation[]; consistent: boolean; relation: DerivedRelation } {
  let possible: SetRelation[] = [...SET_RELATIONS];
  for (const p of pathPossibilities) possible = possible.filter((r) => p.includes(r));
  const consistent = possible.length > 0;
  return { possible, consistent, relation: consistent ? summarise(possible) : 'undetermined' };
}

/** Every derived correspondence between the phases of models A and B that share at least one stage, in phase order. */
export function deriveModelCrosswalk(crosswalk: Crosswalk, aFrameworkId: number, bFrameworkId: number): DerivedCorrespondence[] {
  const a = crosswalk.models.find((m) => m.framework.id === aFrameworkId);
  const b = crosswalk.models.find((m) => m.framework.id === bFrameworkId);
  if (!a || !b) return [];
  const stageName = new Map(crosswalk.stages.map((s) => [s.id, s.name]));
  const byPhase = (model: CrosswalkModel): Map<number, Map<number, AlignedRelation>> => {
    const out = new Map<number, Map<number, AlignedRelation>>();
    for (const cell of model.stageCells) {
      for (const e of cell.entries) {
        const stages = out.get(e.phaseId) ?? new Map<number, AlignedRelation>();
        stages.set(cell.stageId, e.relation);
        out.set(e.phaseId, stages);
      }
    }
    return out;
  };
  const aAligned = byPhase(a);
  const bAligned = byPhase(b);
  const result: DerivedCorrespondence[] = [];
  for (const pa of a.phases) {
    const aStages = aAligned.get(pa.id);
    if (!aStages) continue;
    for (const pb of b.phases) {
      const bStages = bAligned.get(pb.id);
      if (!bStages) continue;
      const paths: DerivedPath[] = [];
      const possibilities: (readonly SetRelation[])[] = [];
      // stage order, so the paths read in the framework's order
      for (const stage of crosswalk.stages) {
        const ar = aStages.get(stage.id);
        const br = bStages.get(stage.id);
        if (ar === undefined || br === undefined) continue;
        const possible = possibleThroughStage(ar, br);
        possibilities.push(possible);
        paths.push({ stageId: stage.id, stageName: stageName.get(stage.id) ?? '', aRelation: ar, bRelation: br, relation: summarise(possible) });
      }
      if (paths.length === 0) continue;
      const combined = combinePaths(possibilities);
      result.push({
        derived: true,
        aPhaseId: pa.id,
        aPhaseLabel: pa.label,
        bPhaseId: pb.id,
        bPhaseLabel: pb.label,
        relation: combined.relation,
        possible: combined.possible,
        consistent: combined.consistent,
        paths,
      });
    }
  }
  return result;
}
