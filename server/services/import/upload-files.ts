// Where an upload's bytes wait for the import: beside the database (same disk, same owner, cleaned with it), never
// in the system temp folder, named with the server's pid so that leftovers of a killed server are told apart from
// the live uploads of another one on the same file and swept at start-up.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { IncomingMessage } from 'node:http';
import { HttpProblem } from '../../http/problem.ts';
import { uploadTooLarge } from '../../http/limits.ts';
import { sweepDeadOwners } from '../../processes.ts';

const PREFIX = '.workbench-upload-';

export function uploadTempPath(dbPath: string): string {
  return path.join(path.dirname(path.resolve(dbPath)), `${PREFIX}${process.pid}-${crypto.randomUUID()}`);
}

/** Removes uploads left beside the database by a process that is gone; returns their names. */
export function sweepUploads(dbPath: string): string[] {
  return sweepDeadOwners(path.dirname(path.resolve(dbPath)), /^\.workbench-upload-(\d+)-/);
}

/**
 * Streams a request body to `file`, stopping at `maxBytes`: beyond it, or when the client goes away, the partial file
 * is removed and a problem thrown (413 naming the ceiling, 400). Returns the bytes written. The request itself is
 * not destroyed: the rest of a refused body is read and dropped, so the client gets to read the 413.
 */
export async function receiveUpload(req: IncomingMessage, file: string, maxBytes: number): Promise<number> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxBytes) throw uploadTooLarge(maxBytes, declared);
  let size = 0;
  const out = fs.createWriteStream(file);
  try {
    await new Promise<void>((resolve, reject) => {
      let failed = false;
      const fail = (problem: HttpProblem): void => {
        if (failed) return;
        failed = true;
        req.unpipe(out);
        // unpiped, the request would pause with its rest unread and the connection stall: drop the rest instead
        req.resume();
        out.destroy();
        reject(problem);
      };
      req.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) fail(uploadTooLarge(maxBytes, undefined));
      });
      req.on('error', (error) => fail(new HttpProblem(400, 'Bad Request', `The upload was interrupted: ${error.message}`)));
      req.on('close', () => {
        if (!req.complete) fail(new HttpProblem(400, 'Bad Request', 'The upload was interrupted: the client went away.'));
      });
      out.on('error', (error) => fail(new HttpProblem(500, 'Internal Server Error', `The upload could not be stored: ${error.message}`)));
      out.on('finish', () => {
        if (!failed) resolve();
      });
      req.pipe(out);
    });
  } catch (error) {
    // the write stream may still hold the file open: remove it once it is closed
    await new Promise<void>((resolve) => (out.closed ? resolve() : out.once('close', () => resolve())));
    fs.rmSync(file, { force: true });
    throw error;
  }
  return size;
}
