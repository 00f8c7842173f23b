// `workbench models import FILE` as a user runs it: the journal's Table 1 into a new review exports as the seed's
// Table 1, --dry-run and --json say what would be or was created, and a bad file exits 1 with rows and columns.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../server/paths.ts';
import { openWorkbench } from '../../server/workbench.ts';
import { tempDbPath } from '../support/server.ts';
import { workbench } from '../support/cli.ts';

const TSV = path.join(ROOT, 'fixtures/models-table/table1-journal.tsv');

/** A database with the seed review and one empty review per slug. */
function dbWithReviews(...slugs: string[]): string {
  const db = tempDbPath();
  const wb = openWorkbench(db);
  for (const slug of slugs) wb.repos.reviews.create({ slug, title: `Review ${slug}` }, 'test');
  wb.close();
  return db;
}
const modelCount = (db: string, slug: string): number => {
  const wb = openWorkbench(db);
  try {
    const id = wb.repos.reviewIdBySlug(slug) as number;
    return wb.repos.frameworks.list(id).length;
  } finally {
    wb.close();
  }
};

// each case starts the CLI two to four times, about two seconds each on a busy machine
describe('workbench models import', { timeout: 60_000 }, () => {
  it('imports the journal Table 1 into a new review, which then exports Table 1 as printed', async () => {
    const db = dbWithReviews('copy');
    const res = await workbench(['models', 'import', TSV, '--review', 'copy', '--db', db]);
    expect(res.code).toBe(0);
    expect(res.stdout).toBe('Created 10 models, 51 phases, 3 new bands.\n');
    const warnings = res.stderr.trim().split('\n');
    expect(warnings).toHaveLength(10);
    expect(warnings[8]).toBe('warning: row 10, column 1 (Model): “Hartley 2006” is not among the review\'s citations: left to complete');
    const csv = await workbench(['export', 'crosswalk', '--review', 'copy', '--layout', 'bands', '--format', 'csv', '--db', db]);
    expect(csv.stdout).toBe(fs.readFileSync(path.join(ROOT, 'fixtures/expected/table1.csv'), 'utf8'));
  });

  it('--dry-run --json prints the plan and creates nothing; --json prints what was created', async () => {
    const db = dbWithReviews('dry');
    const dry = await workbench(['models', 'import', TSV, '--review', 'dry', '--dry-run', '--json', '--db', db]);
    expect(dry.code).toBe(0);
    const { plan } = JSON.parse(dry.stdout);
    expect(plan.format).toBe('tsv');
    expect(plan.newBands).toEqual(['Early phases', 'Middle phases', 'Latter phases']);
    expect(plan.models).toHaveLength(10);
    expect(modelCount(db, 'dry')).toBe(0);
    const dryText = await workbench(['models', 'import', TSV, '--review', 'dry', '--dry-run', '--db', db]);
    expect(dryText.stdout).toBe('Would create 10 models, 51 phases, 3 new bands (dry run: nothing was imported).\n');

    const real = await workbench(['models', 'import', TSV, '--review', 'dry', '--json', '--db', db]);
    expect(real.code).toBe(0);
    const result = JSON.parse(real.stdout);
    expect(result.phases).toBe(51);
    expect(result.frameworks.map((f: { name: string }) => f.name)).toContain('Phases of Innovation');
    expect(modelCount(db, 'dry')).toBe(10);
  });

  it('reads an XLSX file by its extension: the seed crosswalk exported and imported again', async () => {
    const db = dbWithReviews('from-xlsx');
    const file = path.join(path.dirname(db), 'table1.xlsx');
    expect((await workbench(['export', 'crosswalk', '--layout', 'bands', '--format', 'xlsx', '-o', file, '--db', db])).code).toBe(0);
    const res = await workbench(['models', 'import', file, '--review', 'from-xlsx', '--db', db]);
    expect(res.code).toBe(0);
    expect(res.stdout).toBe('Created 10 models, 51 phases, 3 new bands.\n');
  });

  it('a bad file exits 1 with each problem by row and column, and nothing is created', async () => {
    const db = dbWithReviews('bad');
    const file = path.join(path.dirname(db), 'models.csv');
    fs.writeFileSync(file, 'Model,Early phases,Middle phases\n"Good (A, 2000)",one,two\n,orphan,\n"Good (A, 2000)",three,\n');
    const res = await workbench(['models', 'import', file, '--review', 'bad', '--db', db]);
    expect(res.code).toBe(1);
    expect(res.stdout).toBe('');
    const lines = res.stderr.trim().split('\n');
    expect(lines.filter((l) => l.startsWith('error: '))).toEqual([
      'error: row 3, column 1 (Model): this row has phases but no model name',
      'error: row 4, column 1 (Model): “Good” is also in row 2',
    ]);
    expect(lines.at(-1)).toBe('workbench: models.csv: 2 problems to fix; nothing was imported.');
    expect(modelCount(db, 'bad')).toBe(0);

    // without --review the seed review, whose models the table already holds
    const seed = await workbench(['models', 'import', TSV, '--db', db]);
    expect(seed.code).toBe(1);
    expect(seed.stderr).toMatch(/error: row 2, column 1 \(Model\): “The six stages of social innovation” is already a model of this review/);
    const missing = await workbench(['models', 'import', path.join(path.dirname(db), 'nope.tsv'), '--db', db]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/nope\.tsv: no such file/);
  });
});
