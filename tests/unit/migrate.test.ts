import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/connection.ts';
import { migrate, MigrationError, readMigrations, type MigrationFile } from '../../server/db/migrate.ts';
import { createRepositories } from '../../server/db/repositories.ts';
import { loadSeed, readSeedFile } from '../../server/db/seed.ts';
import { MIGRATIONS_DIR, SEED_FILE } from '../../server/paths.ts';
import { tempDbPath, testClock } from '../support/server.ts';

const file = (name: string, sql: string): MigrationFile => ({ name, sql, checksum: `sum-of-${sql}` });

describe('migrations', () => {
  it('applies the project migrations once, in order, recording checksums', () => {
    const db = openDatabase(':memory:');
    const files = readMigrations(MIGRATIONS_DIR);
    expect(files.map((f) => f.name)).toEqual([...files.map((f) => f.name)].sort());
    expect(migrate(db, files)).toEqual(files.map((f) => f.name));
    expect(migrate(db, files)).toEqual([]);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('stops when an applied migration was changed or its file removed', () => {
    const db = openDatabase(':memory:');
    migrate(db, [file('0001_a.sql', 'CREATE TABLE a (x);')]);
    expect(() => migrate(db, [file('0001_a.sql', 'CREATE TABLE a (x, y);')])).toThrow(/was changed after it was applied/);
    expect(() => migrate(db, [])).toThrow(MigrationError);
    expect(() => migrate(db, [])).toThrow(/file is missing/);
  });

  it('rolls back a failing migration whole', () => {
    const db = openDatabase(':memory:');
    expect(() => migrate(db, [file('0001_a.sql', 'CREATE TABLE a (x); CREATE TABLE a (y);')])).toThrow();
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'a'").get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM schema_migration').get()).toEqual({ n: 0 });
  });

  it('never hands out an id twice, so a deleted row can be restored under its own id', () => {
    const db = openDatabase(':memory:');
    migrate(db, readMigrations(MIGRATIONS_DIR));
    const insert = db.prepare("INSERT INTO review (slug, title, created_at, updated_at) VALUES (?, 't', 'now', 'now')");
    const first = Number(insert.run('a').lastInsertRowid);
    db.prepare('DELETE FROM review WHERE id = ?').run(first);
    expect(Number(insert.run('b').lastInsertRowid)).toBe(first + 1);
  });

  it('uses WAL on a file database', () => {
    const db = openDatabase(tempDbPath());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });
});

describe('seed loading', () => {
  it('loads the review once; a second load adds nothing, even after the review is deleted', () => {
    const db = openDatabase(':memory:');
    migrate(db, readMigrations(MIGRATIONS_DIR));
    const repos = createRepositories(db, testClock);
    const seed = readSeedFile(SEED_FILE);
    const first = loadSeed(repos, seed);
    expect(first.created).toBe(true);
    const count = (t: string): number => (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
    const counts = ['review', 'band', 'framework', 'phase', 'stage', 'alignment', 'flow_count'].map(count);
    expect(counts).toEqual([1, 3, 11, 51, 6, 6, 9]);
    expect(loadSeed(repos, seed)).toEqual({ reviewId: first.reviewId, created: false });
    expect(['review', 'band', 'framework', 'phase', 'stage', 'alignment', 'flow_count'].map(count)).toEqual(counts);
    repos.reviews.remove(first.reviewId as number, undefined, 'test');
    expect(loadSeed(repos, seed)).toEqual({ reviewId: undefined, created: false });
    expect(count('review')).toBe(0);
  });
});
