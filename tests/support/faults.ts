// For tests that kill the workbench with SIGKILL: waiting on a condition, a child `workbench` to kill, and what
// SQLite says about the file it left.
import { spawn, type ChildProcess } from 'node:child_process';
import Database from 'better-sqlite3';
import { ROOT } from '../../server/paths.ts';
import { BIN } from './cli.ts';

/** Polls `condition` every `step` ms until it holds or `ms` have passed; returns whether it held. */
export async function until(condition: () => boolean, ms: number, step = 5): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end;) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, step));
  }
  return condition();
}

export function integrity(file: string, readonly: boolean): { check: unknown; mode: unknown } {
  // opened for writing (readonly false), closing it as its last connection leaves no -wal/-shm beside the file
  const db = new Database(file, { readonly, fileMustExist: true });
  try {
    return { check: db.pragma('integrity_check', { simple: true }), mode: db.pragma('journal_mode', { simple: true }) };
  } finally {
    db.close();
  }
}

export interface Killable {
  child: ChildProcess;
  /** whether the process has ended (by itself or by the kill) */
  exited: () => boolean;
  /** the signal that ended it, null when it exited by itself */
  exit: Promise<NodeJS.Signals | null>;
  stdout: () => string;
  /** SIGKILL, then the signal it ended with (null: it had already finished) */
  kill: () => Promise<NodeJS.Signals | null>;
}

/** `workbench ARGS…` as a child process, to be killed. */
export function spawnWorkbench(args: string[], env: Record<string, string> = {}): Killable {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'ignore'] });
  let done = false;
  let out = '';
  child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  const exit = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => {
    done = true;
    resolve(signal);
  }));
  return {
    child, exit, exited: () => done, stdout: () => out,
    kill: () => {
      if (!done) child.kill('SIGKILL');
      return exit;
    },
  };
}
