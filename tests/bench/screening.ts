// Screening order: simulated screening of the labelled SYNERGY sets in ../shared/data/screening (when present) in
// rank order, the model retrained every STEP decisions, against random order; and the time to rank 10k records.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../server/paths.ts';
import { parseCsvRow } from '../../shared/literature/parse/csv.ts';
import { rankForScreening, MIN_LABELS_PER_CLASS, type RankItem } from '../../shared/screening/rank.ts';
import { rng, synthRecords } from '../../fixtures/literature-bench/generate.ts';
import { fmt, percentile, time } from './stats.ts';

export const SCREENING_DIR = path.resolve(ROOT, '../shared/data/screening');
const STEP = 25;
const SEEDS = 5;
const MARKS = [0.1, 0.25, 0.5] as const;

interface LabelledSet {
  name: string;
  items: RankItem[];
  truth: Map<number, 0 | 1>;
  included: number;
}

export function loadScreeningSet(file: string): LabelledSet {
  const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/).filter((l) => l !== '');
  const header = parseCsvRow(lines[0] ?? '', ',');
  const col = (name: string): number => header.indexOf(name);
  const [ti, ab, lab] = [col('title'), col('abstract'), col('label_included')];
  const items: RankItem[] = [];
  const truth = new Map<number, 0 | 1>();
  lines.slice(1).forEach((line, i) => {
    const cells = parseCsvRow(line, ',');
    items.push({ id: i + 1, text: `${cells[ti] ?? ''} ${cells[ab] ?? ''}` });
    truth.set(i + 1, cells[lab] === '1' ? 1 : 0);
  });
  return { name: path.basename(file, '.csv'), items, truth, included: [...truth.values()].filter((v) => v === 1).length };
}

interface Run {
  /** included records found after screening each share in MARKS, as a share of all included */
  recallAt: number[];
  /** records screened, as a share of all, when 95% of the included had been found */
  screenedAt95: number;
  /** at each mark: [model's expected relevant remaining, true remaining] */
  expected: ([number, number] | null)[];
}

function shuffle<T>(list: T[], r: () => number): T[] {
  const a = [...list];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [a[i], a[j]] = [a[j] as T, a[i] as T];
  }
  return a;
}

function score(set: LabelledSet, screened: number[], expected: ([number, number] | null)[]): Run {
  const n = set.items.length;
  const need95 = Math.ceil(0.95 * set.included);
  let found = 0;
  let at95 = n;
  const recallAt = MARKS.map(() => 0);
  screened.forEach((id, k) => {
    found += set.truth.get(id) ?? 0;
    if (found >= need95 && at95 === n) at95 = k + 1;
    MARKS.forEach((m, j) => {
      if (k + 1 === Math.round(m * n)) recallAt[j] = found / set.included;
    });
  });
  return { recallAt, screenedAt95: at95 / n, expected };
}

/** Starts from MIN_LABELS_PER_CLASS random records of each class, then screens in rank order, retraining every STEP. */
export function simulateRanked(set: LabelledSet, seed: number, rank = rankForScreening): Run {
  const r = rng(seed);
  const n = set.items.length;
  const ids = set.items.map((it) => it.id);
  const pos = shuffle(ids.filter((id) => set.truth.get(id) === 1), r).slice(0, MIN_LABELS_PER_CLASS);
  const neg = shuffle(ids.filter((id) => set.truth.get(id) === 0), r).slice(0, MIN_LABELS_PER_CLASS);
  const screened = shuffle([...pos, ...neg], r);
  const labels = new Map<number, 0 | 1>(screened.map((id) => [id, set.truth.get(id) ?? 0]));
  const expected: ([number, number] | null)[] = MARKS.map(() => null);
  const need95 = Math.ceil(0.95 * set.included);
  let found = pos.length;
  while (screened.length < n && (found < need95 || screened.length < MARKS[MARKS.length - 1]! * n)) {
    const { order, expectedRelevantRemaining } = rank(set.items, labels);
    MARKS.forEach((m, j) => {
      if (expected[j] === null && screened.length >= m * n && expectedRelevantRemaining !== null) {
        expected[j] = [expectedRelevantRemaining, set.included - found];
      }
    });
    for (const id of order.slice(0, STEP)) {
      const y = set.truth.get(id) ?? 0;
      labels.set(id, y);
      screened.push(id);
      found += y;
    }
  }
  const rest = ids.filter((id) => !labels.has(id));
  return score(set, [...screened, ...shuffle(rest, r)], expected);
}

