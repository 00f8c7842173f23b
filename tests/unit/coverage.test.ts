// Coverage matrix and stage totals on a small review worked out by hand.
import { describe, expect, it } from 'vitest';
import { computeCoverage } from '../../shared/crosswalk/coverage.ts';
import { buildCrosswalk, type ReviewSnapshot } from '../../shared/crosswalk/crosswalk.ts';
import type { Relation } from '../../shared/schemas.ts';

const t = '2026-01-01T00:00:00.000Z';
const base = { version: 1, createdAt: t, updatedAt: t };
const fw = (id: number, role: 'source' | 'target', name: string) => ({
  ...base, id, reviewId: 1, role, name, shortName: '', citation: '', discipline: '', description: '', position: id,
});
const stage = (id: number, name: string) => ({
  ...base, id, frameworkId: 1, bandId: null, position: id, name, focus: '', purpose: '', keyLabel: '', keyQuestion: '', successMeasures: '',
});
const phase = (id: number, frameworkId: number, label: string) => ({ ...base, id, frameworkId, bandId: null, position: id, label, description: '' });
let nextId = 1;
const align = (phaseId: number, stageId: number | null, relation: Relation) => ({
  ...base, id: nextId++, phaseId, stageId, relation, confidence: 0.5, rationale: '', reviewerId: null, status: 'draft' as const,
});
const snapshot = (alignments: ReturnType<typeof align>[]): ReviewSnapshot => ({
  review: { ...base, id: 1, slug: 'r', title: 'R', description: '', citation: '', doi: null, crosswalkCaption: '', targetCaption: '' },
  bands: [],
  frameworks: [fw(1, 'target', 'T'), fw(2, 'source', 'A'), fw(3, 'source', 'B'), fw(4, 'source', 'C')],
  stages: [stage(10, 'S1'), stage(11, 'S2'), stage(12, 'S3')],
  phases: [phase(20, 2, 'a1'), phase(21, 2, 'a2'), phase(30, 3, 'b1'), phase(31, 3, 'b2'), phase(40, 4, 'c1')],
  alignments,
});

describe('computeCoverage', () => {
  // A: a1 ≡ S1, a1 ⊂ S2, a2 ∩ S1 (all assessed). B: b1 ⊃ S1, b2 not assessed. C: c1 has no counterpart.
  const coverage = computeCoverage(buildCrosswalk(snapshot([
    align(20, 10, 'equivalent'), align(20, 11, 'subset-of'), align(21, 10, 'intersects-with'),
    align(30, 10, 'superset-of'),
    align(40, null, 'no-counterpart'),
  ])));

  it('gives each cell its count, relations and the crosswalk state', () => {
    const grid = coverage.rows.map((r) => r.cells.map((c) => `${c.state}:${c.count}`));
    expect(grid).toEqual([
      ['aligned:2', 'aligned:1', 'no-counterpart:0'],
      ['aligned:1', 'not-assessed:0', 'not-assessed:0'],
      ['no-counterpart:0', 'no-counterpart:0', 'no-counterpart:0'],
    ]);
    expect(coverage.rows[0]?.cells[0]?.byRelation).toEqual({ equivalent: 1, 'subset-of': 0, 'superset-of': 0, 'intersects-with': 1 });
    expect(coverage.rows[0]?.cells[0]?.entries.map((e) => e.phaseLabel)).toEqual(['a1', 'a2']);
    expect(coverage.rows[1]?.cells[0]?.byRelation['superset-of']).toBe(1);
  });

  it('counts assessed and unassessed phases per model', () => {
    expect(coverage.rows.map((r) => [r.label, r.phaseCount, r.assessed, r.unassessed, r.noCounterpart, r.stagesCovered])).toEqual([
      ['A', 2, 2, 0, 0, 2],
      ['B', 2, 1, 1, 0, 1],
      ['C', 1, 1, 0, 1, 0],
    ]);
  });

  it('totals each stage over the models', () => {
    expect(coverage.totals.map((s) => [s.stage.name, s.modelsCovering, s.phasesAligned, s.modelsNoCounterpart, s.modelsNotAssessed])).toEqual([
      ['S1', 2, 3, 1, 0],
      ['S2', 1, 1, 1, 1],
      ['S3', 0, 0, 2, 1],
    ]);
    expect(coverage.totals[0]?.byRelation).toEqual({ equivalent: 1, 'subset-of': 0, 'superset-of': 1, 'intersects-with': 1 });
  });

  it('ranks the stages from least to most covered', () => {
    expect(coverage.ranking.map((s) => [s.stage.name, s.rank])).toEqual([['S3', 1], ['S2', 2], ['S1', 3]]);
    expect(coverage.leastCovered.map((s) => s.stage.name)).toEqual(['S3']);
    expect(coverage.totals.map((s) => s.rank)).toEqual([3, 2, 1]);
  });

  it('breaks ties in models by phases, and shares a rank on a full tie', () => {
    // S1 and S2 each reached by one model; S1 by two phases. S3 by one model with one phase, like S2.
    const tied = computeCoverage(buildCrosswalk(snapshot([
      align(20, 10, 'equivalent'), align(21, 10, 'equivalent'), align(30, 11, 'equivalent'), align(40, 12, 'subset-of'),
    ])));
    expect(tied.ranking.map((s) => [s.stage.name, s.modelsCovering, s.phasesAligned, s.rank])).toEqual([
      ['S2', 1, 1, 1], ['S3', 1, 1, 1], ['S1', 1, 2, 3],
    ]);
    expect(tied.leastCovered.map((s) => s.stage.name)).toEqual(['S2', 'S3']);
  });

  it('marks every stage least covered when nothing is aligned yet', () => {
    const empty = computeCoverage(buildCrosswalk(snapshot([])));
    expect(empty.leastCovered).toHaveLength(3);
    expect(empty.rows.every((r) => r.cells.every((c) => c.state === 'not-assessed'))).toBe(true);
  });
});
