// A consistent copy of a live database file, made with VACUUM INTO: one read transaction, so writers on other
// connections never make it start over (the online backup API restarts whenever another connection writes, and a
// large database under steady edits never finished), and in WAL mode it holds up no writer. The copy is written to
// a ".partial-PID" file beside the target, checked, switched out of WAL mode (no -wal/-shm left beside it) and
// renamed into place; partial files left by a backup that was killed are removed by the next one.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export class BackupError extends Error {}

export interface BackupResult {
  file: string;
  bytes: number;
  pages: number;
}

const SIBLINGS = ['', '-wal', '-shm', '-journal'];

function removeWithSiblings(file: string): void {
  for (const s of SIBLINGS) fs.rmSync(`${file}${s}`, { force: true });
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes `<target>.partial-PID` files (and their siblings) of backups whose process is gone. */
export function sweepPartialBackups(target: string): string[] {
  const dir = path.dirname(path.resolve(target));
  const prefix = `${path.basename(target)}.partial-`;
  const removed: string[] = [];
  let names: string[] = [];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    const m = name.startsWith(prefix) ? /^(\d+)(?:-wal|-shm|-journal)?$/.exec(name.slice(prefix.length)) : null;
    if (!m || pidAlive(Number(m[1]))) continue;
    fs.rmSync(path.join(dir, name), { force: true });
    removed.push(name);
  }
  return removed;
}

export async function backupDatabase(source: string, target: string): Promise<BackupResult> {
  if (!fs.existsSync(source)) throw new BackupError(`no database at ${source}`);
  if (path.resolve(source) === path.resolve(target)) throw new BackupError('the backup must go to another file than the database');
  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  sweepPartialBackups(target);
  const tmp = `${target}.partial-${process.pid}`;
  removeWithSiblings(tmp);
  // read-only, and no migration or seeding: a backup must not change what it copies
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    db.prepare('VACUUM INTO ?').run(tmp);
    const check = new Database(tmp);
    let pages = 0;
    try {
      const result = check.pragma('integrity_check', { simple: true });
      if (result !== 'ok') throw new BackupError(`the copy failed its integrity check: ${String(result)}`);
      check.pragma('journal_mode = DELETE');
      pages = check.pragma('page_count', { simple: true }) as number;
    } finally {
      check.close();
    }
    fs.renameSync(tmp, target);
    for (const s of SIBLINGS.slice(1)) fs.rmSync(`${target}${s}`, { force: true });
    return { file: target, bytes: fs.statSync(target).size, pages };
  } catch (error) {
    removeWithSiblings(tmp);
    throw error;
  } finally {
    db.close();
  }
}
