// Model-to-model composition through shared stages. The expected table below was written by reasoning about sets
// (see the comment on each row); the brute-force test then checks the composition table against real finite sets.
import { describe, expect, it } from 'vitest';
import {
  combinePaths, composeThroughStage, deriveModelCrosswalk, DERIVED_RELATION_MARKS, inverseRelation, possibleThroughStage,
  SET_RELATIONS, summarise,
  type AlignedRelation, type DerivedRelation, type SetRelation,
} from '../../shared/crosswalk/compose.ts';
import { buildCrosswalk, type ReviewSnapshot } from '../../shared/crosswalk/crosswalk.ts';

const R: AlignedRelation[] = ['equivalent', 'subset-of', 'superset-of', 'intersects-with'];

// [a → S, b → S, derived a … b]
const EXPECTED: [AlignedRelation, AlignedRelation, DerivedRelation][] = [
  ['equivalent', 'equivalent', 'equivalent'], // a = S = b
  ['equivalent', 'subset-of', 'superset-of'], // b ⊂ S = a
  ['equivalent', 'superset-of', 'subset-of'], // a = S ⊂ b
  ['equivalent', 'intersects-with', 'intersects-with'], // a = S, b partly overlaps S
  ['subset-of', 'equivalent', 'subset-of'], // a ⊂ S = b
  ['subset-of', 'subset-of', 'undetermined'], // both inside S: could be equal, nested, overlapping or disjoint
  ['subset-of', 'superset-of', 'subset-of'], // a ⊂ S ⊂ b
  ['subset-of', 'intersects-with', 'undetermined'], // a inside S may lie wholly outside b
  ['superset-of', 'equivalent', 'superset-of'], // a ⊃ S = b
  ['superset-of', 'subset-of', 'superset-of'], // a ⊃ S ⊃ b
  ['superset-of', 'superset-of', 'intersects-with'], // both contain S, so they share S; nesting unknown
  ['superset-of', 'intersects-with', 'intersects-with'], // a contains S, which shares something with b
  ['intersects-with', 'equivalent', 'intersects-with'], // a partly overlaps S = b
  ['intersects-with', 'subset-of', 'undetermined'], // b inside S may lie in the part of S outside a
  ['intersects-with', 'superset-of', 'intersects-with'], // a shares something with S, and S ⊂ b
  ['intersects-with', 'intersects-with', 'undetermined'], // two partial overlaps of S may miss each other
];

describe('inverseRelation', () => {
  it('swaps subset and superset and keeps the symmetric relations', () => {
    expect(R.map(inverseRelation)).toEqual(['equivalent', 'superset-of', 'subset-of', 'intersects-with']);
    for (const r of R) expect(inverseRelation(inverseRelation(r))).toBe(r);
  });
});

describe('composeThroughStage', () => {
  it('covers all 16 pairs of relations', () => {
    expect(EXPECTED).toHaveLength(16);
    expect(new Set(EXPECTED.map(([a, b]) => `${a}|${b}`)).size).toBe(16);
  });
  it.each(EXPECTED)('a %s S, b %s S ⇒ a … b is %s', (a, b, expected) => {
    expect(composeThroughStage(a, b)).toBe(expected);
  });
  it('is symmetric: swapping the models inverts the derived relation', () => {
    for (const [a, b, d] of EXPECTED) {
      const swapped = composeThroughStage(b, a);
      const inverted = d === 'undetermined' ? 'undetermined' : inverseRelation(d);
      expect(swapped).toBe(inverted);
    }
  });
});

// Every non-empty subset of a four-element universe, as a bitmask.
const SETS = Array.from({ length: 15 }, (_, i) => i + 1);
const setRelation = (x: number, y: number): SetRelation => {
  if (x === y) return 'equal';
  const both = x & y;
  if (both === 0) return 'disjoint';
  if (both === x) return 'proper-part';
  if (both === y) return 'proper-part-inverse';
  return 'partial-overlap';
};
const TO_ALIGNED: Partial<Record<SetRelation, AlignedRelation>> = {
  equal: 'equivalent', 'proper-part': 'subset-of', 'proper-part-inverse': 'superset-of', 'partial-overlap': 'intersects-with',
};

describe('composition table against real sets', () => {
  it('lists exactly the relations that some triple of sets a, S, b realises', () => {
    const seen = new Map<string, Set<SetRelation>>();
    for (const a of SETS) {
      for (const s of SETS) {
        for (const b of SETS) {
          const ar = TO_ALIGNED[setRelation(a, s)];
          const br = TO_ALIGNED[setRelation(b, s)];
          if (!ar || !br) continue;
          const key = `${ar}|${br}`;
          const found = seen.get(key) ?? new Set<SetRelation>();
          found.add(setRelation(a, b));
          seen.set(key, found);
        }
      }
    }
    expect(seen.size).toBe(16);
    for (const a of R) {
      for (const b of R) {
        expect([...possibleThroughStage(a, b)].sort(), `${a} / ${b}`).toEqual([...(seen.get(`${a}|${b}`) ?? [])].sort());
      }
    }
  });
});

