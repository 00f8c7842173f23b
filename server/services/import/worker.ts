// The import worker thread: runs one import on its own connection and posts progress to the thread that started it.
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../../db/connection.ts';
import { runImport, type ImportCounts, type ImportJob } from './pipeline.ts';

export type WorkerMessage =
  | { kind: 'progress'; counts: ImportCounts }
  | { kind: 'done'; counts: ImportCounts }
  | { kind: 'error'; message: string };

const { dbPath, job } = workerData as { dbPath: string; job: ImportJob };
const post = (m: WorkerMessage): void => parentPort?.postMessage(m);
const db = openDatabase(dbPath);
try {
  const counts = await runImport(db, job, (c) => post({ kind: 'progress', counts: c }));
  post({ kind: 'done', counts });
} catch (error) {
  post({ kind: 'error', message: (error as Error).message });
} finally {
  db.close();
}
