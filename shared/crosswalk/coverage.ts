// The coverage matrix (models × target stages, in the manner of an evidence-and-gap map) and the totals that show
// which stages the models cover least. Derived from the crosswalk model so that every view agrees on cell states.
import type { Crosswalk, StageCellEntry, StageCellState } from './crosswalk.ts';
import type { AlignedRelation } from './compose.ts';
import type { Framework, Stage } from '../schemas.ts';

export const ALIGNED_RELATIONS: readonly AlignedRelation[] = ['equivalent', 'subset-of', 'superset-of', 'intersects-with'];

export type RelationCounts = Record<AlignedRelation, number>;

const noCounts = (): RelationCounts => ({ equivalent: 0, 'subset-of': 0, 'superset-of': 0, 'intersects-with': 0 });

export interface CoverageCell {
  frameworkId: number;
  stageId: number;
  /** the crosswalk's own StageCell.state */
  state: StageCellState;
  /** phases aligned to this stage (one alignment per phase and stage) */
  count: number;
  byRelation: RelationCounts;
  entries: StageCellEntry[];
}

export interface CoverageRow {
  framework: Framework;
  label: string;
  cells: CoverageCell[];
  phaseCount: number;
  /** phases with at least one alignment row (aligned or no-counterpart) */
  assessed: number;
  unassessed: number;
  noCounterpart: number;
  /** stages this model reaches with at least one phase */
  stagesCovered: number;
}

export interface StageTotal {
  stage: Stage;
  /** models with at least one phase aligned to the stage */
  modelsCovering: number;
  /** models assessed in full with nothing aligned here */
  modelsNoCounterpart: number;
  /** models with nothing aligned here and phases still to assess */
  modelsNotAssessed: number;
  /** phases (over all models) aligned to the stage */
  phasesAligned: number;
  byRelation: RelationCounts;
  /** 1 = least covered; equal coverage shares a rank */
  rank: number;
}

export interface Coverage {
  stages: Stage[];
  rows: CoverageRow[];
  /** one per stage, in stage order */
  totals: StageTotal[];
  /** the totals from least to most covered: fewest models, then fewest phases, then stage order */
  ranking: StageTotal[];
  /** the stages tied for least coverage (empty when there are no stages) */
  leastCovered: StageTotal[];
}

export function computeCoverage(crosswalk: Crosswalk): Coverage {
  const rows = crosswalk.models.map((model): CoverageRow => {
    const cells = model.stageCells.map((cell): CoverageCell => {
      const byRelation = noCounts();
      for (const e of cell.entries) byRelation[e.relation] += 1;
      return {
        frameworkId: model.framework.id, stageId: cell.stageId, state: cell.state,
        count: cell.entries.length, byRelation, entries: cell.entries,
      };
    });
    return {
      framework: model.framework,
      label: model.label,
      cells,
      phaseCount: model.phases.length,
      assessed: model.phases.length - model.unassessedPhases.length,
      unassessed: model.unassessedPhases.length,
      noCounterpart: model.noCounterpartPhases.length,
      stagesCovered: cells.filter((c) => c.count > 0).length,
    };
  });

  const totals = crosswalk.stages.map((stage, i): Omit<StageTotal, 'rank'> => {
    const byRelation = noCounts();
    let modelsCovering = 0;
    let modelsNoCounterpart = 0;
    let modelsNotAssessed = 0;
    let phasesAligned = 0;
    for (const row of rows) {
      const cell = row.cells[i];
      if (!cell) continue;
      if (cell.state === 'aligned') modelsCovering += 1;
      else if (cell.state === 'no-counterpart') modelsNoCounterpart += 1;
      else modelsNotAssessed += 1;
      phasesAligned += cell.count;
      for (const r of ALIGNED_RELATIONS) byRelation[r] += cell.byRelation[r];
    }
    return { stage, modelsCovering, modelsNoCounterpart, modelsNotAssessed, phasesAligned, byRelation };
  });

  const order = totals
    .map((t, i) => ({ t, i }))
    .sort((x, y) => x.t.modelsCovering - y.t.modelsCovering || x.t.phasesAligned - y.t.phasesAligned || x.i - y.i);
  const ranked = new Map<number, StageTotal>();
  let rank = 0;
  order.forEach(({ t }, k) => {
    const prev = order[k - 1]?.t;
    if (!prev || prev.modelsCovering !== t.modelsCovering || prev.phasesAligned !== t.phasesAligned) rank = k + 1;
    ranked.set(t.stage.id, { ...t, rank });
  });
  const withRank = totals.map((t) => ranked.get(t.stage.id) as StageTotal);
  const ranking = order.map(({ t }) => ranked.get(t.stage.id) as StageTotal);
  return {
    stages: crosswalk.stages,
    rows,
    totals: withRank,
    ranking,
    leastCovered: ranking.filter((t) => t.rank === 1),
  };
}
