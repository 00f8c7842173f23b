// Screening order on a small set written for the purpose: a review of stem cells for knee osteoarthritis among
// search hits from unrelated fields. Relevant records must rise once a few decisions are known.
import { describe, expect, it } from 'vitest';
import { MIN_LABELS_PER_CLASS, rankForScreening, stableRandomOrder, type RankItem } from '../../shared/screening/rank.ts';

const RELEVANT = [
  'Intra-articular injection of bone marrow mesenchymal stem cells for knee osteoarthritis: a randomized controlled trial',
  'Adipose-derived mesenchymal stem cells versus hyaluronic acid in knee osteoarthritis, randomized trial with two-year follow-up',
  'Umbilical cord mesenchymal stem cells injected into the osteoarthritic knee: cartilage volume on MRI in a randomized trial',
  'Autologous bone marrow concentrate and mesenchymal stromal cells for cartilage repair in knee osteoarthritis patients',
  'Allogeneic mesenchymal stem cells for osteoarthritis of the knee: pain and WOMAC scores in a controlled trial',
  'Stem cell therapy for knee osteoarthritis: randomized comparison of adipose and bone marrow sources',
  'Mesenchymal stem cell injection after high tibial osteotomy for knee osteoarthritis: randomized controlled study',
  'Cartilage regeneration by intra-articular mesenchymal stem cells in knee osteoarthritis: a double-blind trial',
  'Greffe de cellules souches mésenchymateuses dans l’arthrose du genou : essai randomisé (knee osteoarthritis)',
  'Long-term outcome of mesenchymal stem cells versus placebo injection in osteoarthritic knees',
];
const IRRELEVANT = [
  'Religious diversity and social trust: a cross-national comparison of European societies',
  'Retrospective benzene exposure assessment for a case-cohort study of exposed workers in China',
  'Bayesian versus frequentist estimation for structural equation models in small samples',
  'Rural broadband adoption and the digital divide among small firms',
  'Teacher feedback and reading fluency in primary schools: a classroom experiment',
  'Urban heat islands and tree canopy cover in mid-sized cities',
  'Household savings behaviour after pension reform: panel evidence',
  'Deep learning for traffic sign recognition under adverse weather',
  'Coral reef recovery after bleaching events in the Indian Ocean',
  'Migration, remittances and child schooling in rural households',
  'Public trust in vaccination campaigns and social media exposure',
  'Hydrological modelling of snowmelt in alpine catchments',
  'Consumer responses to front-of-pack nutrition labels in supermarkets',
  'Corporate governance and audit quality in emerging markets',
  'Sleep duration and academic performance among university students',
  'Wind turbine noise and residents’ annoyance: a field survey',
  'Anterior cruciate ligament reconstruction rehabilitation protocols in athletes',
  'Knee pain in adolescent runners: a survey of training habits',
  'Microfinance and women’s empowerment in South Asia',
  'Groundwater arsenic and cognitive development of children',
];

function set(): { items: RankItem[]; relevant: Set<number> } {
  const items: RankItem[] = [];
  const relevant = new Set<number>();
  // Interleaved ids (relevant ones are 1, 4, 7, …) so that id order says nothing about relevance.
  RELEVANT.forEach((text, i) => {
    items.push({ id: 1 + 3 * i, text });
    relevant.add(1 + 3 * i);
  });
  const others = Array.from({ length: 60 }, (_, i) => i + 1).filter((id) => id % 3 !== 1 || id > 3 * RELEVANT.length);
  IRRELEVANT.forEach((text, i) => items.push({ id: others[i]!, text }));
  return { items, relevant };
}

function seedLabels(relevant: Set<number>, items: RankItem[], pos: number, neg: number): Map<number, 0 | 1> {
  const labels = new Map<number, 0 | 1>();
  for (const it of items.filter((i) => relevant.has(i.id)).slice(0, pos)) labels.set(it.id, 1);
  for (const it of items.filter((i) => !relevant.has(i.id)).slice(0, neg)) labels.set(it.id, 0);
  return labels;
}

