// Export costs: every format of Table 1 at the seed's size and at 50 models × 12 phases (render only, from a
// snapshot already read), then the review bundle (export, restore into a fresh database) and an online backup.
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../server/db/connection.ts';
import { migrate, readMigrations } from '../../server/db/migrate.ts';
import { MIGRATIONS_DIR } from '../../server/paths.ts';
import { backupDatabase } from '../../server/services/backup.ts';
import { exportBundle, parseBundle, restoreBundle, serializeBundle } from '../../server/services/bundle.ts';
import { renderExport } from '../../server/services/export-document.ts';
import { openWorkbench } from '../../server/workbench.ts';
import type { ExportFormat } from '../../shared/export/documents.ts';
import { tempDbPath } from '../support/server.ts';
import { addSyntheticReview } from './synthetic.ts';
import { fmt, percentile } from './stats.ts';

async function timeAsync(fn: () => Promise<unknown>, reps: number, warmup = 2): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out.sort((a, b) => a - b);
}

const FORMATS: ExportFormat[] = ['csv', 'md', 'tex', 'html', 'json', 'sssom', 'xlsx', 'docx'];

export async function benchExports(): Promise<void> {
  const dbPath = tempDbPath('wb-bench-');
  const wb = openWorkbench(dbPath);
  const cases: [string, number][] = [['seed', wb.seedReviewId as number], ['50×12', addSyntheticReview(wb, 50, 12)]];
  for (const [name, reviewId] of cases) {
    const parts: string[] = [];
    for (const format of FORMATS) {
      const reps = format === 'xlsx' || format === 'docx' ? 10 : 30;
      const t = await timeAsync(() => renderExport(wb.repos, reviewId, { what: 'crosswalk', format, layout: 'bands', style: 'apa' }), reps);
      const size = (await renderExport(wb.repos, reviewId, { what: 'crosswalk', format, layout: 'bands', style: 'apa' })).body.length;
      parts.push(`${format} p50 ${fmt(percentile(t, 50))} (${Math.round(size / 1024)} KiB)`);
    }
    console.log(`Table 1 of ${name}, whole request path (snapshot read + references + render): ${parts.join('; ')}`);
  }
  for (const [name, reviewId] of cases) {
    const text = serializeBundle(exportBundle(wb.db, reviewId));
    const exp = await timeAsync(async () => serializeBundle(exportBundle(wb.db, reviewId)), 10);
    const restore = await timeAsync(async () => {
      const fresh = openDatabase(':memory:');
      migrate(fresh, readMigrations(MIGRATIONS_DIR));
      restoreBundle(fresh, parseBundle(text));
      fresh.close();
    }, 5, 1);
    console.log(`bundle of ${name} (${Math.round(text.length / 1024)} KiB): export p50 ${fmt(percentile(exp, 50))}; ` +
      `parse + verify + restore into a new in-memory database p50 ${fmt(percentile(restore, 50))} (includes migrating it)`);
  }
  wb.close();
  const target = path.join(path.dirname(dbPath), 'backup.sqlite');
  const t0 = performance.now();
  const result = await backupDatabase(dbPath, target);
  console.log(`online backup of the ${Math.round(result.bytes / 1024)} KiB database with integrity check: ${fmt(performance.now() - t0)}`);
  fs.rmSync(target);
}
