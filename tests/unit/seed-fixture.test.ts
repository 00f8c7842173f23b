// The seed fixture must say what the paper prints. Where the paper's text is beside the checkout (../shared/seed),
// every phase label, model name, citation and Table 2 text is looked up in it (line-break hyphenation undone).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedFileSchema } from '../../shared/seed-schema.ts';
import { SEED_FILE, ROOT } from '../../server/paths.ts';

const seed = seedFileSchema.parse(JSON.parse(fs.readFileSync(SEED_FILE, 'utf8')));
const paperDir = path.join(ROOT, '..', 'shared', 'seed');
const paperFile = fs.existsSync(paperDir) ? fs.readdirSync(paperDir).find((f) => f.endsWith('.txt')) : undefined;

/** Flattens the PDF text: joins words hyphenated at line ends and collapses white space. */
function flatten(text: string): string {
  return text.replace(/(\w)-\s*\n\s*(\w)/g, '$1$2').replace(/\s+/g, ' ').replace(/[‘’]/g, "'");
}
const norm = (s: string): string => s.replace(/\s+/g, ' ').replace(/\/ /g, '/').replace(/[‘’]/g, "'").replace(/-/g, '');

describe('seed fixture', () => {
  it('has ten source models, three bands, six stages in the wheel order', () => {
    expect(seed.sourceModels).toHaveLength(10);
    expect(seed.bands).toEqual(['Early phases', 'Middle phases', 'Latter phases']);
    expect(seed.targetFramework.stages.map((s) => s.name)).toEqual([
      'Mobilising', 'Designing', 'Developing', 'Integrating', 'Growing', 'System change',
    ]);
    expect(seed.targetFramework.stages.map((s) => s.band)).toEqual([
      'Early phases', 'Early phases', 'Middle phases', 'Middle phases', 'Latter phases', 'Latter phases',
    ]);
    expect(seed.reviewFlow.find((f) => f.key === 'identified-databases')?.count).toBe(3819);
  });

  it('seeds only the alignments the paper states (Murray et al.), each with a quoted rationale', () => {
    expect(new Set(seed.alignments.map((a) => a.model))).toEqual(new Set(['The six stages of social innovation']));
    for (const a of seed.alignments) expect(a.rationale).toMatch(/“.+”/);
  });

  it.runIf(paperFile)('matches the paper text for every model, citation, phase and stage field', () => {
    const paper = norm(flatten(fs.readFileSync(path.join(paperDir, paperFile as string), 'utf8')));
    const missing: string[] = [];
    const check = (what: string, value: string): void => {
      if (value && !paper.includes(norm(value))) missing.push(`${what}: ${value}`);
    };
    for (const m of seed.sourceModels) {
      check('model', m.name);
      check('citation', m.citation);
      for (const labels of Object.values(m.phases)) for (const l of labels) check(`phase of ${m.name}`, l);
    }
    for (const s of seed.targetFramework.stages) {
      for (const key of ['name', 'focus', 'purpose', 'keyQuestion', 'successMeasures'] as const) check(`${s.name}.${key}`, s[key]);
      check(`${s.name}.keyLabel`, `${s.keyLabel}:`);
    }
    expect(missing).toEqual([]);
  });
});