describe('rankForScreening', () => {
  it('puts the undecided relevant records first once a few of each class are labelled', () => {
    const { items, relevant } = set();
    const labels = seedLabels(relevant, items, 3, 4);
    const { order, expectedRelevantRemaining } = rankForScreening(items, labels);
    const remainingRelevant = RELEVANT.length - 3;
    expect(order).toHaveLength(items.length - labels.size);
    expect(order.slice(0, remainingRelevant).filter((id) => relevant.has(id))).toHaveLength(remainingRelevant);
    expect(expectedRelevantRemaining).not.toBeNull();
    expect(expectedRelevantRemaining).toBeGreaterThan(0);
    expect(expectedRelevantRemaining).toBeLessThanOrEqual(order.length);
  });

  it('lists every undecided record exactly once and none of the decided ones', () => {
    const { items, relevant } = set();
    const labels = seedLabels(relevant, items, 4, 6);
    labels.set(999_999, 1); // a label for a record not in the set is ignored
    const { order } = rankForScreening(items, labels);
    expect([...order].sort((a, b) => a - b)).toEqual(items.filter((i) => !labels.has(i.id)).map((i) => i.id).sort((a, b) => a - b));
  });

  it('falls back to the stable random order and null with too few labels of either class', () => {
    const { items, relevant } = set();
    const undecidedIds = (labels: Map<number, 0 | 1>): number[] => items.filter((i) => !labels.has(i.id)).map((i) => i.id);
    for (const [pos, neg] of [[0, 0], [MIN_LABELS_PER_CLASS - 1, 10], [5, MIN_LABELS_PER_CLASS - 1]] as const) {
      const labels = seedLabels(relevant, items, pos, neg);
      const result = rankForScreening(items, labels);
      expect(result.expectedRelevantRemaining).toBeNull();
      expect(result.order).toEqual(stableRandomOrder(undecidedIds(labels)));
    }
    expect(rankForScreening(items, new Map(), 42).order).toEqual(stableRandomOrder(items.map((i) => i.id), 42));
    const random = rankForScreening(items, new Map()).order;
    expect(random).not.toEqual(items.map((i) => i.id));
    expect(random).not.toEqual([...items.map((i) => i.id)].sort((a, b) => a - b));
  });

  it('is deterministic: same order for the same input, whatever order the labels arrived in', () => {
    const { items, relevant } = set();
    const labels = seedLabels(relevant, items, 3, 5);
    const first = rankForScreening(items, labels);
    const reversed = new Map([...labels].reverse());
    expect(rankForScreening(items, labels)).toEqual(first);
    expect(rankForScreening(items, reversed)).toEqual(first);
  });

  it('reads words of any script, including text that lengthens when lower-cased', () => {
    const items: RankItem[] = [
      { id: 1, text: 'Καρδιακή ανεπάρκεια θεραπεία' },
      { id: 2, text: 'ΚΑΡΔΙΑΚΗ ΑΝΕΠΑΡΚΕΙΑ ασθενείς' },
      { id: 3, text: 'Καρδιακή ανεπάρκεια İİİİ İİ' },
      { id: 4, text: 'Οδική ασφάλεια πόλεις' },
      { id: 5, text: 'Οδική κυκλοφορία πόλεις' },
      { id: 6, text: 'İstanbul İzmir οδική ασφάλεια' },
    ];
    const labels = new Map<number, 0 | 1>([[1, 1], [2, 1], [4, 0], [5, 0]]);
    expect(rankForScreening(items, labels).order).toEqual([3, 6]);
  });

  it('copes with an empty set and with records without text', () => {
    expect(rankForScreening([], new Map())).toEqual({ order: [], expectedRelevantRemaining: null });
    const items = [1, 2, 3, 4, 5, 6].map((id) => ({ id, text: id % 2 ? '' : '— ’ “”' }));
    const labels = new Map<number, 0 | 1>([[1, 1], [2, 1], [3, 0], [4, 0]]);
    const { order, expectedRelevantRemaining } = rankForScreening(items, labels);
    expect([...order].sort()).toEqual([5, 6]);
    expect(Number.isFinite(expectedRelevantRemaining)).toBe(true);
  });
});

describe('stableRandomOrder', () => {
  it('is a permutation that depends on the seed but not on the input order', () => {
    const ids = Array.from({ length: 50 }, (_, i) => i + 1);
    const a = stableRandomOrder(ids);
    expect([...a].sort((x, y) => x - y)).toEqual(ids);
    expect(stableRandomOrder([...ids].reverse())).toEqual(a);
    expect(stableRandomOrder(ids, 7)).not.toEqual(a);
  });
});
