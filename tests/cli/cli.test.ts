// The `workbench` command as a user runs it: a child process, real files, exit codes and stderr.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../server/paths.ts';
import { tempDbPath } from '../support/server.ts';
import { workbench } from '../support/cli.ts';



describe('workbench CLI', () => {
  it('exports Table 1 as printed from a new database it migrates and seeds itself', async () => {
    const db = tempDbPath();
    const res = await workbench(['export', 'crosswalk', '--layout', 'bands', '--format', 'csv', '--db', db]);
    expect(res.code).toBe(0);
    expect(res.stdout).toBe(fs.readFileSync(path.join(ROOT, 'fixtures/expected/table1.csv'), 'utf8'));
    expect(fs.existsSync(db)).toBe(true);
  });

  it('takes the database from WORKBENCH_DB, lists reviews as JSON and writes Markdown to a file', async () => {
    const db = tempDbPath();
    const list = await workbench(['reviews', '--json'], { WORKBENCH_DB: db });
    expect(JSON.parse(list.stdout)).toEqual([{ id: 1, slug: 'stages-of-innovation', title: "Stages of Innovation in Children's Social Care" }]);
    const out = path.join(path.dirname(db), 'table1.md');
    const res = await workbench(['export', 'crosswalk', '--review', 'stages-of-innovation', '--format', 'md', '-o', out], { WORKBENCH_DB: db });
    expect(res.code).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toBe(fs.readFileSync(path.join(ROOT, 'fixtures/expected/table1.md'), 'utf8'));
  });

  it('fails with a clear message, a non-zero exit and no stack trace', async () => {
    const db = tempDbPath();
    const bad = await workbench(['export', 'crosswalk', '--format', 'pdf', '--db', db]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/--format must be csv, .* or sssom, not "pdf"/);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
    const unknown = await workbench(['export', 'crosswalk', '--review', '99', '--db', db]);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/No review "99"/);
    const flag = await workbench(['reviews', '--colour', '--db', db]);
    expect(flag.code).not.toBe(0);
    expect(flag.stderr).toMatch(/--colour/);
  });

  it('refuses a database whose applied migration no longer matches, and says why', async () => {
    const db = tempDbPath();
    await workbench(['reviews', '--db', db]);
    const Database = (await import('better-sqlite3')).default;
    const raw = new Database(db);
    raw.prepare("UPDATE schema_migration SET checksum = 'tampered' WHERE name = '0001_init.sql'").run();
    raw.close();
    const res = await workbench(['reviews', '--db', db]);
    expect(res.code).not.toBe(0);
    expect(res.stderr).toMatch(/0001_init\.sql was changed after it was applied/);
  });
});
