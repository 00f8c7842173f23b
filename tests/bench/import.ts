// Import at scale: 100k RIS and 100k BibTeX records imported, deduplicated and searchable (one batch each, into a
// fresh database), and a 1,000,000-record RIS file, each in its own child process so its peak RSS is its own.
// Files are generated deterministically into a temp dir. Prints figures, asserts nothing.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeSynthFile } from '../../fixtures/literature-bench/generate.ts';
import { ROOT } from '../../server/paths.ts';

const SELF = fileURLToPath(import.meta.url);

interface ChildResult {
  records: number;
  imported: number;
  failed: number;
  duplicateGroups: number | null;
  importMs: number;
  searchMs: number;
  searchHits: number;
  peakRssMb: number;
  eventLoopMaxMs: number;
  cpuMs: number;
}

/** In the child: import one file through the import service (worker thread), then run one search. */
async function child(file: string): Promise<void> {
  const { openWorkbench } = await import('../../server/workbench.ts');
  const { libraryOf } = await import('../../server/routes/literature.ts');
  const dbPath = path.join(path.dirname(file), `${path.basename(file)}.sqlite`);
  const wb = openWorkbench(dbPath);
  const { lit, imports } = libraryOf(wb.db);
  // the HTTP thread's health during the import: the longest gap between timer ticks
  let maxGap = 0;
  let last = performance.now();
  const tick = setInterval(() => {
    const t = performance.now();
    maxGap = Math.max(maxGap, t - last - 20);
    last = t;
  }, 20);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const { done } = imports.start({ reviewId: wb.seedReviewId ?? 1, file, fileName: path.basename(file), format: 'auto', sourceName: 'bench', searchString: '', actor: 'bench' });
  const p = await done;
  const importMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  clearInterval(tick);
  if (p.state !== 'complete') throw new Error(p.error ?? 'import failed');
  const s0 = performance.now();
  const page = lit.listItems(wb.seedReviewId ?? 1, { q: 'children social care', limit: 50 });
  const searchMs = performance.now() - s0;
  const result: ChildResult = {
    records: p.records, imported: p.imported, failed: p.failedCount, duplicateGroups: p.duplicateGroups, importMs, searchMs,
    searchHits: page.items.length, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024), eventLoopMaxMs: Math.round(maxGap),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
  };
  wb.close();
  fs.rmSync(dbPath, { force: true });
  fs.rmSync(`${dbPath}-wal`, { force: true });
  fs.rmSync(`${dbPath}-shm`, { force: true });
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function runChild(file: string): ChildResult {
  const out = execFileSync(process.execPath, [path.join(ROOT, 'server/bin/run-ts.mjs'), SELF, '--child', file], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').at(-1) as string) as ChildResult;
}

async function scenario(dir: string, label: string, n: number, format: 'ris' | 'bibtex', target: string): Promise<void> {
  const file = path.join(dir, `synth-${n}.${format === 'ris' ? 'ris' : 'bib'}`);
  const g0 = performance.now();
  writeSynthFile(file, n, format);
  const mb = fs.statSync(file).size / 1e6;
  console.log(`${label}: generated ${mb.toFixed(0)} MB in ${((performance.now() - g0) / 1000).toFixed(1)} s`);
  const r = runChild(file);
  console.log(`  imported ${r.imported}/${r.records} (failed ${r.failed}), ${r.duplicateGroups} duplicate groups: ${(r.importMs / 1000).toFixed(1)} s ` +
    `(${Math.round(r.records / (r.importMs / 1000))} records/s; target ${target}), CPU ${(r.cpuMs / 1000).toFixed(1)} s over all threads; peak RSS ${r.peakRssMb} MB; ` +
    `longest event-loop stall on the main thread ${r.eventLoopMaxMs} ms; first search ${r.searchMs.toFixed(1)} ms (${r.searchHits} hits)`);
  fs.rmSync(file, { force: true });
}

export async function benchImport(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-bench-import-'));
  try {
    await scenario(dir, '100k RIS', 100_000, 'ris', '≤ 15 s');
    await scenario(dir, '100k BibTeX', 100_000, 'bibtex', '≤ 30 s');
    if (process.env.BENCH_SKIP_1M) console.log('1M RIS: skipped (BENCH_SKIP_1M set)');
    else await scenario(dir, '1M RIS', 1_000_000, 'ris', 'no crash, < 2 GB RSS');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') await child(process.argv[3] as string);
else if (process.argv[1] && path.resolve(process.argv[1]) === SELF) await benchImport();
