// The crosswalk model that the screen, the API and every export render: one pure function, so that what the
// screen shows is what the file says.
import type { Alignment, Band, Framework, Phase, Relation, Review, Stage } from '../schemas.ts';

export interface ReviewSnapshot {
  /** what tables and exports read of the review: its names and captions, not its question, settings or state */
  review: Omit<Review, 'question' | 'archivedAt' | 'deletedAt' | 'settings'>;
  bands: Band[];
  frameworks: Framework[];
  phases: Phase[];
  stages: Stage[];
  alignments: Alignment[];
}

export interface BandCell {
  bandId: number;
  phases: Phase[];
  /** the printed cell: phase labels in order, joined with "; " */
  text: string;
}

export type StageCellState = 'aligned' | 'no-counterpart' | 'not-assessed';

export interface StageCellEntry {
  alignmentId: number;
  phaseId: number;
  phaseLabel: string;
  relation: Exclude<Relation, 'no-counterpart'>;
  confidence: number | null;
}

export interface StageCell {
  stageId: number;
  /**
   * aligned: at least one phase aligns; no-counterpart: every phase of the model has been assessed and none aligns
   * here; not-assessed: none aligns here yet and some phase is still unassessed.
   */
  state: StageCellState;
  entries: StageCellEntry[];
}

export interface CrosswalkModel {
  framework: Framework;
  /** "Name (Citation)" as Table 1 prints the model column */
  label: string;
  phases: Phase[];
  bandCells: BandCell[];
  /** phases placed in no band (they appear in no band column) */
  unbandedPhases: Phase[];
  stageCells: StageCell[];
  /** phases assessed as having no counterpart in the target framework */
  noCounterpartPhases: Phase[];
  /** phases with no alignment row at all */
  unassessedPhases: Phase[];
}

export interface Crosswalk {
  reviewId: number;
  reviewTitle: string;
  crosswalkCaption: string;
  targetCaption: string;
  bands: Band[];
  target: Framework | null;
  stages: Stage[];
  models: CrosswalkModel[];
}

export const RELATION_MARKS: Record<Exclude<Relation, 'no-counterpart'>, string> = {
  equivalent: '≡',
  'subset-of': '⊂',
  'superset-of': '⊃',
  'intersects-with': '∩',
};

export const PHASE_SEPARATOR = '; ';

export function modelLabel(framework: Pick<Framework, 'name' | 'citation'>): string {
  return framework.citation ? `${framework.name} (${framework.citation})` : framework.name;
}

const byPosition = <T extends { position: number; id: number }>(a: T, b: T): number =>
  a.position - b.position || a.id - b.id;

function groupBy<T, K>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

export function buildCrosswalk(snapshot: ReviewSnapshot): Crosswalk {
  const bands = [...snapshot.bands].sort(byPosition);
  const frameworks = [...snapshot.frameworks].sort(byPosition);
  const target = frameworks.find((f) => f.role === 'target') ?? null;
  const stages = target
    ? snapshot.stages.filter((s) => s.frameworkId === target.id).sort(byPosition)
    : [];
  const stageIds = new Set(stages.map((s) => s.id));
  const phasesByFramework = groupBy([...snapshot.phases].sort(byPosition), (p) => p.frameworkId);
  const alignmentsByPhase = groupBy(snapshot.alignments, (a) => a.phaseId);
  const bandIds = new Set(bands.map((b) => b.id));

  const models = frameworks
    .filter((f) => f.role === 'source')
    .map((framework): CrosswalkModel => {
      const phases = phasesByFramework.get(framework.id) ?? [];
      const bandCells = bands.map((band): BandCell => {
        const inBand = phases.filter((p) => p.bandId === band.id);
        return { bandId: band.id, phases: inBand, text: inBand.map((p) => p.label).join(PHASE_SEPARATOR) };
      });
      const unbandedPhases = phases.filter((p) => p.bandId === null || !bandIds.has(p.bandId));
      const unassessedPhases = phases.filter((p) => !alignmentsByPhase.has(p.id));
      const noCounterpartPhases = phases.filter((p) =>
        (alignmentsByPhase.get(p.id) ?? []).some((a) => a.relation === 'no-counterpart'),
      );
      const entriesByStage = new Map<number, StageCellEntry[]>();
      for (const phase of phases) {
        for (const a of alignmentsByPhase.get(phase.id) ?? []) {
          if (a.relation === 'no-counterpart' || a.stageId === null || !stageIds.has(a.stageId)) continue;
          const entry: StageCellEntry = {
            alignmentId: a.id,
            phaseId: phase.id,
            phaseLabel: phase.label,
            relation: a.relation,
            confidence: a.confidence,
          };
          const list = entriesByStage.get(a.stageId);
          if (list) list.push(entry);
          else entriesByStage.set(a.stageId, [entry]);
        }
      }
      const allAssessed = phases.length > 0 && unassessedPhases.length === 0;
      const stageCells = stages.map((stage): StageCell => {
        const entries = entriesByStage.get(stage.id) ?? [];
        const state: StageCellState =
          entries.length > 0 ? 'aligned' : allAssessed ? 'no-counterpart' : 'not-assessed';
        return { stageId: stage.id, state, entries };
      });
      return {
        framework,
        label: modelLabel(framework),
        phases,
        bandCells,
        unbandedPhases,
        stageCells,
        noCounterpartPhases,
        unassessedPhases,
      };
    });

  return {
    reviewId: snapshot.review.id,
    reviewTitle: snapshot.review.title,
    crosswalkCaption: snapshot.review.crosswalkCaption || 'Source models by phase',
    targetCaption: snapshot.review.targetCaption || `Stages of the target framework${target ? `: ${target.name}` : ''}`,
    bands,
    target,
    stages,
    models,
  };
}
