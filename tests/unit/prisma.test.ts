// PRISMA 2020 arithmetic from the records' counts, entered counts where nothing can be derived, hidden stages,
// and the diagram's boxes and wording.
import { describe, expect, it } from 'vitest';
import { renderPrismaSvg } from '../../shared/export/figures-prisma.ts';
import { PRISMA_BOXES, eligibilityIndex, prismaBoxes, type PrismaInput } from '../../shared/screening/prisma.ts';

const branch = (set: number, include: number, exclude: number, reasons: Record<string, number> = {}) => ({ set, include, exclude, reasons });

const input: PrismaInput = {
  sources: [
    { name: 'Scopus', kind: 'database', records: 600, duplicates: 150, batches: 1 },
    { name: 'PubMed', kind: 'database', records: 400, duplicates: 50, batches: 2 },
    { name: 'ClinicalTrials.gov', kind: 'register', records: 20, duplicates: 0, batches: 1 },
    { name: 'Hand-search', kind: 'other', records: 12, duplicates: 2, batches: 1 },
  ],
  stages: [
    { kind: 'title', label: 'Titles', hidden: false, dbr: branch(820, 300, 500), other: branch(10, 8, 2) },
    { kind: 'abstract', label: 'Abstracts', hidden: false, dbr: branch(300, 90, 190), other: branch(8, 6, 2) },
    { kind: 'full-text', label: '', hidden: false, dbr: branch(90, 30, 55, { 'wrong population': 40, 'wrong design': 15 }), other: branch(6, 4, 1, { '': 1 }) },
  ],
  entered: { dbr_notretrieved_reports: { count: 5, note: 'paywalled' }, database_results: { count: 9, note: 'ignored: derived wins' } },
};

describe('PRISMA 2020 counts', () => {
  const boxes = prismaBoxes(input);
  const count = (k: keyof typeof boxes) => boxes[k].count;

  it('has every box of the template', () => {
    expect(Object.keys(boxes).sort()).toEqual([...PRISMA_BOXES].sort());
  });

  it('identifies per source kind and removes duplicates of databases and registers', () => {
    expect(count('database_results')).toBe(1000);
    expect(boxes.database_results).toMatchObject({ entered: false, note: 'Scopus (n = 600); PubMed (n = 400)' });
    expect(count('register_results')).toBe(20);
    expect(count('duplicates')).toBe(200);
    expect(count('other_results')).toBe(10);
  });

  it('counts screening across the stages before the full text, and eligibility at the full text', () => {
    expect(count('records_screened')).toBe(820);
    expect(count('records_excluded')).toBe(690);
    expect(boxes.records_screened.note).toBe('Titles: 820 screened, 500 excluded; Abstracts: 300 screened, 190 excluded');
    expect(count('dbr_sought_reports')).toBe(90);
    expect(count('dbr_assessed')).toBe(85);
    expect(count('dbr_excluded')).toBe(55);
    expect(boxes.dbr_excluded.reasons).toEqual([{ reason: 'wrong population', count: 40 }, { reason: 'wrong design', count: 15 }]);
    expect(count('other_sought_reports')).toBe(6);
    expect(count('other_assessed')).toBe(5);
    expect(boxes.other_excluded.reasons).toEqual([{ reason: 'no reason given', count: 1 }]);
    expect(count('new_studies')).toBe(34);
  });

  it('takes entered counts only where nothing can be derived, and marks them', () => {
    expect(boxes.dbr_notretrieved_reports).toEqual({ count: 5, entered: true, note: 'paywalled' });
    expect(boxes.database_results.entered).toBe(false);
    expect(boxes.excluded_automatic).toEqual({ count: null, entered: false, note: '' });
  });

  it('hides the counts of a blind stage and of what depends on it', () => {
    const hidden = prismaBoxes({ ...input, stages: input.stages.map((s, i) => ({ ...s, hidden: i === 1 })) });
    expect(hidden.records_screened.count).toBeNull();
    expect(hidden.records_screened.note).toMatch(/unblinds Abstracts/);
    expect(hidden.dbr_sought_reports.count).toBeNull();
    expect(hidden.new_studies.count).toBeNull();
    expect(hidden.database_results.count).toBe(1000);
  });

  it('treats the last of several stages as eligibility when there is no full-text stage', () => {
    expect(eligibilityIndex([{ kind: 'title' }, { kind: 'abstract' }])).toBe(1);
    expect(eligibilityIndex([{ kind: 'title-abstract' }])).toBe(-1);
    expect(eligibilityIndex([{ kind: 'full-text' }, { kind: 'title' }])).toBe(0);
    const one = prismaBoxes({ ...input, stages: [input.stages[0]!] });
    expect(one.records_screened.count).toBe(820);
    expect(one.dbr_assessed.count).toBeNull();
    expect(one.new_studies.count).toBe(308);
  });

  it('uses entered counts for a review without records', () => {
    const seed = prismaBoxes({ sources: [], stages: [], entered: { database_results: { count: 3819, note: 'six databases' } } });
    expect(seed.database_results).toEqual({ count: 3819, entered: true, note: 'six databases' });
    expect(seed.records_screened.count).toBeNull();
  });
});

describe('PRISMA 2020 diagram', () => {
  const svg = renderPrismaSvg(prismaBoxes(input), 'A review & its flow');

  const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
  const follows = (label: string, count: string): boolean => texts.some((t, i) => t === label && texts[i + 1] === count);

  it('prints the template\'s boxes and wording with the counts', () => {
    for (const text of [
      'Identification of new studies via databases and registers', 'Identification of new studies via other methods',
      'Records identified from*:', 'Databases (n = 1000)', 'Registers (n = 20)', 'Duplicate records removed (n = 200)',
      'wrong population (n = 40)', 'Identification', 'Screening', 'Included', 'A review &amp; its flow', 'Reports excluded:',
    ]) expect(texts).toContain(text);
    expect(follows('Records screened', '(n = 820)')).toBe(true);
    expect(follows('Records excluded**', '(n = 690)')).toBe(true);
    expect(follows('Reports sought for retrieval', '(n = 90)')).toBe(true);
    expect(follows('Reports not retrieved', '(n = 5 †)')).toBe(true);
    expect(follows('Reports assessed for eligibility', '(n = 85)')).toBe(true);
    expect(follows('Studies included in review', '(n = 34)')).toBe(true);
    // the other-methods column is narrower: the label wraps, as in the template
    expect(follows('retrieval', '(n = 6)')).toBe(true);
    expect(svg).toContain('(n = ?)');
  });

  it('is well formed and deterministic', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trim().endsWith('</svg>')).toBe(true);
    expect((svg.match(/<rect /g) ?? []).length).toBeGreaterThanOrEqual(14 + 3 + 2);
    expect(renderPrismaSvg(prismaBoxes(input), 'A review & its flow')).toBe(svg);
  });
});