describe('summarise', () => {
  // every non-empty set of possible relations: a claim must hold in each of them
  const subsets = Array.from({ length: 31 }, (_, m) => SET_RELATIONS.filter((_r, i) => ((m + 1) >> i) & 1));
  it('says "undetermined", never "related" or an overlap, exactly while disjoint is still possible', () => {
    for (const possible of subsets) {
      const claim = summarise(possible);
      if (possible.includes('disjoint')) expect(claim, possible.join(',')).toBe('undetermined');
      else expect(claim, possible.join(',')).not.toBe('undetermined');
    }
    expect(summarise([])).toBe('undetermined');
  });
  it('marks the undetermined pairs "?", not the "~" that read as "related"', () => {
    expect(DERIVED_RELATION_MARKS.undetermined).toBe('?');
    expect(Object.keys(DERIVED_RELATION_MARKS)).not.toContain('related');
  });
});

describe('combinePaths', () => {
  it('keeps what every path allows and takes the strongest claim of that', () => {
    // a ⊂ S1 ⊂ b says subset; a, b both ⊃ S2 says they overlap: together, subset
    expect(combinePaths([possibleThroughStage('subset-of', 'superset-of'), possibleThroughStage('superset-of', 'superset-of')]))
      .toEqual({ possible: ['proper-part'], consistent: true, relation: 'subset-of' });
    // both inside S1 (anything) and both containing S2 (overlap): overlap certain, nesting unknown
    expect(combinePaths([possibleThroughStage('subset-of', 'subset-of'), possibleThroughStage('superset-of', 'superset-of')]).relation)
      .toBe('intersects-with');
  });
  it('flags contradicting paths and then claims nothing ("undetermined")', () => {
    // a = S1 = b says equal; a = S2 ⊂ b says a ⊂ b: both cannot hold
    expect(combinePaths([possibleThroughStage('equivalent', 'equivalent'), possibleThroughStage('equivalent', 'superset-of')]))
      .toEqual({ possible: [], consistent: false, relation: 'undetermined' });
  });
});

describe('deriveModelCrosswalk', () => {
  const t = '2026-01-01T00:00:00.000Z';
  const base = { version: 1, createdAt: t, updatedAt: t };
  const fw = (id: number, role: 'source' | 'target', name: string) => ({
    ...base, id, reviewId: 1, role, name, shortName: '', citation: '', discipline: '', description: '', position: id,
  });
  const stage = (id: number, name: string) => ({
    ...base, id, frameworkId: 1, bandId: null, position: id, name, focus: '', purpose: '', keyLabel: '', keyQuestion: '', successMeasures: '',
  });
  const phase = (id: number, frameworkId: number, label: string) => ({ ...base, id, frameworkId, bandId: null, position: id, label, description: '' });
  let nextAlignment = 1;
  const align = (phaseId: number, stageId: number | null, relation: AlignedRelation | 'no-counterpart') => ({
    ...base, id: nextAlignment++, phaseId, stageId, relation, confidence: null, rationale: '', reviewerId: null, status: 'draft' as const,
  });
  const snapshot: ReviewSnapshot = {
    review: { ...base, id: 1, slug: 'r', title: 'R', description: '', citation: '', doi: null, crosswalkCaption: '', targetCaption: '' },
    bands: [],
    frameworks: [fw(1, 'target', 'T'), fw(2, 'source', 'A'), fw(3, 'source', 'B')],
    stages: [stage(10, 'One'), stage(11, 'Two'), stage(12, 'Three')],
    phases: [phase(20, 2, 'a1'), phase(21, 2, 'a2'), phase(22, 2, 'a3'), phase(30, 3, 'b1'), phase(31, 3, 'b2')],
    alignments: [
      align(20, 10, 'subset-of'), align(20, 11, 'superset-of'),
      align(21, 12, 'intersects-with'),
      align(22, null, 'no-counterpart'),
      align(30, 10, 'superset-of'), align(30, 11, 'superset-of'),
      align(31, 12, 'equivalent'),
    ],
  };
  const cw = buildCrosswalk(snapshot);

  it('pairs every two phases that share a stage, with the stages they went through, labelled derived', () => {
    const derived = deriveModelCrosswalk(cw, 2, 3);
    expect(derived.map((d) => [d.aPhaseLabel, d.bPhaseLabel, d.relation, d.paths.map((p) => p.stageName)])).toEqual([
      // a1 ⊂ One ⊂ b1, and a1, b1 both ⊃ Two: subset
      ['a1', 'b1', 'subset-of', ['One', 'Two']],
      // a2 partly overlaps Three = b2
      ['a2', 'b2', 'intersects-with', ['Three']],
    ]);
    expect(derived.every((d) => d.derived === true && d.consistent)).toBe(true);
    expect(derived[0]?.paths.map((p) => p.relation)).toEqual(['subset-of', 'intersects-with']);
  });
  it('reads the other way round with the inverse relations', () => {
    expect(deriveModelCrosswalk(cw, 3, 2).map((d) => [d.aPhaseLabel, d.bPhaseLabel, d.relation])).toEqual([
      ['b1', 'a1', 'superset-of'],
      ['b2', 'a2', 'intersects-with'],
    ]);
  });
  it('gives nothing for an unknown model', () => {
    expect(deriveModelCrosswalk(cw, 2, 99)).toEqual([]);
  });
});
