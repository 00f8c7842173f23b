// What the models-from-a-table API reads and answers: zod schemas with their inferred types. The parser and the
// planner in this folder only import these types, so the client can import them too without bundling zod.
import { z } from 'zod';
import { bandSchema, frameworkSchema } from '../schemas.ts';

export const TABLE_FORMATS = ['csv', 'tsv', 'markdown', 'html', 'xlsx'] as const;
export const tableFormatSchema = z.enum(TABLE_FORMATS);
export type TableFormat = z.infer<typeof tableFormatSchema>;

/** what a request may name: a format, or `auto` to detect one from the text */
export const tableFormatChoiceSchema = z.enum(['auto', ...TABLE_FORMATS]);
export type TableFormatChoice = z.infer<typeof tableFormatChoiceSchema>;

export const tableRowSchema = z.object({
  /** 1-based line (CSV, TSV, Markdown) or row (HTML, XLSX) number, as the user finds it in the source */
  line: z.number().int().positive(),
  cells: z.array(z.string()),
});
export type TableRow = z.infer<typeof tableRowSchema>;
export interface ParsedTable {
  format: TableFormat;
  rows: TableRow[];
}

export const COLUMN_ROLES = ['model', 'band', 'ignore'] as const;
export const columnRoleSchema = z.enum(COLUMN_ROLES);
export type ColumnRole = z.infer<typeof columnRoleSchema>;

/** The user's choice for one column: the model column, an existing band (bandId), a new band (bandLabel), or none. */
export const columnMappingSchema = z.strictObject({
  index: z.number().int().nonnegative().max(999),
  role: columnRoleSchema,
  bandId: z.number().int().positive().nullable().optional(),
  bandLabel: z.string().max(200).optional(),
});
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

export const planColumnSchema = z.object({
  /** 0-based column index */
  index: z.number().int().nonnegative(),
  /** the header cell, or "" without a header row */
  header: z.string(),
  role: columnRoleSchema,
  /** the existing band the column fills; null for a new band (created on import) and for other roles */
  bandId: z.number().int().positive().nullable(),
  bandLabel: z.string(),
});
export type PlanColumn = z.infer<typeof planColumnSchema>;

export const planPhaseSchema = z.object({ label: z.string(), bandLabel: z.string(), column: z.number().int().nonnegative() });
export type PlanPhase = z.infer<typeof planPhaseSchema>;

export const citationMatchSchema = z.object({ citationId: z.number().int().positive(), citekey: z.string() });
export type CitationMatch = z.infer<typeof citationMatchSchema>;

export const planModelSchema = z.object({
  /** the row's line number in the source */
  row: z.number().int().positive(),
  name: z.string(),
  /** the citation as printed ("Murray et al., 2010"), "" when the cell has none */
  citation: z.string(),
  citationMatch: citationMatchSchema.nullable(),
  /** band by band in the order of the review's bands, each band's phases in the order of the table */
  phases: z.array(planPhaseSchema),
});
export type PlanModel = z.infer<typeof planModelSchema>;

export const planProblemSchema = z.object({
  /** the row's line number; 0 for a problem of the whole table or of a column */
  row: z.number().int().nonnegative(),
  /** 1-based column; 0 for a problem of the whole table */
  column: z.number().int().nonnegative(),
  message: z.string(),
  severity: z.enum(['error', 'warning']),
});
export type PlanProblem = z.infer<typeof planProblemSchema>;

export const modelsImportPlanSchema = z.object({
  headerRow: z.boolean(),
  columns: z.array(planColumnSchema),
  models: z.array(planModelSchema),
  /** labels of the bands the import creates, in column order */
  newBands: z.array(z.string()),
  problems: z.array(planProblemSchema),
});
export type ModelsImportPlan = z.infer<typeof modelsImportPlanSchema>;

/** The plan as the API answers it: with the format the table was read as. */
export const modelsImportPreviewSchema = modelsImportPlanSchema.extend({ format: tableFormatSchema });
export type ModelsImportPreview = z.infer<typeof modelsImportPreviewSchema>;

/** Large enough for a few hundred models; the JSON body limit (1 MB by default) applies first. */
const MAX_TEXT = 1_000_000;

export const modelsImportRequestSchema = z
  .strictObject({
    text: z.string().max(MAX_TEXT).optional(),
    xlsxBase64: z.string().max(MAX_TEXT * 2).regex(/^[A-Za-z0-9+/=\s]*$/, 'is not base64').optional(),
    format: tableFormatChoiceSchema.default('auto'),
    headerRow: z.boolean().optional(),
    columns: z.array(columnMappingSchema).max(1000).optional(),
  })
  .superRefine((body, ctx) => {
    if ((body.text === undefined) === (body.xlsxBase64 === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['text'], message: 'send exactly one of text and xlsxBase64' });
    } else if (body.text !== undefined && body.format === 'xlsx') {
      ctx.addIssue({ code: 'custom', path: ['format'], message: 'an XLSX workbook is sent as xlsxBase64, not as text' });
    } else if (body.xlsxBase64 !== undefined && body.format !== 'auto' && body.format !== 'xlsx') {
      ctx.addIssue({ code: 'custom', path: ['format'], message: `xlsxBase64 holds an XLSX workbook, not ${body.format}` });
    }
  });
export type ModelsImportRequest = z.input<typeof modelsImportRequestSchema>;

export const modelsImportResultSchema = z.object({
  plan: modelsImportPreviewSchema,
  frameworks: z.array(frameworkSchema),
  bands: z.array(bandSchema),
  /** how many phases were created */
  phases: z.number().int().nonnegative(),
});
export type ModelsImportResult = z.infer<typeof modelsImportResultSchema>;
