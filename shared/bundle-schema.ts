// The review bundle: a whole review as one versioned JSON document that restores losslessly into any database.
// Rows are stored per table as arrays of column values; ids are the bundle's own (1…n in each table, in the source
// database's id order) so that the same review gives the same bundle whichever database it came from.
import { z } from 'zod';

export const BUNDLE_FORMAT = 'synthesis-workbench/bundle';
export const BUNDLE_FORMAT_VERSION = 1;

export const sqlValueSchema = z.union([z.string(), z.number(), z.null()]);
export type SqlValue = z.infer<typeof sqlValueSchema>;

export const bundleTableSchema = z
  .strictObject({
    name: z.string().regex(/^[a-z_][a-z0-9_]*$/, 'a SQL table name'),
    columns: z.array(z.string().regex(/^[a-z_][a-z0-9_]*$/, 'a SQL column name')).min(1),
    rows: z.array(z.array(sqlValueSchema)),
  })
  .superRefine((t, ctx) => {
    t.rows.forEach((row, i) => {
      if (row.length !== t.columns.length) {
        ctx.addIssue({ code: 'custom', path: ['rows', i], message: `has ${row.length} values for ${t.columns.length} columns` });
      }
    });
  });
export type BundleTable = z.infer<typeof bundleTableSchema>;

export const bundleSchema = z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  formatVersion: z.literal(BUNDLE_FORMAT_VERSION),
  appVersion: z.string(),
  /** the last migration applied to the database the bundle came from */
  schemaVersion: z.string(),
  review: z.strictObject({ slug: z.string().min(1), title: z.string() }),
  /** sha-256 of the canonical JSON of `tables`: the same review content always has the same hash */
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  generatedAt: z.string(),
  tables: z.array(bundleTableSchema).min(1),
});
export type Bundle = z.infer<typeof bundleSchema>;

/** Human-readable problems with a document that is not a valid bundle, naming the field. */
export function bundleProblems(error: z.ZodError): string[] {
  return error.issues.slice(0, 10).map((i) => `${i.path.length ? `/${i.path.join('/')}` : '(document)'}: ${i.message}`);
}
