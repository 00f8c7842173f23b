// Inter-rater agreement of screening decisions: percentage agreement, Cohen's kappa with a 95% confidence
// interval, and Fleiss' kappa for three or more reviewers. Pure; undefined statistics are null with the reason.
//
// The confidence interval uses the simple large-sample standard error of Cohen (1960),
// SE = sqrt(po (1 − po) / (n (1 − pe)²)), the one Altman (1991, Practical Statistics for Medical Research, §14.3)
// prints, not the Fleiss, Cohen & Everitt (1969) variance: screening sets are large, where the two agree closely.

export interface KappaResult {
  kappa: number | null;
  ci95: [number, number] | null;
  /** why kappa is null, or '' */
  note: string;
}

/** Share of items (0–100) on which the two raters gave the same category; null for no items. */
export function percentAgreement<C>(a: readonly C[], b: readonly C[]): number | null {
  if (a.length !== b.length) throw new Error('percentAgreement: the two raters must rate the same items');
  if (a.length === 0) return null;
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return (100 * same) / a.length;
}

/** Cohen's kappa of two raters over the same items (a[i] and b[i] rate item i). */
export function cohenKappa<C>(a: readonly C[], b: readonly C[], names: [string, string] = ['A', 'B']): KappaResult {
  if (a.length !== b.length) throw new Error('cohenKappa: the two raters must rate the same items');
  const n = a.length;
  if (n === 0) return { kappa: null, ci95: null, note: 'no items rated by both' };
  const countA = new Map<C, number>();
  const countB = new Map<C, number>();
  let same = 0;
  for (let i = 0; i < n; i++) {
    countA.set(a[i] as C, (countA.get(a[i] as C) ?? 0) + 1);
    countB.set(b[i] as C, (countB.get(b[i] as C) ?? 0) + 1);
    if (a[i] === b[i]) same++;
  }
  // one category for every item from a rater makes pe equal po whatever the other does: kappa carries no information
  for (const [count, name] of [[countA, names[0]], [countB, names[1]]] as const) {
    if (count.size === 1) {
      const only = String([...count.keys()][0]);
      return {
        kappa: null, ci95: null,
        note: same === n
          ? `undefined: both said ${only} to every item (chance agreement is 1)`
          : `undefined: ${name} said ${only} to every item, so kappa cannot tell agreement from chance`,
      };
    }
  }
  const po = same / n;
  let pe = 0;
  for (const [category, ca] of countA) pe += (ca / n) * ((countB.get(category) ?? 0) / n);
  if (pe >= 1) return { kappa: null, ci95: null, note: 'undefined: chance agreement is 1' };
  const kappa = (po - pe) / (1 - pe);
  const se = Math.sqrt((po * (1 - po)) / (n * (1 - pe) ** 2));
  return { kappa, ci95: [kappa - 1.96 * se, kappa + 1.96 * se], note: '' };
}

/**
 * Fleiss' kappa: counts[i][j] = raters who put item i in category j; every item rated by the same number of raters
 * (at least 2). Null with the reason where undefined.
 */
export function fleissKappa(counts: readonly (readonly number[])[]): { kappa: number | null; note: string } {
  const N = counts.length;
  if (N === 0) return { kappa: null, note: 'no items rated by every reviewer' };
  const n = counts[0]?.reduce((s, c) => s + c, 0) ?? 0;
  if (n < 2) return { kappa: null, note: 'fewer than two raters per item' };
  const k = counts[0]?.length ?? 0;
  const pj = new Array<number>(k).fill(0);
  let sumPi = 0;
  for (const row of counts) {
    const total = row.reduce((s, c) => s + c, 0);
    if (total !== n || row.length !== k) throw new Error('fleissKappa: every item needs the same number of raters and categories');
    let squares = 0;
    row.forEach((c, j) => {
      pj[j] = (pj[j] ?? 0) + c;
      squares += c * c;
    });
    sumPi += (squares - n) / (n * (n - 1));
  }
  const pBar = sumPi / N;
  const peBar = pj.reduce((s, total) => s + (total / (N * n)) ** 2, 0);
  if (peBar >= 1) return { kappa: null, note: 'undefined: every rating is in one category (chance agreement is 1)' };
  return { kappa: (pBar - peBar) / (1 - peBar), note: '' };
}
