// The literature library's API shapes: request schemas validate, response types are inferred from the same zod.
import { z } from 'zod';
import { cslItemSchema } from '../csl.ts';
import { INPUT_FORMATS } from './types.ts';

export const importFormatSchema = z.enum(['auto', ...INPUT_FORMATS]);

export const importQuerySchema = z.strictObject({
  fileName: z.string().min(1).max(300),
  format: importFormatSchema.default('auto'),
  source: z.string().max(200).default(''),
  search: z.string().max(20_000).default(''),
});
export type ImportQuery = z.infer<typeof importQuerySchema>;

export const batchSchema = z.object({
  id: z.number().int(),
  reviewId: z.number().int(),
  sourceName: z.string(),
  searchString: z.string(),
  fileName: z.string(),
  format: z.string(),
  status: z.enum(['running', 'complete']),
  records: z.number().int(),
  imported: z.number().int(),
  failed: z.number().int(),
  createdBy: z.string(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  notes: z.array(z.string()),
});
export type Batch = z.infer<typeof batchSchema>;

export const failureSchema = z.object({ record: z.number().int(), reason: z.string() });

export const importProgressSchema = z.object({
  batchId: z.number().int(),
  fileName: z.string(),
  state: z.enum(['running', 'complete', 'failed']),
  format: z.string(),
  records: z.number().int(),
  imported: z.number().int(),
  failed: z.array(failureSchema),
  failedCount: z.number().int(),
  bytesRead: z.number(),
  totalBytes: z.number(),
  recordsPerSecond: z.number(),
  duplicateGroups: z.number().int().nullable(),
  error: z.string().nullable(),
  /** the import failed as a whole and choosing the format by hand may read it */
  needsFormat: z.boolean(),
  /** what the import noticed about the whole file: its content overruled its name, records announced but not read */
  notes: z.array(z.string()),
  /** records the file's own markers (ER lines, <record> elements…) announce beyond those read or reported failed */
  lost: z.number().int(),
});
export type ImportProgress = z.infer<typeof importProgressSchema>;

export const dupFilterSchema = z.enum(['all', 'unique', 'candidate', 'merged']);

export const itemQuerySchema = z.strictObject({
  q: z.string().max(500).optional(),
  yearFrom: z.coerce.number().int().min(0).max(9999).optional(),
  yearTo: z.coerce.number().int().min(0).max(9999).optional(),
  type: z.string().max(60).optional(),
  batch: z.coerce.number().int().positive().optional(),
  dup: dupFilterSchema.optional(),
  cursor: z.string().regex(/^(-?[\d.e+-]+_)?\d+$/, 'is not a cursor this API returned').optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});
export type ItemQuery = z.infer<typeof itemQuerySchema>;

export const itemListRowSchema = z.object({
  id: z.number().int(),
  batchId: z.number().int(),
  type: z.string(),
  /** the plain title (search, sort, CSV) */
  title: z.string(),
  /** the title as CSL rich text (<i>, <sup> …) when it carries formatting, else null */
  titleRich: z.string().nullable(),
  firstAuthor: z.string(),
  authors: z.string(),
  year: z.number().int().nullable(),
  container: z.string(),
  doi: z.string(),
  dupGroup: z.number().int().nullable(),
});
export type ItemListRow = z.infer<typeof itemListRowSchema>;

export const itemListPageSchema = z.object({
  items: z.array(itemListRowSchema),
  nextCursor: z.string().nullable(),
  /** words not in the index and the index words searched instead */
  corrected: z.array(z.object({ from: z.string(), to: z.array(z.string()) })),
  /** how many items match in all, on the first page (null on the pages after it) */
  total: z.number().int().nullable(),
});
export type ItemListPage = z.infer<typeof itemListPageSchema>;

export const itemSourceSchema = z.object({
  id: z.number().int(),
  itemId: z.number().int(),
  batchId: z.number().int(),
  fileName: z.string(),
  recordNumber: z.number().int(),
  format: z.string(),
  raw: z.string(),
  csl: cslItemSchema,
  warnings: z.array(z.string()),
});

export const itemDetailSchema = z.object({
  id: z.number().int(),
  batchId: z.number().int(),
  version: z.number().int(),
  mergedInto: z.number().int().nullable(),
  dupGroup: z.number().int().nullable(),
  members: z.array(z.number().int()),
  csl: cslItemSchema,
  sources: z.array(itemSourceSchema),
});
export type ItemDetail = z.infer<typeof itemDetailSchema>;

export const duplicateGroupViewSchema = z.object({
  group: z.number().int(),
  rule: z.string(),
  score: z.number(),
  certain: z.boolean(),
  /** what stands against merging unattended or lowered the score: "volumes differ: 12 vs 13" */
  reasons: z.array(z.string()),
  members: z.array(z.object({ item: z.number().int(), batchId: z.number().int(), file: z.string(), record: z.number().int(), csl: cslItemSchema })),
});
export type DuplicateGroupView = z.infer<typeof duplicateGroupViewSchema>;

export const mergeBodySchema = z.strictObject({
  items: z.array(z.number().int().positive()).min(2).max(100),
  rule: z.string().max(40).default('manual'),
  score: z.number().min(0).max(1).default(1),
});

export const distinctBodySchema = z.strictObject({
  items: z.array(z.number().int().positive()).min(2).max(100),
});

export const mergeLogEntrySchema = z.object({
  id: z.number().int(),
  kept: z.number().int(),
  merged: z.array(z.number().int()),
  rule: z.string(),
  score: z.number(),
  mergedBy: z.string(),
  mergedAt: z.string(),
  undoneBy: z.string().nullable(),
  undoneAt: z.string().nullable(),
  /** set when an import that gave the merge a record was undone: the merge was taken back and is history only */
  voidedAt: z.string().nullable(),
  voidReason: z.string().nullable(),
});
export type MergeLogEntry = z.infer<typeof mergeLogEntrySchema>;
