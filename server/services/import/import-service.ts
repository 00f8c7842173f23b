// Starts imports in worker threads and keeps their progress for polling. The HTTP thread only creates the batch row
// and relays messages; reading, parsing, inserting, indexing and dedupe all happen in the worker.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { LiteratureRepo } from '../../db/literature-repo.ts';
import type { ImportProgress } from '../../../shared/literature/library-schemas.ts';
import type { InputFormat } from '../../../shared/literature/types.ts';
import { HttpProblem } from '../../http/problem.ts';
import type { LibraryOp, LibraryOpResult } from './library-worker.ts';
import type { ImportCounts } from './pipeline.ts';
import type { WorkerMessage } from './worker.ts';

const BOOT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'worker-boot.mjs');

export interface StartImport {
  reviewId: number;
  file: string;
  fileName: string;
  format: InputFormat | 'auto';
  sourceName: string;
  searchString: string;
  actor: string;
  /** delete `file` when the import ends (an uploaded temp file) */
  removeFile?: boolean;
  onProgress?: (p: ImportProgress) => void;
}

/** Runs one library operation on a worker thread; rejects with an HttpProblem-like error when it fails. */
export function runLibraryOp(dbPath: string, task: LibraryOp): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(BOOT, { workerData: { script: './library-worker.ts', dbPath, task } });
    let answered = false;
    worker.on('message', (r: LibraryOpResult) => {
      answered = true;
      if (r.ok) resolve();
      else reject(r.error.status ? new HttpProblem(r.error.status, r.error.title ?? 'Error', r.error.message) : new Error(r.error.message));
    });
    worker.on('error', reject);
    worker.on('exit', () => {
      if (!answered) reject(new Error('the library worker stopped without an answer'));
    });
  });
}

export interface ImportService {
  start(input: StartImport): { batchId: number; done: Promise<ImportProgress> };
  /** the live or last state of an import this process started, if it belongs to the review */
  progress(reviewId: number, batchId: number): ImportProgress | undefined;
}

export function createImportService(dbPath: string, repo: LiteratureRepo): ImportService {
  const jobs = new Map<number, ImportProgress>();
  const reviewOf = new Map<number, number>();
  return {
    progress: (reviewId, batchId) => (reviewOf.get(batchId) === reviewId ? jobs.get(batchId) : undefined),
    start(input) {
      const batchId = repo.createBatch({
        reviewId: input.reviewId, sourceName: input.sourceName, searchString: input.searchString,
        fileName: input.fileName, format: input.format, actor: input.actor,
      });
      const state: ImportProgress = {
        batchId, fileName: input.fileName, state: 'running', format: input.format, records: 0, imported: 0, failed: [],
        failedCount: 0, bytesRead: 0, totalBytes: 0, recordsPerSecond: 0, duplicateGroups: null, error: null,
        needsFormat: false, notes: [], lost: 0,
      };
      jobs.set(batchId, state);
      reviewOf.set(batchId, input.reviewId);
      const apply = (c: ImportCounts): void => {
        Object.assign(state, { format: c.format, records: c.records, imported: c.imported, failed: c.failed, failedCount: c.failedCount,
          bytesRead: c.bytesRead, totalBytes: c.totalBytes, recordsPerSecond: c.recordsPerSecond, duplicateGroups: c.duplicateGroups,
          notes: c.notes, lost: c.lost });
        input.onProgress?.({ ...state });
      };
      const done = new Promise<ImportProgress>((resolve) => {
        const worker = new Worker(BOOT, { workerData: { script: './worker.ts', dbPath, job: { batchId, reviewId: input.reviewId, file: input.file, fileName: input.fileName, format: input.format } } });
        let finished = false;
        const finish = (error: string | null, needsFormat = false): void => {
          if (finished) return;
          finished = true;
          if (error !== null) {
            state.state = 'failed';
            state.error = error;
            state.needsFormat = needsFormat;
            // nothing half-imported stays behind
            try {
              repo.discardBatch(batchId);
            } catch (e) {
              state.error += ` (and removing the partial batch failed: ${(e as Error).message})`;
            }
          } else state.state = 'complete';
          if (input.removeFile) fs.rm(input.file, { force: true }, () => undefined);
          input.onProgress?.({ ...state });
          resolve({ ...state });
        };
        worker.on('message', (m: WorkerMessage) => {
          if (m.kind === 'progress') apply(m.counts);
          else if (m.kind === 'done') {
            apply(m.counts);
            finish(null);
          } else finish(m.message, m.needsFormat);
        });
        worker.on('error', (e) => finish(e.message));
        worker.on('exit', (code) => finish(code === 0 ? 'the import stopped before it finished' : `the import worker exited with code ${code}`));
      });
      return { batchId, done };
    },
  };
}
