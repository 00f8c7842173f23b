// Where an upload's bytes wait for the import: beside the database (same disk, same owner, cleaned with it), never
// in the system temp folder, named with the server's pid so that leftovers of a killed server are told apart from
// the live uploads of another one on the same file and swept at start-up.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const PREFIX = '.workbench-upload-';

export function uploadTempPath(dbPath: string): string {
  return path.join(path.dirname(path.resolve(dbPath)), `${PREFIX}${process.pid}-${crypto.randomUUID()}`);
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes uploads left beside the database by a process that is gone; returns their names. */
export function sweepUploads(dbPath: string): string[] {
  const dir = path.dirname(path.resolve(dbPath));
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = /^\.workbench-upload-(\d+)-/.exec(name);
    if (!m || alive(Number(m[1]))) continue;
    fs.rmSync(path.join(dir, name), { force: true });
    removed.push(name);
  }
  return removed;
}
