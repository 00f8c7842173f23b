// The pure coding computations: the codebook tree and its paths, the framework matrix, the evidence map with its
// gaps, coding agreement against a worked example, and the evidence behind an alignment.
import { describe, expect, it } from 'vitest';
import { alignmentEvidence } from '../../shared/coding/alignment-evidence.ts';
import { computeCodingAgreement } from '../../shared/coding/agreement.ts';
import { bandKeyOf, buildCodebook, resolveCode, subtreeIndex, type CodebookSource } from '../../shared/coding/codebook.ts';
import { computeEvidenceMap, evidenceCell } from '../../shared/coding/evidence-map.ts';
import type { ItemLabel, TagFact } from '../../shared/coding/facts.ts';
import { cellText, computeMatrix } from '../../shared/coding/matrix.ts';
import { renderCsv } from '../../shared/export/csv.ts';
import { evidenceMapTable } from '../../shared/export/coding-tables.ts';

const SOURCE: CodebookSource = {
  bands: [{ id: 1, label: 'Early phases', position: 0 }, { id: 2, label: 'Middle phases', position: 1 }, { id: 3, label: 'Latter phases', position: 2 }],
  stages: [
    { id: 11, name: 'Mobilising', focus: 'Getting going', bandId: 1, position: 0 },
    { id: 12, name: 'Embedding', focus: 'Making it stick', bandId: 3, position: 1 },
  ],
  models: [{ id: 5, name: 'Double Diamond', position: 0 }, { id: 6, name: 'Hartley', position: 1 }],
  phases: [
    { id: 21, frameworkId: 5, label: 'Deliver', description: '', bandId: 3, position: 1 },
    { id: 20, frameworkId: 5, label: 'Discover', description: '', bandId: 1, position: 0 },
    { id: 22, frameworkId: 6, label: 'Discover', description: '', bandId: 1, position: 0 },
  ],
  codes: [
    { id: 31, parentId: null, label: 'Context', description: 'Where', band: 'early', position: 1, version: 1 },
    { id: 30, parentId: null, label: 'Leadership', description: '', band: null, position: 0, version: 3 },
    { id: 32, parentId: 31, label: 'Policy', description: '', band: 'middle', position: 0, version: 1 },
  ],
  tagCounts: new Map([['stage:11', 4], ['code:32', 2]]),
};
const nodes = buildCodebook(SOURCE);

describe('codebook', () => {
  it('is one tree with three roots in order, phases in band order under their model, own codes by position', () => {
    expect(nodes.map((n) => n.path.join('/'))).toEqual([
      'Stages', 'Stages/Mobilising', 'Stages/Embedding',
      'Models', 'Models/Double Diamond', 'Models/Double Diamond/Discover', 'Models/Double Diamond/Deliver', 'Models/Hartley', 'Models/Hartley/Discover',
      'Categories', 'Categories/Leadership', 'Categories/Context', 'Categories/Context/Policy',
    ]);
    expect(nodes.find((n) => n.ref === 'stage:11')).toMatchObject({ band: 'early', readOnly: true, taggable: true, tags: 4 });
    expect(nodes.find((n) => n.ref === 'model:5')).toMatchObject({ taggable: false });
    expect(nodes.find((n) => n.ref === 'code:32')).toMatchObject({ parentRef: 'code:31', depth: 2, band: 'middle', readOnly: false, version: 1, tags: 2 });
  });

  it('reads bands from their labels, else from their place among three', () => {
    expect(bandKeyOf('Later stages', 0, 5)).toBe('latter');
    expect(bandKeyOf('Phase B', 1, 3)).toBe('middle');
    expect(bandKeyOf('Phase B', 1, 4)).toBeNull();
  });

  it('resolves paths, own paths without their root, unique labels and ids; refuses ambiguity and unknowns', () => {
    const ref = (t: string) => {
      const r = resolveCode(nodes, t);
      return 'node' in r ? r.node.ref : r.error;
    };
    expect(ref('Stages/Mobilising')).toBe('stage:11');
    expect(ref('  stages / MOBILISING ')).toBe('stage:11');
    expect(ref('Models/Double Diamond/Discover')).toBe('phase:20');
    expect(ref('Categories/Context/Policy')).toBe('code:32');
    expect(ref('Context/Policy')).toBe('code:32');
    expect(ref('Policy')).toBe('code:32');
    expect(ref('phase:22')).toBe('phase:22');
    expect(ref('Discover')).toMatch(/names 2 codes: phase:20 .*phase:22/);
    expect(ref('stage:99')).toMatch(/no code stage:99/);
    expect(ref('Stages/Nowhere')).toMatch(/no code "Stages\/Nowhere"/);
    // a model is not a code
    expect(ref('Models/Hartley')).toMatch(/no code/);
  });

  it('indexes every subtree', () => {
    const index = subtreeIndex(nodes);
    expect([...(index.get('root:categories') ?? [])].sort()).toEqual(['code:30', 'code:31', 'code:32', 'root:categories']);
    expect([...(index.get('model:5') ?? [])].sort()).toEqual(['model:5', 'phase:20', 'phase:21']);
  });
});

