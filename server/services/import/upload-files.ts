// Where an upload's bytes wait for the import: beside the database (same disk, same owner, cleaned with it), never
// in the system temp folder, named with the server's pid so that leftovers of a killed server are told apart from
// the live uploads of another one on the same file and swept at start-up.
import crypto from 'node:crypto';
import path from 'node:path';
import { sweepDeadOwners } from '../../processes.ts';

const PREFIX = '.workbench-upload-';

export function uploadTempPath(dbPath: string): string {
  return path.join(path.dirname(path.resolve(dbPath)), `${PREFIX}${process.pid}-${crypto.randomUUID()}`);
}

/** Removes uploads left beside the database by a process that is gone; returns their names. */
export function sweepUploads(dbPath: string): string[] {
  return sweepDeadOwners(path.dirname(path.resolve(dbPath)), /^\.workbench-upload-(\d+)-/);
}
