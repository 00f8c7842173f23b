// "Most likely relevant first" for screening: TF-IDF over title + abstract (words and word pairs, hashed into a fixed
// feature space so 10k records rank without building a vocabulary), and a logistic regression trained in process on
// the decisions so far. Pure and deterministic: the same items and labels give the same order on every run.

export type RankItem = { id: number; text: string };
export type RankResult = { order: number[]; expectedRelevantRemaining: number | null };

/** With fewer labels than this in either class the model would be noise: the stable random order is kept. */
export const MIN_LABELS_PER_CLASS = 2;

const BITS = 17;
const DIM = 1 << BITS;
const EPOCHS = 10;
const L2 = 1e-4;

function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The order used while the model cannot be trained; stable for the same ids and seed. */
export function stableRandomOrder(ids: number[], seed = 0): number[] {
  return ids
    .map((id) => ({ id, key: mix(mix(id ^ 0x9e3779b9) ^ seed) }))
    .sort((a, b) => a.key - b.key || a.id - b.id)
    .map((e) => e.id);
}

// Letters and digits of any script are word characters; punctuation and symbol blocks are not. A table lookup per
// char code is several times faster than a Unicode-property regex on 10k abstracts.
const WORD = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) {
  WORD[c] =
    c < 0x80 ? Number((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39))
    : c < 0xc0 ? Number(c === 0xaa || c === 0xb5 || c === 0xba)
    : Number(!(c === 0xd7 || c === 0xf7 || (c >= 0x2000 && c <= 0x2bff) || (c >= 0x3000 && c <= 0x303f)
        || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff0f)));
}

interface Vectors {
  start: Int32Array;
  idx: Int32Array;
  val: Float32Array;
}

/**
 * L2-normalised sublinear TF-IDF rows of words (two characters or more) and adjacent word pairs, hashed, in
 * compressed sparse row form. One pass over the characters; a per-feature "last record seen" marker counts repeats
 * without sorting or allocating per record.
 */
function vectorise(items: RankItem[]): Vectors {
  const n = items.length;
  const start = new Int32Array(n + 1);
  // Lower-casing can lengthen a text (İ → i̇), so the buffer is sized on the lower-cased texts: a record of c
  // characters holds at most (c + 1) / 3 words of two or more characters, and as many pairs.
  const texts = items.map((it) => it.text.toLowerCase());
  let chars = 0;
  for (const t of texts) chars += t.length;
  const ids = new Int32Array(Math.ceil((2 * (chars + items.length)) / 3) + 2);
  const tfs = new Int32Array(ids.length);
  let nnz = 0;
  // Per feature, side by side so one cache line serves a lookup: last record seen, its slot there, records holding it.
  const state = new Int32Array(3 * DIM);
  for (let f = 0; f < DIM; f++) state[3 * f] = -1;
  const add = (f: number, d: number): void => {
    const o = 3 * f;
    if (state[o] === d) {
      tfs[state[o + 1]!]!++;
      return;
    }
    state[o] = d;
    state[o + 1] = nnz;
    state[o + 2]!++;
    ids[nnz] = f;
    tfs[nnz++] = 1;
  };
  for (let d = 0; d < n; d++) {
    const s = texts[d]!;
    let prev = -1;
    let h = 0x811c9dc5;
    let len = 0;
    for (let i = 0; i <= s.length; i++) {
      const c = i < s.length ? s.charCodeAt(i) : 0x20;
      if (WORD[c] === 1) {
        h = Math.imul(h ^ c, 0x01000193);
        len++;
        continue;
      }
      if (len > 1) {
        const word = mix(h);
        add(word & (DIM - 1), d);
        if (prev >= 0) add(mix(Math.imul(prev, 31) ^ word ^ 0x5bd1e995) & (DIM - 1), d);
        prev = word;
      }
      h = 0x811c9dc5;
      len = 0;
    }
    start[d + 1] = nnz;
  }
  const idx = ids.subarray(0, nnz);
  const val = new Float32Array(nnz);
  const idf = new Float32Array(DIM);
  for (let f = 0; f < DIM; f++) {
    // A feature seen in one record only cannot carry a decision over to another.
    const df = state[3 * f + 2]!;
    idf[f] = df < 2 ? 0 : Math.log((1 + n) / (1 + df));
  }
  for (let d = 0; d < n; d++) {
    let norm = 0;
    for (let k = start[d]!; k < start[d + 1]!; k++) {
      const tf = tfs[k]!;
      const v = (tf === 1 ? 1 : 1 + Math.log(tf)) * idf[idx[k]!]!;
      val[k] = v;
      norm += v * v;
    }
    const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let k = start[d]!; k < start[d + 1]!; k++) val[k]! *= inv;
  }
  return { start, idx, val };
}