const items: ItemLabel[] = [1, 2, 3, 4].map((id) => ({ id, reference: `Ref${id} (2020) T${id}`, title: `T${id}` }));
let nextId = 1;
const tag = (itemId: number, code: string, reviewerId = 1, quote = '', locator = ''): TagFact => ({ id: nextId++, itemId, code, quote, locator, reviewerId });

describe('framework matrix', () => {
  const tags = [
    tag(1, 'stage:11', 1, 'we mobilised', 'p. 2'), tag(1, 'stage:11', 2, 'a second passage'), tag(2, 'code:32', 1, 'policy text'),
    tag(3, 'phase:20', 1), tag(2, 'stage:12', 1, 'embedded'),
  ];

  it('puts each pair\'s quotes in its cell, items × codes, in codebook order', () => {
    const m = computeMatrix(nodes, items, tags, { orientation: 'items-codes', branch: 'root:stages' });
    expect(m.rows.map((r) => r.key)).toEqual(['1', '2', '3', '4']);
    expect(m.columns).toEqual([{ key: 'stage:11', label: 'Mobilising' }, { key: 'stage:12', label: 'Embedding' }]);
    expect(m.cells.map((c) => [c.row, c.column, c.quotes.map((q) => q.quote)])).toEqual([
      ['1', 'stage:11', ['we mobilised', 'a second passage']],
      ['2', 'stage:12', ['embedded']],
    ]);
    expect(cellText(m.cells[0]?.quotes ?? [])).toBe('“we mobilised” (p. 2)\n“a second passage”');
  });

  it('turns round, and filters by band and reviewer', () => {
    const m = computeMatrix(nodes, items, tags, { orientation: 'codes-items' });
    expect(m.rows.map((r) => r.key)).toEqual(['stage:11', 'stage:12', 'phase:20', 'phase:21', 'phase:22', 'code:30', 'code:31', 'code:32']);
    expect(m.rows.find((r) => r.key === 'phase:20')?.label).toBe('Double Diamond / Discover');
    expect(m.cells[0]).toMatchObject({ row: 'stage:11', column: '1' });
    const early = computeMatrix(nodes, items, tags, { orientation: 'items-codes', band: 'early' });
    expect(early.columns.map((c) => c.key)).toEqual(['stage:11', 'phase:20', 'phase:22', 'code:31']);
    const second = computeMatrix(nodes, items, tags, { orientation: 'items-codes', reviewerId: 2 });
    expect(second.cells.map((c) => c.quotes.map((q) => q.quote))).toEqual([['a second passage']]);
  });
});

describe('evidence map', () => {
  const tags = [
    tag(1, 'stage:11'), tag(1, 'code:32'), tag(2, 'stage:11'), tag(2, 'code:31'), tag(2, 'code:32'),
    tag(3, 'stage:12'), tag(3, 'code:30'), tag(4, 'code:30', 2),
  ];

  it('counts distinct items with both tags (a child code counts for its category), and marks 0 as a gap', () => {
    const map = computeEvidenceMap(nodes, tags);
    expect(map.rows.map((r) => r.key)).toEqual(['stage:11', 'stage:12']);
    expect(map.columns.map((c) => c.key)).toEqual(['code:30', 'code:31']);
    const cell = (r: string, c: string) => map.cells.find((x) => x.row === r && x.column === c);
    // item 2 has Context and Policy (under Context): one item, not two
    expect(cell('stage:11', 'code:31')).toMatchObject({ items: 2, itemIds: [1, 2], gap: false });
    expect(cell('stage:11', 'code:30')).toMatchObject({ items: 0, gap: true });
    expect(cell('stage:12', 'code:30')).toMatchObject({ items: 1, itemIds: [3] });
    expect(map.maxItems).toBe(2);
    expect(renderCsv(evidenceMapTable(map, 'Stages'))).toBe('Stages,Leadership,Context\r\nMobilising,gap,2\r\nEmbedding,1,gap\r\n');
  });

  it('takes any branch for rows, and one reviewer\'s tags only', () => {
    const map = computeEvidenceMap(nodes, [...tags, tag(4, 'phase:21', 2)], { rows: 'model:5', reviewerId: 2 });
    expect(map.rows.map((r) => r.label)).toEqual(['Double Diamond / Discover', 'Double Diamond / Deliver']);
    expect(map.cells.filter((c) => !c.gap)).toEqual([{ row: 'phase:21', column: 'code:30', items: 1, itemIds: [4], gap: false }]);
  });

  it('lists a cell\'s items with their quotes on the row and column codes', () => {
    const cell = evidenceCell(nodes, items, tags, 'stage:11', 'code:31');
    expect(cell.items.map((i) => [i.itemId, i.quotes.map((q) => q.code)])).toEqual([[1, ['stage:11', 'code:32']], [2, ['stage:11', 'code:31', 'code:32']]]);
  });
});

