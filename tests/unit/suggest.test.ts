import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { labelWords, suggestAlignments, type SuggestInput } from '../../shared/crosswalk/suggest.ts';
import { ROOT } from '../../server/paths.ts';

interface SeedFixture {
  bands: string[];
  sourceModels: { name: string; phases: Record<string, string[]> }[];
  targetFramework: { stages: { name: string; band: string; focus: string; purpose: string }[] };
}
const seed = JSON.parse(
  fs.readFileSync(path.join(ROOT, 'fixtures/seed/stages-of-innovation.json'), 'utf8'),
) as SeedFixture;

// The seed review as plain entities: bands 1–3, stages 101–106, phases numbered from 1001 in model order.
const bands = seed.bands.map((label, i) => ({ id: i + 1, label }));
const bandId = (label: string): number | null => bands.find((b) => b.label === label)?.id ?? null;
const stages = seed.targetFramework.stages.map((s, i) => ({
  id: 101 + i, position: i, name: s.name, focus: s.focus, purpose: s.purpose, bandId: bandId(s.band),
}));
const phases = seed.sourceModels.flatMap((m, mi) =>
  Object.entries(m.phases).flatMap(([band, labels]) => labels.map((label) => ({ model: m.name, label, band, mi }))),
).map((p, i) => ({ id: 1001 + i, label: p.label, bandId: bandId(p.band), position: i, model: p.model }));

const stageName = (id: number): string | undefined => stages.find((s) => s.id === id)?.name;
const phaseOf = (model: string, label: string) => {
  const found = phases.find((p) => p.model.includes(model) && p.label === label);
  if (!found) throw new Error(`no phase ${label} in ${model}`);
  return found;
};
const input = (alignments: SuggestInput['alignments'] = []): SuggestInput => ({ phases, stages, bands, alignments });

describe('suggestAlignments on the seed review', () => {
  it("puts Growing first for Nesta's 'Growing, scaling and spreading', with the name, band and keywords as reasons", () => {
    const phase = phaseOf('Innovation Spiral', 'Growing, scaling and spreading');
    const mine = suggestAlignments(input()).filter((s) => s.phaseId === phase.id);
    expect(mine.map((s) => stageName(s.stageId))).toEqual(['Growing', 'System change']);
    const [top] = mine;
    expect(top?.score).toBe(1);
    expect(top?.reasons).toContain("label 'Growing, scaling and spreading' matches stage name 'Growing'");
    expect(top?.reasons).toContain('same band: Latter phases');
    expect(top?.reasons).toContain("label 'Growing, scaling and spreading' matches focus keyword 'scaling'");
    // only the band speaks for System change
    expect(mine[1]).toMatchObject({ score: 0.3, reasons: ['same band: Latter phases'] });
  });

  it("suggests Designing for 'generating ideas' because of the focus keyword 'generating'", () => {
    const phase = phaseOf('Innovation Spiral', 'generating ideas');
    const [top] = suggestAlignments(input()).filter((s) => s.phaseId === phase.id);
    expect(stageName(top?.stageId ?? 0)).toBe('Designing');
    expect(top?.reasons).toContain("label 'generating ideas' matches focus keyword 'generating'");
    expect(top?.reasons).toContain('same band: Early phases');
  });

  it("matches the Double Diamond's 'Develop' and 'deliver' to Developing and Integrating", () => {
    const all = suggestAlignments(input());
    const topFor = (label: string) =>
      stageName(all.find((s) => s.phaseId === phaseOf('Double Diamond', label).id)?.stageId ?? 0);
    expect(topFor('Develop')).toBe('Developing');
    expect(topFor('deliver')).toBe('Integrating');
    expect(topFor('Discover')).toBe('Designing');
  });

  it('offers nothing for a phase already assessed, including "no counterpart"', () => {
    const aligned = phaseOf('Innovation Spiral', 'generating ideas');
    const none = phaseOf('Innovation Spiral', 'making the case');
    const ids = new Set(suggestAlignments(input([{ phaseId: aligned.id }, { phaseId: none.id }])).map((s) => s.phaseId));
    expect(ids.has(aligned.id)).toBe(false);
    expect(ids.has(none.id)).toBe(false);
    expect(ids.has(phaseOf('Innovation Spiral', 'changing systems').id)).toBe(true);
  });

  it('keeps at most perPhase suggestions, strongest first, all above minScore', () => {
    const all = suggestAlignments(input(), { perPhase: 2, minScore: 0.35 });
    const byPhase = new Map<number, number[]>();
    for (const s of all) byPhase.set(s.phaseId, [...(byPhase.get(s.phaseId) ?? []), s.score]);
    for (const scores of byPhase.values()) {
      expect(scores.length).toBeLessThanOrEqual(2);
      expect([...scores].sort((a, b) => b - a)).toEqual(scores);
      for (const score of scores) expect(score).toBeGreaterThanOrEqual(0.35);
    }
    // a band match alone (0.3) is below 0.35: EPIS's 'Exploration' has nothing else going for it
    expect(byPhase.has(phaseOf('EPIS', 'Exploration').id)).toBe(false);
  });

  it('suggests nothing for a phase with no band and no matching words', () => {
    const lone = { id: 1, label: 'Xyzzy quux', bandId: null, position: 0 };
    expect(suggestAlignments({ phases: [lone], stages, bands, alignments: [] })).toEqual([]);
  });
});

describe('labelWords', () => {
  it('lower-cases, drops stop words and short words, and keeps each word once', () => {
    expect(labelWords('Growing, scaling and spreading')).toEqual(['growing', 'scaling', 'spreading']);
    expect(labelWords('Move into existing power structures; move')).toEqual(['move', 'existing', 'power', 'structures']);
    expect(labelWords('‘Double Diamond’ of UK')).toEqual(['double', 'diamond']);
  });
});
