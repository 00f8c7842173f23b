// A consistent copy of a live database file, made with VACUUM INTO: one read transaction, so writers on other
// connections never make it start over (the online backup API restarts whenever another connection writes, and a
// large database under steady edits never finished), and in WAL mode it holds up no writer. The copy is written to
// a ".partial-PID" file beside the target, checked, switched out of WAL mode (no -wal/-shm left beside it) and
// renamed into place. Before the copy starts, a marker beside the database records where it goes, so that partial
// files left by a backup that was killed are removed by the next start of the workbench on that database (wherever
// the copy was going) as well as by the next backup to the same file.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { z } from 'zod';
import { sweepDeadOwners, tryRemove } from '../processes.ts';

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

/** Removes `<target>.partial-PID` files (and their siblings) of backups whose process is gone. */
export function sweepPartialBackups(target: string): string[] {
  const prefix = `${path.basename(target)}.partial-`.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return sweepDeadOwners(path.dirname(path.resolve(target)), new RegExp(`^${prefix}(\\d+)(?:-wal|-shm|-journal)?$`));
}

const MARKER = /^\.workbench-backup-(\d+)-[0-9a-f-]{36}\.json$/;
const markerSchema = z.object({ target: z.string().min(1) });

/**
 * Records, beside the database, the target of a backup this process is starting; returns the marker's path, or
 * undefined when the folder takes no file (a read-only folder must not stop a backup; the next one to the same
 * target still sweeps it).
 */
function writeMarker(source: string, target: string): string | undefined {
  const file = path.join(path.dirname(path.resolve(source)), `.workbench-backup-${process.pid}-${crypto.randomUUID()}.json`);
  try {
    fs.writeFileSync(file, JSON.stringify(markerSchema.parse({ target: path.resolve(target) })), { flag: 'wx' });
    return file;
  } catch {
    return undefined;
  }
}

/**
 * Removes what backups of this database left when their process died: for each marker beside the database whose
 * process is gone, the `.partial-PID` files of the target it recorded, then the marker. Nothing else is touched:
 * only names this module makes, and only those of dead processes. Returns the names removed.
 */
export function sweepBackupLeftovers(dbPath: string): string[] {
  return sweepDeadOwners(path.dirname(path.resolve(dbPath)), MARKER, (marker) => {
    try {
      const recorded = markerSchema.safeParse(JSON.parse(fs.readFileSync(marker, 'utf8')));
      return recorded.success ? sweepPartialBackups(recorded.data.target) : [];
    } catch {
      // a marker cut short by the kill names no target: its partial files, if any, wait for the next backup
      return [];
    }
  });
}

export async function backupDatabase(source: string, target: string): Promise<BackupResult> {
  if (!fs.existsSync(source)) throw new BackupError(`no database at ${source}`);
  if (path.resolve(source) === path.resolve(target)) throw new BackupError('the backup must go to another file than the database');
  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  sweepBackupLeftovers(source);
  sweepPartialBackups(target);
  const marker = writeMarker(source, target);
  try {
    return copyInto(source, target);
  } finally {
    if (marker) tryRemove(marker);
  }
}

function copyInto(source: string, target: string): BackupResult {
  const tmp = `${target}.partial-${process.pid}`;
  removeWithSiblings(tmp);
  // no migration or seeding: a backup must not change what it copies. Not opened read-only, though: only a
  // connection that may write can, as the database's last one, checkpoint and remove the -wal/-shm it opened with,
  // and a read-only one leaves them beside a database no one has open.
  const db = new Database(source, { fileMustExist: true });
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
