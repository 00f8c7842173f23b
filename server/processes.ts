// Whether a process is still running, for the files and rows the workbench marks with the pid that made them (uploads
// waiting for an import, backups under way, running import batches): what a killed process left is swept, while the
// live work of another process on the same database is left alone.
import fs from 'node:fs';
import path from 'node:path';

/** Alive, or at least there and not ours to signal (EPERM): only a process that is certainly gone counts as dead. */
export function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** When process `pid` started, from the kernel (Linux), or null where that cannot be read; tells a reused pid apart. */
export function processStarted(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the command name in parentheses may hold spaces: fields are counted after its closing parenthesis
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

/** A sweep must never stop a start or a backup: a file it may not remove stays (and is not reported removed). */
export function tryRemove(file: string): boolean {
  try {
    fs.rmSync(file, { force: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * Removes the files of `dir` whose name `pattern` matches with the pid of a process that is gone in its first group;
 * `before` sees each one first (a marker says what else to remove). Returns the names removed.
 */
export function sweepDeadOwners(dir: string, pattern: RegExp, before?: (file: string) => string[]): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = pattern.exec(name);
    if (!m || processAlive(Number(m[1]))) continue;
    const file = path.join(dir, name);
    if (before) removed.push(...before(file));
    if (tryRemove(file)) removed.push(name);
  }
  return removed;
}
