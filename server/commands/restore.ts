// workbench restore FILE: loads a review bundle into a database in one transaction.
import fs from 'node:fs';
import { openDatabase, type Db } from '../db/connection.ts';
import { migrate, readMigrations } from '../db/migrate.ts';
import { MIGRATIONS_DIR } from '../paths.ts';
import { BundleError, parseBundle, restoreBundle } from '../services/bundle.ts';
import { openWorkbench, resolveDbPath } from '../workbench.ts';
import { CliError, parseOptions, type Command } from './common.ts';

/**
 * Every "load once" fixture step (the seed review, its references, …) marks itself in app_meta. A workbench opened
 * in memory makes all of today's marks; copying them tells later opens of the restored database that there is
 * nothing to load, whatever steps are added in future.
 */
function markSeedsLoaded(db: Db, file: string): void {
  const scratch = openWorkbench(':memory:');
  try {
    const keys = scratch.db.prepare('SELECT key FROM app_meta ORDER BY key').pluck().all() as string[];
    const mark = db.prepare('INSERT OR IGNORE INTO app_meta (key, value) VALUES (?, ?)');
    for (const key of keys) mark.run(key, `skipped: restored from ${file}`);
  } finally {
    scratch.close();
  }
}

export const restoreCommand: Command = {
  name: 'restore',
  usage: ['workbench restore FILE [--db PATH] [--replace]   (a review already there is refused unless --replace)'],
  run(args, io) {
    const { values, positionals } = parseOptions(args, { replace: { type: 'boolean', default: false } });
    const [file, ...extra] = positionals;
    if (!file) throw new CliError('restore: name the bundle file, e.g. workbench restore review.bundle.json');
    if (extra.length > 0) throw new CliError(`restore: one bundle at a time, not ${positionals.length}`);
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      throw new CliError(`restore: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    const dbPath = resolveDbPath(values.db);
    try {
      const bundle = parseBundle(text);
      // A new database holds what is restored and nothing else: it is migrated but not seeded, and marked so that
      // the seed review is not added to it later.
      const fresh = !fs.existsSync(dbPath);
      const db = fresh ? openDatabase(dbPath) : openWorkbench(dbPath).db;
      let restored = false;
      try {
        if (fresh) {
          migrate(db, readMigrations(MIGRATIONS_DIR));
          markSeedsLoaded(db, file);
        }
        const result = restoreBundle(db, bundle, { replace: values.replace });
        restored = true;
        io.err.write(`${result.replaced ? 'replaced' : 'restored'} review "${result.slug}" as id ${result.reviewId} (${result.rows} rows) in ${dbPath}\n`);
      } finally {
        db.close();
        // a restore that failed into a new path leaves no (empty, migrated) database behind
        if (fresh && !restored) for (const s of ['', '-wal', '-shm', '-journal']) fs.rmSync(`${dbPath}${s}`, { force: true });
      }
    } catch (error) {
      if (error instanceof BundleError) throw new CliError(`restore: ${error.message}`);
      throw error;
    }
    return 0;
  },
};
