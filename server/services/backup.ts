// A consistent copy of a live database file. SQLite's online backup API copies pages under a read transaction and
// restarts when another connection writes, so the copy is a snapshot even while the server keeps writing.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export class BackupError extends Error {}

export interface BackupResult {
  file: string;
  bytes: number;
  pages: number;
}

export async function backupDatabase(source: string, target: string): Promise<BackupResult> {
  if (!fs.existsSync(source)) throw new BackupError(`no database at ${source}`);
  if (path.resolve(source) === path.resolve(target)) throw new BackupError('the backup must go to another file than the database');
  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  // read-only, and no migration or seeding: a backup must not change what it copies
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    const tmp = `${target}.partial-${process.pid}`;
    let pages = 0;
    await db.backup(tmp, {
      progress: ({ totalPages }) => {
        pages = totalPages;
        // copy in slices so that writers are never held up for long
        return 256;
      },
    });
    const check = new Database(tmp, { readonly: true });
    try {
      const result = check.pragma('integrity_check', { simple: true });
      if (result !== 'ok') throw new BackupError(`the copy failed its integrity check: ${String(result)}`);
    } finally {
      check.close();
    }
    fs.renameSync(tmp, target);
    return { file: target, bytes: fs.statSync(target).size, pages };
  } finally {
    db.close();
  }
}