function simulateRandom(set: LabelledSet, seed: number): Run {
  return score(set, shuffle(set.items.map((it) => it.id), rng(seed)), []);
}

const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;

function report(set: LabelledSet): void {
  const ranked: Run[] = [];
  const random: Run[] = [];
  const t0 = performance.now();
  for (let s = 1; s <= SEEDS; s++) {
    ranked.push(simulateRanked(set, s));
    random.push(simulateRandom(set, 1000 + s));
  }
  const secs = (performance.now() - t0) / 1000;
  console.log(`${set.name}: ${set.items.length} records, ${set.included} included; mean of ${SEEDS} seeds, ` +
    `${MIN_LABELS_PER_CLASS}+${MIN_LABELS_PER_CLASS} random seed records, retrained every ${STEP} decisions (${secs.toFixed(1)} s)`);
  MARKS.forEach((m, j) => {
    const rk = ranked.map((r) => r.recallAt[j] ?? 0);
    const rd = random.map((r) => r.recallAt[j] ?? 0);
    const exp = ranked.map((r) => r.expected[j]).filter((e): e is [number, number] => e != null);
    const expText = exp.length
      ? `; model expects ${mean(exp.map((e) => e[0])).toFixed(1)} relevant remaining, truly ${mean(exp.map((e) => e[1])).toFixed(1)}`
      : '';
    console.log(`  found after screening ${pct(m).padStart(5)}: relevance ${pct(mean(rk))} (min ${pct(Math.min(...rk))}), random ${pct(mean(rd))}${expText}`);
  });
  const wss = (runs: Run[]): number[] => runs.map((r) => 1 - r.screenedAt95 - 0.05);
  const w = wss(ranked);
  console.log(`  WSS@95: relevance ${pct(mean(w))} (min ${pct(Math.min(...w))}, max ${pct(Math.max(...w))}), random ${pct(mean(wss(random)))}`);
}

function benchRankTime(): void {
  const items: RankItem[] = [];
  let i = 0;
  for (const rec of synthRecords(10_000, 7, 0)) {
    i++;
    items.push({ id: i, text: `${rec.title} ${rec.abstract}` });
  }
  const r = rng(3);
  const labels = new Map<number, 0 | 1>();
  for (const id of shuffle(items.map((it) => it.id), r).slice(0, 500)) labels.set(id, r() < 0.1 ? 1 : 0);
  const cpu0 = process.cpuUsage();
  const ms = time(() => rankForScreening(items, labels), 7, 2);
  const cpu = process.cpuUsage(cpu0);
  // CPU time beside wall time: on a shared machine the wall clock also counts other people's jobs.
  console.log(`rank 10k synthetic records (500 labelled): median ${fmt(percentile(ms, 50))}, max ${fmt(ms[ms.length - 1] ?? NaN)}, ` +
    `CPU ${fmt((cpu.user + cpu.system) / 1000 / 9)} per call`);
}

export async function benchScreening(): Promise<void> {
  if (!fs.existsSync(SCREENING_DIR)) {
    console.log(`skipped the labelled sets: ${SCREENING_DIR} is absent (see its SOURCES.md for the SYNERGY files)`);
  } else {
    for (const f of fs.readdirSync(SCREENING_DIR).filter((f) => f.endsWith('.csv')).sort()) {
      report(loadScreeningSet(path.join(SCREENING_DIR, f)));
    }
  }
  benchRankTime();
}
