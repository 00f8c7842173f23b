// Agreement statistics against worked examples, and the final decision of an item.
// Worked examples: Cohen's kappa from Wikipedia's "Cohen's kappa" article (50 proposals, two readers: 20 yes/yes,
// 5 yes/no, 10 no/yes, 15 no/no → po 0.7, pe 0.5, kappa 0.4); Fleiss' kappa from Wikipedia's "Fleiss' kappa" article
// (10 subjects, 14 raters, 5 categories → P̄ 0.378, P̄e 0.213, kappa 0.210). The standard error is Cohen's (1960)
// simple large-sample one, SE = sqrt(po(1 − po) / (n(1 − pe)²)), as Altman (1991, §14.3) gives it.
import { describe, expect, it } from 'vitest';
import { cohenKappa, fleissKappa, percentAgreement } from '../../shared/screening/agreement.ts';
import { finalDecision } from '../../shared/screening/status.ts';

function pairs(cells: [string, string, number][]): [string[], string[]] {
  const a: string[] = [];
  const b: string[] = [];
  for (const [x, y, n] of cells) for (let i = 0; i < n; i++) {
    a.push(x);
    b.push(y);
  }
  return [a, b];
}

describe('Cohen\'s kappa', () => {
  it('matches the worked example: kappa 0.4 with po 0.7 and pe 0.5', () => {
    const [a, b] = pairs([['yes', 'yes', 20], ['yes', 'no', 5], ['no', 'yes', 10], ['no', 'no', 15]]);
    expect(percentAgreement(a, b)).toBeCloseTo(70, 10);
    const k = cohenKappa(a, b);
    expect(k.kappa).toBeCloseTo(0.4, 10);
    // SE = sqrt(0.7 · 0.3 / (50 · 0.25)) = sqrt(0.0168) = 0.12961
    expect(k.ci95?.[0]).toBeCloseTo(0.4 - 1.96 * Math.sqrt(0.0168), 10);
    expect(k.ci95?.[0]).toBeCloseTo(0.146, 3);
    expect(k.ci95?.[1]).toBeCloseTo(0.654, 3);
    expect(k.note).toBe('');
  });

  it('matches the second worked example (45/15/25/15: kappa 0.1304)', () => {
    const [a, b] = pairs([['yes', 'yes', 45], ['yes', 'no', 15], ['no', 'yes', 25], ['no', 'no', 15]]);
    // po = 0.6, pe = 0.6·0.7 + 0.4·0.3 = 0.54, kappa = 0.06 / 0.46
    expect(cohenKappa(a, b).kappa).toBeCloseTo(0.06 / 0.46, 10);
    expect(cohenKappa(a, b).kappa).toBeCloseTo(0.1304, 4);
  });

  it('is undefined, with the reason, when both raters put every item in one category', () => {
    const k = cohenKappa(['include', 'include', 'include'], ['include', 'include', 'include']);
    expect(k).toEqual({ kappa: null, ci95: null, note: expect.stringMatching(/both said include to every item/) });
    expect(percentAgreement(['include'], ['include'])).toBe(100);
  });

  it('is undefined when one reviewer always says include', () => {
    const k = cohenKappa(['include', 'include', 'include', 'include'], ['include', 'exclude', 'include', 'exclude'], ['Ann', 'Bob']);
    expect(k.kappa).toBeNull();
    expect(k.note).toMatch(/Ann said include to every item/);
  });

  it('is undefined for no items, and refuses lists of different lengths', () => {
    expect(cohenKappa([], []).kappa).toBeNull();
    expect(percentAgreement([], [])).toBeNull();
    expect(() => cohenKappa(['a'], [])).toThrow();
  });

  it('is negative for systematic disagreement', () => {
    const [a, b] = pairs([['yes', 'no', 5], ['no', 'yes', 5]]);
    expect(cohenKappa(a, b).kappa).toBeCloseTo(-1, 10);
  });
});

describe('Fleiss\' kappa', () => {
  it('matches the worked example: kappa 0.210', () => {
    const table = [
      [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
    ];
    const k = fleissKappa(table);
    expect(k.kappa).toBeCloseTo(0.210, 3);
  });

  it('equals a hand computation for three screeners', () => {
    // 4 items × 3 raters (include, exclude, maybe)
    const k = fleissKappa([[3, 0, 0], [2, 1, 0], [1, 0, 2], [0, 3, 0]]);
    // P_i = (Σ n_ij² − 3) / 6: 1, 1/3, 1/3, 1; p_j = 6/12, 4/12, 2/12
    const pBar = (1 + 1 / 3 + 1 / 3 + 1) / 4;
    const pe = (6 / 12) ** 2 + (4 / 12) ** 2 + (2 / 12) ** 2;
    expect(k.kappa).toBeCloseTo((pBar - pe) / (1 - pe), 12);
  });

  it('is undefined when every rating is in one category, and for no items', () => {
    expect(fleissKappa([[3, 0], [3, 0]]).kappa).toBeNull();
    expect(fleissKappa([]).note).toMatch(/no items/);
    expect(() => fleissKappa([[3, 0], [2, 0]])).toThrow();
  });
});

describe('final decision of an item', () => {
  it('follows resolution, then unanimity of enough reviewers', () => {
    expect(finalDecision(['include', 'exclude'], 'exclude', 2)).toBe('exclude');
    expect(finalDecision(['include'], null, 2)).toBe('undecided');
    expect(finalDecision(['include', 'include'], null, 2)).toBe('include');
    expect(finalDecision(['exclude', 'exclude', 'exclude'], null, 2)).toBe('exclude');
    expect(finalDecision(['include', 'exclude'], null, 2)).toBe('conflict');
    expect(finalDecision(['maybe', 'maybe'], null, 2)).toBe('conflict');
    expect(finalDecision(['include'], null, 1)).toBe('include');
    expect(finalDecision([], null, 1)).toBe('undecided');
  });
});
