// The literature library API: upload/import with progress, batches and their undo, items (list, search, detail),
// duplicates, merges (and their undo) and "not a duplicate" decisions.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Db } from '../db/connection.ts';
import { createLiteratureRepo, type LiteratureRepo } from '../db/literature-repo.ts';
import type { Repositories } from '../db/repositories.ts';
import { HttpProblem } from '../http/problem.ts';
import { defineRoute, type RouteDef } from '../http/route.ts';
import { createImportService, runLibraryOp, type ImportService } from '../services/import/import-service.ts';
import type { LibraryOp } from '../services/import/library-worker.ts';
import { receiveUpload, sweepUploads, uploadTempPath } from '../services/import/upload-files.ts';
import { idParamSchema } from '../../shared/schemas.ts';
import {
  batchSchema, distinctBodySchema, duplicateGroupViewSchema, failureSchema, importProgressSchema, importQuerySchema,
  itemDetailSchema, itemListPageSchema, itemQuerySchema, mergeBodySchema, mergeLogEntrySchema, type ImportProgress,
} from '../../shared/literature/library-schemas.ts';

const tag = 'literature';
const base = '/reviews/:reviewId/literature';
const reviewParams = z.object({ reviewId: idParamSchema });
const batchParams = z.object({ reviewId: idParamSchema, batchId: idParamSchema });
const idParams = z.object({ reviewId: idParamSchema, id: idParamSchema });

interface Library {
  lit: LiteratureRepo;
  imports: ImportService;
}
const libraries = new WeakMap<Db, Library>();

/** One library per database: the repository, the import service, and a clean-up of imports that died half-way. */
export function libraryOf(db: Db): Library {
  let lib = libraries.get(db);
  if (!lib) {
    const lit = createLiteratureRepo(db);
    lit.cleanupAbandoned();
    if (db.name !== ':memory:' && db.name !== '') sweepUploads(db.name);
    lib = { lit, imports: createImportService(db.name, lit) };
    libraries.set(db, lib);
  }
  return lib;
}

function progressOfFinished(lit: LiteratureRepo, reviewId: number, batchId: number): ImportProgress {
  const b = lit.getBatch(reviewId, batchId);
  return {
    batchId, fileName: b.fileName, state: b.status === 'complete' ? 'complete' : 'running', format: b.format,
    records: b.records, imported: b.imported, failed: lit.failures(batchId), failedCount: b.failed, bytesRead: 0,
    totalBytes: 0, recordsPerSecond: 0, duplicateGroups: null, error: null, needsFormat: false, notes: b.notes, lost: 0,
  };
}

/** Above this many items, operations that re-scan or delete much of the library run on a worker thread. */
const LARGE_LIBRARY = 20_000;

