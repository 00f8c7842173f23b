// Opening a workbench database is the same for every entry point: open, migrate, load the seed review, and sweep
// what a killed backup of this database left (uploads' leftovers are swept with the library, routes/literature.ts).
import { openDatabase, type Db } from './db/connection.ts';
import { migrate, readMigrations } from './db/migrate.ts';
import { createRepositories, type Repositories } from './db/repositories.ts';
import { loadSeed, readSeedFile } from './db/seed.ts';
import { sweepBackupLeftovers } from './services/backup.ts';
import { loadSeedReferences } from './services/citations-seed.ts';
import { DEFAULT_DB, MIGRATIONS_DIR, SEED_FILE } from './paths.ts';

export interface Workbench {
  db: Db;
  repos: Repositories;
  dbPath: string;
  /** the seed review, unless the user has deleted it */
  seedReviewId: number | undefined;
  close(): void;
}

export interface OpenOptions {
  now?: () => string;
  seedFile?: string;
}

export function resolveDbPath(flag: string | undefined): string {
  return flag ?? process.env.WORKBENCH_DB ?? DEFAULT_DB;
}

export function openWorkbench(dbPath: string, options: OpenOptions = {}): Workbench {
  const now = options.now ?? (() => new Date().toISOString());
  const db = openDatabase(dbPath);
  try {
    migrate(db, readMigrations(MIGRATIONS_DIR), now);
    const repos = createRepositories(db, now);
    const { reviewId } = loadSeed(repos, readSeedFile(options.seedFile ?? SEED_FILE));
    loadSeedReferences(repos, now);
    if (dbPath !== ':memory:' && dbPath !== '') sweepBackupLeftovers(dbPath);
    return { db, repos, dbPath, seedReviewId: reviewId, close: () => db.close() };
  } catch (error) {
    db.close();
    throw error;
  }
}