function dot(v: Vectors, d: number, w: Float64Array, b: number): number {
  let z = b;
  for (let k = v.start[d]!; k < v.start[d + 1]!; k++) z += w[v.idx[k]!]! * v.val[k]!;
  return z;
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/**
 * Logistic regression by stochastic gradient descent, classes weighted to balance (relevant records are a few per
 * cent of a search, and an unweighted model would rank almost everything as irrelevant). Deterministic visiting order.
 */
function train(v: Vectors, rows: number[], ys: (0 | 1)[]): { w: Float64Array; b: number } {
  const pos = ys.filter((y) => y === 1).length;
  const neg = ys.length - pos;
  const wPos = ys.length / (2 * pos);
  const wNeg = ys.length / (2 * neg);
  const w = new Float64Array(DIM);
  let b = 0;
  const order = stableRandomOrder(rows.map((_, i) => i), 1);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const lr = 1 / (1 + epoch * 0.2);
    for (const i of order) {
      const d = rows[i]!;
      const y = ys[i]!;
      const g = (sigmoid(dot(v, d, w, b)) - y) * (y === 1 ? wPos : wNeg);
      for (let k = v.start[d]!; k < v.start[d + 1]!; k++) {
        const f = v.idx[k]!;
        w[f]! -= lr * (g * v.val[k]! + L2 * w[f]!);
      }
      b -= lr * g;
    }
  }
  return { w, b };
}

/** Platt scaling: p = sigmoid(a·z + c) fitted by Newton's method on held-out scores, lightly regularised. */
function platt(z: number[], y: (0 | 1)[]): { a: number; c: number } {
  let a = 1;
  let c = 0;
  for (let it = 0; it < 50; it++) {
    let ga = 0.01 * (a - 1);
    let gc = 0.01 * c;
    let haa = 0.01;
    let hac = 0;
    let hcc = 0.01;
    for (let i = 0; i < z.length; i++) {
      const p = sigmoid(a * z[i]! + c);
      const r = p - y[i]!;
      const q = p * (1 - p);
      ga += r * z[i]!;
      gc += r;
      haa += q * z[i]! * z[i]!;
      hac += q * z[i]!;
      hcc += q;
    }
    const det = haa * hcc - hac * hac;
    if (!(det > 1e-12)) break;
    const da = (hcc * ga - hac * gc) / det;
    const dc = (haa * gc - hac * ga) / det;
    a -= da;
    c -= dc;
    if (Math.abs(da) + Math.abs(dc) < 1e-9) break;
  }
  return { a, c };
}

/**
 * Relevant records expected among the undecided. The ranking model's own probabilities are far off (it is trained
 * class-balanced, on records picked because they looked relevant), so two models, each trained on half the labels,
 * score the other half, Platt scaling maps those held-out scores to probabilities, and the undecided records' calibrated
 * probabilities are summed (averaged over the two halves). P(relevant | score) survives the selection of records by
 * score, which is why calibrating in score space is fair here; it still extrapolates to the low scores of the pool.
 */
function expectedRelevant(v: Vectors, rows: number[], ys: (0 | 1)[], open: number[]): number {
  // Stratified, so that with MIN_LABELS_PER_CLASS ≥ 2 each half holds both classes.
  const halves: number[][] = [[], []];
  for (const cls of [0, 1] as const) {
    const members = rows.map((_, i) => i).filter((i) => ys[i] === cls);
    stableRandomOrder(members, 2).forEach((i, k) => halves[k % 2]!.push(i));
  }
  const z: number[] = [];
  const y: (0 | 1)[] = [];
  const models = halves.map((own, h) => {
    const m = train(v, own.map((i) => rows[i]!), own.map((i) => ys[i]!));
    for (const i of halves[1 - h]!) {
      z.push(dot(v, rows[i]!, m.w, m.b));
      y.push(ys[i]!);
    }
    return m;
  });
  const { a, c } = platt(z, y);
  let sum = 0;
  for (const d of open) for (const m of models) sum += sigmoid(a * dot(v, d, m.w, m.b) + c) / 2;
  return sum;
}

/**
 * The undecided items, most likely relevant first, and how many relevant ones the model expects among them. With
 * fewer than MIN_LABELS_PER_CLASS labels of either class: stableRandomOrder(undecided ids, seed) and null, so a caller
 * that passes its own random-order seed (the stage id) keeps the order the reviewer already sees.
 */
export function rankForScreening(items: RankItem[], labels: Map<number, 0 | 1>, seed = 0): RankResult {
  const rows: number[] = [];
  const ys: (0 | 1)[] = [];
  const open: number[] = [];
  items.forEach((it, d) => {
    const y = labels.get(it.id);
    if (y === undefined) open.push(d);
    else {
      rows.push(d);
      ys.push(y);
    }
  });
  const pos = ys.filter((y) => y === 1).length;
  if (pos < MIN_LABELS_PER_CLASS || ys.length - pos < MIN_LABELS_PER_CLASS) {
    return { order: stableRandomOrder(open.map((d) => items[d]!.id), seed), expectedRelevantRemaining: null };
  }
  const v = vectorise(items);
  const model = train(v, rows, ys);
  const ranked = open.map((d) => ({ id: items[d]!.id, z: dot(v, d, model.w, model.b) }));
  ranked.sort((a, b) => b.z - a.z || a.id - b.id);
  return { order: ranked.map((e) => e.id), expectedRelevantRemaining: expectedRelevant(v, rows, ys, open) };
}