export function literatureRoutes(repos: Repositories): RouteDef[] {
  const { lit, imports } = libraryOf(repos.db);
  const large = Number(process.env.WORKBENCH_LARGE_LIBRARY ?? LARGE_LIBRARY);
  // small libraries: in one transaction here (milliseconds); large ones: on a worker, so the HTTP thread stays free
  const heavy = async (task: LibraryOp, inline: () => void): Promise<void> => {
    if (lit.itemCount(task.reviewId) > large && repos.db.name !== ':memory:') await runLibraryOp(repos.db.name, task);
    else repos.db.transaction(inline)();
  };
  const requireReview = (reviewId: number): void => {
    repos.reviews.require(reviewId);
  };

  return [
    defineRoute({
      method: 'post', path: `${base}/imports`, tag, status: 202, stream: true,
      summary: 'Import one file: send its bytes as the body (application/octet-stream) with fileName, format, source and ' +
        'search in the query. Answers 202 at once; poll the import for progress and the per-record report.',
      params: reviewParams, query: importQuerySchema, response: importProgressSchema,
      handler: async ({ params, query, actor, limits }, res) => {
        requireReview(params.reviewId);
        const req = res.req;
        if (req.is('application/json')) {
          throw new HttpProblem(415, 'Unsupported Media Type', 'Send the file itself as the body, as application/octet-stream, not as JSON.');
        }
        if (repos.db.name === ':memory:' || repos.db.name === '') {
          throw new HttpProblem(501, 'Not Implemented', 'Imports need a database file: this one is in memory.');
        }
        // streamed to a temp file up to the upload ceiling: a large upload is never held in memory
        const tmp = uploadTempPath(repos.db.name);
        if ((await receiveUpload(req, tmp, limits.uploadBytes)) === 0) {
          fs.rmSync(tmp, { force: true });
          throw new HttpProblem(422, 'Unprocessable Content', '/body: the file is empty.', { errors: [{ pointer: '/body', message: 'is empty' }] });
        }
        const { batchId } = imports.start({
          reviewId: params.reviewId, file: tmp, fileName: path.basename(query.fileName), format: query.format,
          sourceName: query.source, searchString: query.search, actor, removeFile: true,
        });
        res.status(202);
        return imports.progress(params.reviewId, batchId);
      },
    }),
    defineRoute({
      method: 'get', path: `${base}/imports/:batchId`, tag, summary: 'Progress of an import (records/s), then its report',
      params: batchParams, response: importProgressSchema,
      handler: ({ params }) => {
        requireReview(params.reviewId);
        // a failed import's batch is gone, but its report stays here
        const live = imports.progress(params.reviewId, params.batchId);
        if (live) return live;
        return progressOfFinished(lit, params.reviewId, params.batchId);
      },
    }),
    defineRoute({
      method: 'get', path: `${base}/batches`, tag, summary: 'Import batches, newest first',
      params: reviewParams, response: z.array(batchSchema),
      handler: ({ params }) => {
        requireReview(params.reviewId);
        return lit.listBatches(params.reviewId);
      },
    }),
    defineRoute({
      method: 'get', path: `${base}/batches/:batchId/failures`, tag, summary: 'Records of a batch that could not be read, with reasons',
      params: batchParams, response: z.array(failureSchema),
      handler: ({ params }) => {
        lit.getBatch(params.reviewId, params.batchId);
        return lit.failures(params.batchId, 100_000);
      },
    }),
    defineRoute({
      method: 'delete', path: `${base}/batches/:batchId`, tag, status: 204, stream: true,
      summary: 'Undo an import: its items and sources go; items of other imports merged into them stay',
      params: batchParams,
      handler: async ({ params }, res) => {
        const batch = lit.getBatch(params.reviewId, params.batchId);
        // an import whose process died while this server runs: undoing it is removing what it left
        if (batch.status !== 'complete' && lit.cleanupAbandoned().includes(batch.id)) return void res.status(204).end();
        if (batch.status !== 'complete') throw new HttpProblem(409, 'Conflict', `Import batch ${batch.id} is still running; wait for it to finish.`);
        await heavy({ op: 'deleteBatch', reviewId: params.reviewId, batchId: params.batchId }, () => lit.deleteBatch(params.reviewId, params.batchId));
        res.status(204).end();
      },
    }),
    defineRoute({
      method: 'get', path: `${base}/items`, tag,
      summary: 'List or search items (q: words, "phrases", prefix*, title:/author:/abstract:/keyword:), with filters; keyset pages via cursor',
      params: reviewParams, query: itemQuerySchema, response: itemListPageSchema,
      handler: ({ params, query }) => {
        requireReview(params.reviewId);
        if (query.yearFrom !== undefined && query.yearTo !== undefined && query.yearFrom > query.yearTo) {
          throw new HttpProblem(400, 'Bad Request', 'Invalid request query: /query/yearTo is before /query/yearFrom', { errors: [{ pointer: '/query/yearTo', message: 'is before yearFrom' }] });
        }
        return lit.listItems(params.reviewId, query);
      },
    }),
    defineRoute({
      method: 'get', path: `${base}/items/:id`, tag, summary: 'One item with every raw source record it was made from',
      params: idParams, response: itemDetailSchema,
      handler: ({ params }) => lit.itemDetail(params.reviewId, params.id),
    }),
    defineRoute({
      method: 'get', path: `${base}/duplicates`, tag, summary: 'Duplicate candidate groups awaiting review',
      params: reviewParams, response: z.array(duplicateGroupViewSchema),
      handler: ({ params }) => {
        requireReview(params.reviewId);
        return lit.duplicateGroups(params.reviewId);
      },
    }),
    defineRoute({
      method: 'post', path: `${base}/duplicates/refresh`, tag, summary: 'Look for duplicates again across the whole library',
      params: reviewParams, response: z.array(duplicateGroupViewSchema), stream: true,
      handler: async ({ params }) => {
        requireReview(params.reviewId);
        await heavy({ op: 'refresh', reviewId: params.reviewId }, () => lit.refreshDuplicates(params.reviewId));
        return lit.duplicateGroups(params.reviewId);
      },
    }),
    defineRoute({
      method: 'post', path: `${base}/merges`, tag, status: 201,
      summary: 'Merge items into the lowest id; every source record is kept and the merge can be undone',
      params: reviewParams, body: mergeBodySchema, response: z.object({ mergeId: z.number().int(), kept: z.number().int() }),
      handler: ({ params, body, actor }) => {
        requireReview(params.reviewId);
        return lit.merge(params.reviewId, body.items, { rule: body.rule, score: body.score }, actor);
      },
    }),
    defineRoute({
      method: 'get', path: `${base}/merges`, tag, summary: 'The merge log: what was merged, why, by whom, when, and undos',
      params: reviewParams, response: z.array(mergeLogEntrySchema),
      handler: ({ params }) => {
        requireReview(params.reviewId);
        return lit.mergeLog(params.reviewId);
      },
    }),
    defineRoute({
      method: 'delete', path: `${base}/merges/:id`, tag, status: 204, summary: 'Undo a merge', stream: true,
      params: idParams,
      handler: async ({ params, actor }, res) => {
        requireReview(params.reviewId);
        await heavy({ op: 'undoMerge', reviewId: params.reviewId, mergeId: params.id, actor }, () => lit.undoMerge(params.reviewId, params.id, actor));
        res.status(204).end();
      },
    }),
    defineRoute({
      method: 'post', path: `${base}/not-duplicates`, tag, status: 204,
      summary: 'Record that these items are not duplicates; they are not proposed together again, also after later imports',
      params: reviewParams, body: distinctBodySchema, stream: true,
      handler: async ({ params, body, actor }, res) => {
        requireReview(params.reviewId);
        await heavy({ op: 'markDistinct', reviewId: params.reviewId, items: body.items, actor }, () => lit.markDistinct(params.reviewId, body.items, actor));
        res.status(204).end();
      },
    }),
  ];
}