describe('coding agreement', () => {
  // Worked example: ten items, both reviewers tagged each (code:30 on every item, so all ten count).
  // Code "Context" (code:31): A on items 1–5, B on items 1–4 and 6.
  //   both 4, only A 1 (item 5), only B 1 (item 6), neither 4 → po = 8/10 = 0.8
  //   pA(yes) = 0.5, pB(yes) = 0.5 → pe = 0.5·0.5 + 0.5·0.5 = 0.5 → κ = (0.8 − 0.5) / (1 − 0.5) = 0.6
  //   SE = sqrt(0.8·0.2 / (10·0.25)) = 0.253 → 95% CI 0.6 ± 0.496
  const ten = Array.from({ length: 10 }, (_, i) => ({ id: i + 1, reference: `R${i + 1}`, title: '' }));
  const tags: TagFact[] = [
    ...ten.flatMap((i) => [tag(i.id, 'code:30', 1), tag(i.id, 'code:30', 2)]),
    ...[1, 2, 3, 4, 5].map((i) => tag(i, 'code:31', 1, `A quote ${i}`)),
    ...[1, 2, 3, 4, 6].map((i) => tag(i, 'code:31', 2)),
    tag(11, 'code:31', 1),
  ];
  const result = computeCodingAgreement(nodes, ten, tags, { id: 1, name: 'Ann' }, { id: 2, name: 'Bob' });

  it('computes kappa on presence per item over the items both coded', () => {
    expect(result.items).toBe(10);
    const context = result.codes.find((c) => c.code === 'code:31');
    expect(context).toMatchObject({ both: 4, onlyA: 1, onlyB: 1, neither: 4, percentAgreement: 80, note: '' });
    expect(context?.kappa).toBeCloseTo(0.6, 10);
    expect(context?.kappaCi95?.[0]).toBeCloseTo(0.6 - 1.96 * Math.sqrt(0.16 / 2.5), 10);
    expect(context?.path).toEqual(['Categories', 'Context']);
  });

  it('says why kappa is undefined for a code both used on every item', () => {
    const leadership = result.codes.find((c) => c.code === 'code:30');
    expect(leadership).toMatchObject({ both: 10, percentAgreement: 100, kappa: null });
    expect(leadership?.note).toMatch(/undefined/);
  });

  it('lists each disagreement with who tagged it and their quotes; item 11 (only A coded it) is not counted', () => {
    expect(result.disagreements.map((d) => [d.itemId, d.code, d.taggedBy, d.quotes.map((q) => q.quote)])).toEqual([
      [5, 'code:31', 1, ['A quote 5']],
      [6, 'code:31', 2, ['']],
    ]);
  });
});

describe('evidence behind an alignment', () => {
  it('keeps the items tagged with both the phase and the stage, with those tags only', () => {
    const tags = [tag(1, 'phase:20', 1, 'p'), tag(1, 'stage:11', 2, 's'), tag(1, 'code:30'), tag(2, 'phase:20'), tag(3, 'stage:11')];
    const ev = alignmentEvidence(tags, 'phase:20', 'stage:11');
    expect([...ev.keys()]).toEqual([1]);
    expect(ev.get(1)?.map((t) => t.quote)).toEqual(['p', 's']);
    expect(alignmentEvidence(tags, 'phase:20', null).size).toBe(0);
  });
});
