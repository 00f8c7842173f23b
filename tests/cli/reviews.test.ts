// `workbench reviews create` and the list as a user runs them: child processes on a temp database.
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryDb, workbench } from '../support/cli.ts';
import { tempDbPath } from '../support/server.ts';

// each case starts several `workbench` processes; on two shared cores that takes a while
describe('workbench reviews create', { timeout: 120_000 }, () => {
  let db: string;
  const sql = <T>(query: string, ...params: unknown[]): T[] => queryDb<T>(db, query, ...params);

  beforeAll(() => {
    db = tempDbPath();
  });

  it('creates a review from the seed template and prints its id and slug', async () => {
    const res = await workbench(['reviews', 'create', '--title', 'From the seed', '--question', 'What works?', '--template', 'seed', '--db', db]);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toBe('2\tfrom-the-seed\n');
    expect(sql('SELECT label FROM band WHERE review_id = 2 ORDER BY position')).toEqual([
      { label: 'Early phases' }, { label: 'Middle phases' }, { label: 'Latter phases' },
    ]);
    expect(sql("SELECT role, count(*) AS n FROM framework WHERE review_id = 2 GROUP BY role")).toEqual([{ role: 'target', n: 1 }]);
    expect(sql('SELECT count(*) AS n FROM stage s JOIN framework f ON f.id = s.framework_id WHERE f.review_id = 2')).toEqual([{ n: 6 }]);
    expect(sql('SELECT question FROM review WHERE id = 2')).toEqual([{ question: 'What works?' }]);
  });

  it('copies a review with --copy, with or without its alignments, and prints JSON with --json', async () => {
    const full = await workbench(['reviews', 'create', '--title', 'Full copy', '--copy', 'stages-of-innovation', '--json', '--db', db]);
    expect(full.code, full.stderr).toBe(0);
    const review = JSON.parse(full.stdout) as { id: number; slug: string; deletedAt: null; settings: unknown };
    expect(review).toMatchObject({ slug: 'full-copy', deletedAt: null, settings: { relationLabels: {}, exclusionReasons: [] } });
    const seedStages = await workbench(['export', 'crosswalk', '--layout', 'stages', '--format', 'csv', '--db', db]);
    const copyStages = await workbench(['export', 'crosswalk', '--review', 'full-copy', '--layout', 'stages', '--format', 'csv', '--db', db]);
    expect(copyStages.stdout).toBe(seedStages.stdout);

    const lean = await workbench(['reviews', 'create', '--title', 'Lean copy', '--copy', '1', '--no-alignments', '--no-literature', '--db', db]);
    expect(lean.code, lean.stderr).toBe(0);
    const [id] = lean.stdout.split('\t');
    expect(sql('SELECT count(*) AS n FROM alignment a JOIN phase p ON p.id = a.phase_id JOIN framework f ON f.id = p.framework_id WHERE f.review_id = ?', Number(id))).toEqual([{ n: 0 }]);
    expect(sql("SELECT count(*) AS n FROM framework WHERE review_id = ? AND role = 'source'", Number(id))).toEqual([{ n: 10 }]);
    expect(sql("SELECT count(*) AS n FROM audit_event WHERE review_id = ?", Number(id))).toEqual([{ n: 1 }]);
  });

  it('takes another review\'s target framework with --template REVIEW, and fails on a bad one with one line', async () => {
    const res = await workbench(['reviews', 'create', '--title', 'Same wheel', '--template', 'from-the-seed', '--db', db]);
    expect(res.code, res.stderr).toBe(0);
    const [id] = res.stdout.split('\t');
    expect(sql('SELECT count(*) AS n FROM stage s JOIN framework f ON f.id = s.framework_id WHERE f.review_id = ?', Number(id))).toEqual([{ n: 6 }]);

    const bad = await workbench(['reviews', 'create', '--title', 'Nope', '--template', 'no-such-review', '--db', db]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe('workbench: --template: No review "no-such-review". List them with `workbench reviews`.\n');
    const both = await workbench(['reviews', 'create', '--title', 'Nope', '--template', 'seed', '--copy', '1', '--db', db]);
    expect(both.code).toBe(1);
    expect(both.stderr).toMatch(/give --template or --copy, not both/);
    const taken = await workbench(['reviews', 'create', '--title', 'Nope', '--slug', 'full-copy', '--db', db]);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toMatch(/The slug "full-copy" is taken by review 3 "Full copy"/);
    expect(taken.stderr).not.toMatch(/\n\s+at /);
    expect(sql("SELECT count(*) AS n FROM review WHERE title = 'Nope'")).toEqual([{ n: 0 }]);
  });

  it('lists archived reviews marked and leaves out those in the trash', async () => {
    const raw = new Database(db);
    raw.prepare("UPDATE review SET archived_at = '2026-01-01T00:00:00.000Z' WHERE slug = 'from-the-seed'").run();
    raw.prepare("UPDATE review SET deleted_at = '2026-01-01T00:00:00.000Z' WHERE slug = 'lean-copy'").run();
    raw.close();
    const text = await workbench(['reviews', '--db', db]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain("2\tfrom-the-seed\tFrom the seed\t(archived)\n");
    expect(text.stdout).not.toContain('lean-copy');
    const json = JSON.parse((await workbench(['reviews', '--json', '--db', db])).stdout) as { slug: string; archived?: boolean }[];
    expect(json.map((r) => r.slug)).toEqual(['stages-of-innovation', 'from-the-seed', 'full-copy', 'same-wheel']);
    expect(json[1]).toEqual({ id: 2, slug: 'from-the-seed', title: 'From the seed', archived: true });
    const fromTrash = await workbench(['reviews', 'create', '--title', 'Nope', '--copy', 'lean-copy', '--db', db]);
    expect(fromTrash.code).toBe(1);
    expect(fromTrash.stderr).toMatch(/--copy: review "lean-copy" is in the trash/);
  });
});
