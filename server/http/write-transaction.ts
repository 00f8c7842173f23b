// A request's write transaction, made to survive other writers on the same file (the import's writer thread, a CLI
// import, a second server). It begins IMMEDIATE so the write lock is taken before anything is read: a deferred
// transaction that read first cannot wait for the lock when it later writes (SQLite answers BUSY at once, or
// BUSY_SNAPSHOT when another connection committed meanwhile). SQLITE_BUSY after busy_timeout is retried with backoff
// within a bounded time, then answered 503 with Retry-After; the caller never sees a 500 for someone else's write.
import type { Db } from '../db/connection.ts';
import { HttpProblem } from './problem.ts';

/** How long one request may keep trying to get the write lock, busy_timeout waits included. */
export const WRITE_BUDGET_MS = 10_000;
const FIRST_BACKOFF_MS = 20;
const MAX_BACKOFF_MS = 500;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** SQLITE_BUSY and its extended codes (BUSY_SNAPSHOT, BUSY_RECOVERY, BUSY_TIMEOUT) and a locked shared cache. */
export function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

export const writeBusy = (retryAfterSeconds: number): HttpProblem =>
  new HttpProblem(503, 'Service Unavailable',
    `The database is busy with another writer (an import or another workbench process); nothing was changed. Try again in ${retryAfterSeconds} s.`,
    { retryAfter: retryAfterSeconds });

/**
 * Runs `fn` as one IMMEDIATE transaction, starting it again while the database is busy. A retry after
 * BUSY_SNAPSHOT runs `fn` afresh on the current data, so its version check answers 409 with the current record.
 * `mayRetry` says whether a retry is still safe (e.g. nothing was sent to the client yet).
 */
export async function writeTransaction<T>(db: Db, fn: () => T, mayRetry: () => boolean = () => true, budgetMs = WRITE_BUDGET_MS): Promise<T> {
  const deadline = Date.now() + budgetMs;
  const tx = db.transaction(fn);
  for (let backoff = FIRST_BACKOFF_MS; ; backoff = Math.min(MAX_BACKOFF_MS, backoff * 2)) {
    try {
      return tx.immediate();
    } catch (error) {
      if (!isBusy(error) || !mayRetry()) throw error;
      const left = deadline - Date.now();
      if (left <= 0) throw writeBusy(Math.max(1, Math.round(budgetMs / 1000 / 2)));
      // jitter keeps two processes that lost to the same writer from colliding again in step
      await sleep(Math.min(left, backoff / 2 + Math.random() * backoff));
    }
  }
}
