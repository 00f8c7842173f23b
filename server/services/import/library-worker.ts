// Library operations that take seconds on a large library (undoing an import, re-running dedupe) run here, on
// their own connection, so the HTTP thread keeps answering.
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../../db/connection.ts';
import { createLiteratureRepo } from '../../db/literature-repo.ts';

export type LibraryOp =
  | { op: 'deleteBatch'; reviewId: number; batchId: number }
  | { op: 'undoMerge'; reviewId: number; mergeId: number; actor: string }
  | { op: 'markDistinct'; reviewId: number; items: number[]; actor: string }
  | { op: 'refresh'; reviewId: number };

export type LibraryOpResult = { ok: true } | { ok: false; error: { status?: number; title?: string; message: string } };

const { dbPath, task } = workerData as { dbPath: string; task: LibraryOp };
const db = openDatabase(dbPath);
try {
  const repo = createLiteratureRepo(db);
  db.transaction(() => {
    if (task.op === 'deleteBatch') repo.deleteBatch(task.reviewId, task.batchId);
    else if (task.op === 'undoMerge') repo.undoMerge(task.reviewId, task.mergeId, task.actor);
    else if (task.op === 'markDistinct') repo.markDistinct(task.reviewId, task.items, task.actor);
    else repo.refreshDuplicates(task.reviewId);
  })();
  parentPort?.postMessage({ ok: true } satisfies LibraryOpResult);
} catch (error) {
  const e = error as { status?: number; title?: string; message: string };
  parentPort?.postMessage({ ok: false, error: { status: e.status, title: e.title, message: e.message } } satisfies LibraryOpResult);
} finally {
  db.close();
}
