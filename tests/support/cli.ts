// The `workbench` command as a user runs it: a child process in the project folder, exit code and both streams.
import { execFile } from 'node:child_process';
import Database from 'better-sqlite3';
import path from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from '../../server/paths.ts';

export const run = promisify(execFile);
export const BIN = path.join(ROOT, 'server/bin/workbench.mjs');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function workbench(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** Rows of a query on the database a command wrote, read on a connection of its own (closed again at once). */
export function queryDb<T>(dbPath: string, query: string, ...params: unknown[]): T[] {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.prepare(query).all(...params) as T[];
  } finally {
    db.close();
  }
}
