// Forward-only SQL migrations, applied in file-name order, each in its own transaction, recorded with a checksum.
// Start-up stops when an applied migration was changed or removed: the database and the code would disagree.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from './connection.ts';

export class MigrationError extends Error {}

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export function readMigrations(dir: string): MigrationFile[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f))
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name), 'utf8');
      return { name, sql, checksum: crypto.createHash('sha256').update(sql).digest('hex') };
    });
}

export function migrate(db: Db, files: MigrationFile[], now: () => string = () => new Date().toISOString()): string[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migration (
    name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const applied = db.prepare('SELECT name, checksum FROM schema_migration ORDER BY name').all() as {
    name: string;
    checksum: string;
  }[];
  const byName = new Map(files.map((f) => [f.name, f]));
  for (const row of applied) {
    const file = byName.get(row.name);
    if (!file) {
      throw new MigrationError(
        `Migration ${row.name} was applied to this database but its file is missing from migrations/. ` +
          'Restore the file, or use a database made by this version of the workbench.',
      );
    }
    if (file.checksum !== row.checksum) {
      throw new MigrationError(
        `Migration ${row.name} was changed after it was applied (checksum ${row.checksum.slice(0, 12)} in the ` +
          `database, ${file.checksum.slice(0, 12)} on disk). Migrations are forward-only: restore the original ` +
          'file and put the change in a new migration.',
      );
    }
  }
  const done = new Set(applied.map((r) => r.name));
  const record = db.prepare('INSERT INTO schema_migration (name, checksum, applied_at) VALUES (?, ?, ?)');
  const newlyApplied: string[] = [];
  // A migration that rebuilds a table (create, copy, drop, rename) must not cascade the drop into the rows that
  // refer to it, so foreign keys are off while migrating (the pragma is a no-op inside a transaction, hence here),
  // and each migration is checked for dangling references before it commits.
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) === 1;
  db.pragma('foreign_keys = OFF');
  try {
    for (const file of files) {
      if (done.has(file.name)) continue;
      db.transaction(() => {
        db.exec(file.sql);
        const dangling = db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
        if (dangling.length > 0) {
          const first = dangling[0] as { table: string; rowid: number; parent: string };
          throw new MigrationError(`Migration ${file.name} left ${dangling.length} rows referring to missing rows (first: ${first.table} ${first.rowid} → ${first.parent}).`);
        }
        record.run(file.name, file.checksum, now());
      })();
      newlyApplied.push(file.name);
    }
  } finally {
    if (foreignKeys) db.pragma('foreign_keys = ON');
  }
  return newlyApplied;
}

export function schemaVersion(db: Db): string {
  const row = db.prepare('SELECT max(name) AS name FROM schema_migration').get() as { name: string | null };
  return row.name ?? 'none';
}
