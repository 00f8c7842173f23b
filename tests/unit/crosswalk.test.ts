import { describe, expect, it } from 'vitest';
import { buildCrosswalk, modelLabel, type ReviewSnapshot } from '../../shared/crosswalk/crosswalk.ts';
import { bandsTable, stagesTable, targetTable } from '../../shared/crosswalk/tables.ts';
import type { Alignment, Band, Framework, Phase, Stage } from '../../shared/schemas.ts';

const t = '2026-01-01T00:00:00.000Z';
const meta = { version: 1, createdAt: t, updatedAt: t };
const band = (id: number, position: number, label: string): Band => ({ id, reviewId: 1, position, label, ...meta });
const fw = (id: number, position: number, role: 'source' | 'target', name: string, citation = ''): Framework => ({
  id, reviewId: 1, role, name, shortName: '', citation, discipline: '', description: '', position, ...meta,
});
const phase = (id: number, frameworkId: number, position: number, bandId: number | null, label: string): Phase => ({
  id, frameworkId, bandId, position, label, description: '', ...meta,
});
const stage = (id: number, position: number, name: string): Stage => ({
  id, frameworkId: 9, bandId: null, position, name, focus: '', purpose: '', keyLabel: 'K', keyQuestion: 'Q?', successMeasures: '', ...meta,
});
const align = (id: number, phaseId: number, stageId: number | null, relation: Alignment['relation']): Alignment => ({
  id, phaseId, stageId, relation, confidence: null, rationale: '', reviewerId: null, status: 'draft', ...meta,
});

function snapshot(alignments: Alignment[]): ReviewSnapshot {
  return {
    review: { id: 1, slug: 'r', title: 'R', description: '', citation: '', doi: null, crosswalkCaption: 'Cap', targetCaption: '', ...meta },
    // deliberately out of order: positions, not ids or array order, decide the order
    bands: [band(2, 1, 'Late'), band(1, 0, 'Early')],
    frameworks: [fw(9, 2, 'target', 'Wheel'), fw(4, 1, 'source', 'Second'), fw(3, 0, 'source', 'First', 'A et al., 2010')],
    phases: [
      phase(12, 3, 1, 1, 'b, with comma'), phase(11, 3, 0, 1, 'a'), phase(13, 3, 2, 2, 'c'),
      phase(21, 4, 0, 1, 'x'), phase(22, 4, 1, null, 'unbanded'),
    ],
    stages: [stage(32, 1, 'S2'), stage(31, 0, 'S1')],
    alignments,
  };
}

describe('buildCrosswalk', () => {
  it('orders bands, models and phases by position and joins band cells with "; "', () => {
    const cw = buildCrosswalk(snapshot([]));
    expect(cw.bands.map((b) => b.label)).toEqual(['Early', 'Late']);
    expect(cw.models.map((m) => m.label)).toEqual(['First (A et al., 2010)', 'Second']);
    expect(cw.models[0]?.bandCells.map((c) => c.text)).toEqual(['a; b, with comma', 'c']);
    expect(cw.models[1]?.unbandedPhases.map((p) => p.label)).toEqual(['unbanded']);
    expect(cw.stages.map((s) => s.name)).toEqual(['S1', 'S2']);
  });

  it('tells aligned, no-counterpart and not-assessed cells apart', () => {
    const cw = buildCrosswalk(
      snapshot([
        align(1, 11, 31, 'equivalent'),
        align(2, 12, 31, 'subset-of'),
        align(3, 13, null, 'no-counterpart'),
        align(4, 21, 32, 'intersects-with'),
      ]),
    );
    const [first, second] = cw.models;
    // First: every phase assessed; S1 has two, S2 has none -> no counterpart
    expect(first?.stageCells.map((c) => c.state)).toEqual(['aligned', 'no-counterpart']);
    expect(first?.stageCells[0]?.entries.map((e) => [e.phaseLabel, e.relation])).toEqual([
      ['a', 'equivalent'],
      ['b, with comma', 'subset-of'],
    ]);
    expect(first?.noCounterpartPhases.map((p) => p.label)).toEqual(['c']);
    // Second: 'unbanded' is not assessed, so its empty cell is "not assessed", not "no counterpart"
    expect(second?.stageCells.map((c) => c.state)).toEqual(['not-assessed', 'aligned']);
    expect(second?.unassessedPhases.map((p) => p.label)).toEqual(['unbanded']);
  });

  it('renders both layouts and the target table as text tables', () => {
    const cw = buildCrosswalk(snapshot([align(1, 11, 31, 'equivalent'), align(2, 12, 31, 'superset-of')]));
    expect(bandsTable(cw)).toEqual({
      caption: 'Cap',
      header: ['Model', 'Early', 'Late'],
      rows: [['First (A et al., 2010)', 'a; b, with comma', 'c'], ['Second', 'x', '']],
    });
    expect(stagesTable(cw).rows[0]).toEqual(['First (A et al., 2010)', 'a (≡); b, with comma (⊃)', 'not assessed']);
    expect(targetTable(cw.stages, 'T').rows[0]).toEqual(['S1', '', '', 'K: Q?', '']);
  });

  it('labels a model without a citation by its name alone', () => {
    expect(modelLabel({ name: 'N', citation: '' })).toBe('N');
    expect(modelLabel({ name: 'N', citation: 'Hartley 2006' })).toBe('N (Hartley 2006)');
  });
});
