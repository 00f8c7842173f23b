// The write thread of an import: starts the parse thread, inserts what it sends on its own connection, and posts
// progress to the thread that started it (the HTTP thread, or the CLI).
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { openDatabase } from '../../db/connection.ts';
import { ImportFileError } from './parsers.ts';
import { createBatchWriter, type ImportCounts, type ImportJob, type ParseMessage } from './pipeline.ts';

export type WorkerMessage =
  | { kind: 'progress'; counts: ImportCounts }
  | { kind: 'done'; counts: ImportCounts }
  | { kind: 'error'; message: string; needsFormat: boolean };

const { dbPath, job } = workerData as { dbPath: string; job: ImportJob };
const post = (m: WorkerMessage): void => parentPort?.postMessage(m);
const db = openDatabase(dbPath);
// a bigger page cache for the bulk insert: the dedupe-key indexes are written in random order
db.pragma('cache_size = -131072');

function run(): Promise<ImportCounts> {
  return new Promise((resolve, reject) => {
    const writer = createBatchWriter(db, job, (c) => post({ kind: 'progress', counts: c }));
    const parser = new Worker(new URL('./worker-boot.mjs', import.meta.url), { workerData: { script: './parse-worker.ts', job } });
    let settled = false;
    // messages are written one after the other: each take() pauses between its transactions
    let queue: Promise<void> = Promise.resolve();
    const fail = (e: Error): void => {
      if (settled) return;
      settled = true;
      void parser.terminate();
      reject(e);
    };
    let ended = false;
    parser.on('message', (m: ParseMessage) => {
      if (m.kind === 'end' || m.kind === 'error') ended = true;
      queue = queue.then(async () => {
        if (settled) return;
        try {
          const done = await writer.take(m);
          if (m.kind === 'chunk') parser.postMessage('credit');
          if (done) {
            settled = true;
            resolve(done);
          }
        } catch (error) {
          fail(error as Error);
        }
      });
    });
    parser.on('error', fail);
    // the parse thread exits after its last message, which may still be waiting in the queue
    parser.on('exit', () => {
      if (!ended) fail(new Error('the parse thread stopped before the end of the file'));
    });
  });
}

try {
  post({ kind: 'done', counts: await run() });
} catch (error) {
  post({ kind: 'error', message: (error as Error).message, needsFormat: error instanceof ImportFileError && error.needsFormat });
} finally {
  db.close();
}
