// zod schemas of coding: the codebook (target stages, every model's phases, the review's own codes), tags, the
// framework matrix, the evidence map, coding agreement and the evidence behind an alignment. The API validates with
// them and the client reads its types from them; the shapes are the contract between the two.
import { z } from 'zod';

const id = z.number().int().positive();
const version = z.number().int().positive();
const text = (max: number) => z.string().max(max);

export const CODE_BANDS = ['early', 'middle', 'latter'] as const;
export const codeBandSchema = z.enum(CODE_BANDS);
export type CodeBand = z.infer<typeof codeBandSchema>;

/**
 * A code as tags and URLs name it: `stage:<id>` (a target stage), `phase:<id>` (a model's phase), `code:<id>` (one of
 * the review's own codes). Only these three can be tagged; the tree's other nodes are `root:stages`, `root:models`,
 * `root:categories` and `model:<frameworkId>`.
 */
export const taggableRefSchema = z.string().regex(/^(stage|phase|code):[1-9]\d*$/, 'must be stage:ID, phase:ID or code:ID');
export const nodeRefSchema = z.string().regex(
  /^((stage|phase|code|model):[1-9]\d*|root:(stages|models|categories))$/,
  'must be stage:ID, phase:ID, code:ID, model:ID or root:stages|models|categories',
);
export type TaggableRef = z.infer<typeof taggableRefSchema>;
export type NodeRef = z.infer<typeof nodeRefSchema>;

export const NODE_KINDS = ['root', 'model', 'stage', 'phase', 'code'] as const;

export const codebookNodeSchema = z.object({
  ref: z.string(),
  kind: z.enum(NODE_KINDS),
  /** the stage's, phase's, code's or model's own id; null for the three roots */
  id: id.nullable(),
  parentRef: z.string().nullable(),
  label: z.string(),
  description: z.string(),
  /** own codes: the band set on them; stages and phases: their band, read from its label or position */
  band: codeBandSchema.nullable(),
  /** the labels from the root down, e.g. ["Stages", "Mobilising"]; the CLI accepts them joined with "/" */
  path: z.array(z.string()),
  depth: z.number().int().nonnegative(),
  position: z.number().int(),
  /** stages, phases and the roots come from the framework and are edited there, not in the codebook */
  readOnly: z.boolean(),
  taggable: z.boolean(),
  /** own codes only */
  version: version.nullable(),
  /** live tags on this code itself (children not included) */
  tags: z.number().int().nonnegative(),
});
export type CodebookNode = z.infer<typeof codebookNodeSchema>;

export const codebookSchema = z.object({
  /** every node in tree order (pre-order: a node, then its children by position) */
  nodes: z.array(codebookNodeSchema),
});
export type Codebook = z.infer<typeof codebookSchema>;

/** One of the review's own codes as stored. */
export const codeSchema = z.object({
  id,
  reviewId: id,
  parentId: id.nullable(),
  label: z.string(),
  description: z.string(),
  band: codeBandSchema.nullable(),
  position: z.number().int(),
  version,
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
});
export type Code = z.infer<typeof codeSchema>;

const codeLabel = z.string().trim().min(1, 'must not be empty').max(200);

export const codeCreateSchema = z.strictObject({
  label: codeLabel,
  description: text(5000).optional(),
  band: codeBandSchema.nullable().optional(),
  /** null or absent: a top-level category */
  parentId: id.nullable().optional(),
  /** 0-based place among its siblings; absent: at the end */
  position: z.number().int().nonnegative().optional(),
});
export type CodeCreate = z.infer<typeof codeCreateSchema>;

export const codeUpdateSchema = z.strictObject({
  version,
  label: codeLabel.optional(),
  description: text(5000).optional(),
  band: codeBandSchema.nullable().optional(),
  /** move under another own code (null: top level); a code cannot move under itself or its descendants */
  parentId: id.nullable().optional(),
  /** 0-based place among its (new) siblings */
  position: z.number().int().nonnegative().optional(),
});
export type CodeUpdate = z.infer<typeof codeUpdateSchema>;

export const codeMergeSchema = z.strictObject({
  /** the code that A's tags move to */
  into: taggableRefSchema,
  /** A's version as read */
  version: version.optional(),
});
export type CodeMerge = z.infer<typeof codeMergeSchema>;

export const codeDeleteQuerySchema = z.object({
  version: z.coerce.number().int().positive().optional(),
  /** move the code's tags here first; without it a code in use is not deleted (409) */
  moveTagsTo: taggableRefSchema.optional(),
});

/**
 * What a delete or merge did, as the answer: POST …/coding/codes/restore with it puts everything back (the code out
 * of the trash, moved tags back on it, collapsed duplicates restored, children back under it).
 */
export const codeRemovalSchema = z.object({
  code: codeSchema,
  /** where the tags went; null: the code had none */
  into: taggableRefSchema.nullable(),
  movedTagIds: z.array(id),
  /** tags of the code that duplicated one already on `into` (same item, quote and reviewer), put in the trash */
  collapsedTagIds: z.array(id),
  movedChildren: z.array(z.object({ id, parentId: id.nullable(), position: z.number().int() })),
});
export type CodeRemoval = z.infer<typeof codeRemovalSchema>;

export const tagSchema = z.object({
  id,
  reviewId: id,
  itemId: id,
  code: taggableRefSchema,
  quote: z.string(),
  locator: z.string(),
  note: z.string(),
  reviewerId: id,
  reviewerName: z.string(),
  version,
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
});
export type Tag = z.infer<typeof tagSchema>;

export const tagCreateSchema = z.strictObject({
  itemId: id,
  code: taggableRefSchema,
  quote: text(20_000).optional(),
  /** a page ("p. 12", "12–14") or section */
  locator: text(200).optional(),
  note: text(5000).optional(),
});
export type TagCreate = z.infer<typeof tagCreateSchema>;

export const tagUpdateSchema = z.strictObject({
  version,
  code: taggableRefSchema.optional(),
  quote: text(20_000).optional(),
  locator: text(200).optional(),
  note: text(5000).optional(),
});
export type TagUpdate = z.infer<typeof tagUpdateSchema>;

export const tagListQuerySchema = z.object({
  itemId: z.coerce.number().int().positive().optional(),
  /** tags on this code, or with `descendants=true` on it or anything under it */
  code: nodeRefSchema.optional(),
  descendants: z.enum(['true', 'false']).optional(),
  reviewerId: z.coerce.number().int().positive().optional(),
  /** `true`: the tags of the person named by X-Workbench-Reviewer */
  mine: z.enum(['true', 'false']).optional(),
});
export type TagListQuery = z.infer<typeof tagListQuerySchema>;

export const codingItemSchema = z.object({
  id,
  title: z.string(),
  authors: z.array(z.string()),
  year: z.number().int().nullable(),
  container: z.string(),
  doi: z.string(),
  abstract: z.string(),
  keywords: z.array(z.string()),
  /** "Surname (2020) Title", plain text: the label used in matrices and exports */
  reference: z.string(),
  /** the codes its live tags use, each once */
  codes: z.array(taggableRefSchema),
  tags: z.number().int().nonnegative(),
  /** tags by the person named by X-Workbench-Reviewer (0 when nobody is named) */
  mine: z.number().int().nonnegative(),
});
export type CodingItem = z.infer<typeof codingItemSchema>;

export const codingItemsSchema = z.object({
  /**
   * `screening`: the items finally included at the review's last screening stage (it has decisions);
   * `library`: every unmerged library item, because the review has no screening decisions yet
   */
  source: z.enum(['screening', 'library']),
  stageId: id.nullable(),
  items: z.array(codingItemSchema),
});
export type CodingItems = z.infer<typeof codingItemsSchema>;

export const quoteSchema = z.object({
  tagId: id,
  itemId: id,
  code: taggableRefSchema,
  quote: z.string(),
  locator: z.string(),
  reviewerId: id,
});
export type Quote = z.infer<typeof quoteSchema>;

export const MATRIX_ORIENTATIONS = ['items-codes', 'codes-items'] as const;
export const matrixQuerySchema = z.object({
  orientation: z.enum(MATRIX_ORIENTATIONS).default('items-codes'),
  /** only the codes under this node (default: every taggable code) */
  branch: nodeRefSchema.optional(),
  band: codeBandSchema.optional(),
  reviewerId: z.coerce.number().int().positive().optional(),
});
export type MatrixQuery = z.infer<typeof matrixQuerySchema>;

const axisEntrySchema = z.object({ key: z.string(), label: z.string() });
export const matrixSchema = z.object({
  orientation: z.enum(MATRIX_ORIENTATIONS),
  /** items-codes: rows are items (key = item id as text), columns are codes (key = ref); codes-items: the reverse */
  rows: z.array(axisEntrySchema),
  columns: z.array(axisEntrySchema),
  /** only the non-empty cells; an absent cell has no tags */
  cells: z.array(z.object({ row: z.string(), column: z.string(), quotes: z.array(quoteSchema) })),
});
export type Matrix = z.infer<typeof matrixSchema>;

export const evidenceMapQuerySchema = z.object({
  /** rows: the children of this node (default root:stages) */
  rows: nodeRefSchema.optional(),
  /** columns: the children of this node (default root:categories, the review's top-level own codes) */
  columns: nodeRefSchema.optional(),
  reviewerId: z.coerce.number().int().positive().optional(),
});
export type EvidenceMapQuery = z.infer<typeof evidenceMapQuerySchema>;

export const evidenceMapSchema = z.object({
  rowBranch: z.string(),
  columnBranch: z.string(),
  rows: z.array(axisEntrySchema),
  columns: z.array(axisEntrySchema),
  /** every row × column: items = distinct items tagged with the row's code (or below it) and the column's */
  cells: z.array(z.object({
    row: z.string(),
    column: z.string(),
    items: z.number().int().nonnegative(),
    itemIds: z.array(id),
    /** no item has both: an evidence gap, not missing data */
    gap: z.boolean(),
  })),
  maxItems: z.number().int().nonnegative(),
});
export type EvidenceMap = z.infer<typeof evidenceMapSchema>;

export const evidenceCellQuerySchema = z.object({ row: nodeRefSchema, column: nodeRefSchema });
export const evidenceCellSchema = z.object({
  row: z.string(),
  column: z.string(),
  items: z.array(z.object({ itemId: id, reference: z.string(), title: z.string(), quotes: z.array(quoteSchema) })),
});
export type EvidenceCell = z.infer<typeof evidenceCellSchema>;

export const codingAgreementQuerySchema = z.object({
  /** the two reviewers; absent: the first two team members who have tagged */
  a: z.coerce.number().int().positive().optional(),
  b: z.coerce.number().int().positive().optional(),
});

export const codeAgreementSchema = z.object({
  code: taggableRefSchema,
  label: z.string(),
  path: z.array(z.string()),
  /** items both put the code on, only A, only B, neither */
  both: z.number().int().nonnegative(),
  onlyA: z.number().int().nonnegative(),
  onlyB: z.number().int().nonnegative(),
  neither: z.number().int().nonnegative(),
  percentAgreement: z.number().nullable(),
  kappa: z.number().nullable(),
  kappaCi95: z.tuple([z.number(), z.number()]).nullable(),
  note: z.string(),
});
export type CodeAgreement = z.infer<typeof codeAgreementSchema>;

export const codingAgreementSchema = z.object({
  reviewers: z.array(z.object({ id, name: z.string() })),
  /** items that both reviewers have tagged at least once: the items agreement is computed over */
  items: z.number().int().nonnegative(),
  codes: z.array(codeAgreementSchema),
  disagreements: z.array(z.object({
    itemId: id,
    reference: z.string(),
    code: taggableRefSchema,
    label: z.string(),
    /** who put the code on the item (the other did not) */
    taggedBy: id,
    quotes: z.array(quoteSchema),
  })),
});
export type CodingAgreement = z.infer<typeof codingAgreementSchema>;

export const alignmentEvidenceSchema = z.object({
  alignmentId: id,
  phase: taggableRefSchema,
  stage: taggableRefSchema.nullable(),
  /** items tagged with both the alignment's phase and its stage, with those tags */
  items: z.array(z.object({ itemId: id, reference: z.string(), title: z.string(), tags: z.array(tagSchema) })),
});
export type AlignmentEvidence = z.infer<typeof alignmentEvidenceSchema>;

export const attachEvidenceSchema = z.strictObject({ tagId: id });
export const attachedEvidenceSchema = z.object({
  citationId: id,
  citekey: z.string(),
  /** the item had no citation in the review yet: one was made from its CSL-JSON */
  citationCreated: z.boolean(),
  link: z.object({
    id, citationId: id, targetType: z.literal('alignment'), targetId: id, locator: z.string(), quote: z.string(), createdAt: z.string(),
  }),
});
export type AttachedEvidence = z.infer<typeof attachedEvidenceSchema>;

export const stageSupportSchema = z.array(z.object({
  stageId: id,
  /** distinct items tagged with the stage, or with a phase aligned to it */
  items: z.number().int().nonnegative(),
  direct: z.number().int().nonnegative(),
}));
export type StageSupport = z.infer<typeof stageSupportSchema>;

export const CODING_EXPORTS = {
  extracts: ['csv', 'xlsx', 'docx'],
  codebook: ['csv', 'json'],
  'evidence-map': ['csv', 'html', 'svg', 'json'],
  matrix: ['xlsx', 'docx', 'csv'],
} as const;
export type CodingExport = keyof typeof CODING_EXPORTS;
export const codingExportParamsSchema = z.enum(['extracts', 'codebook', 'evidence-map', 'matrix']);
export const codingExportQuerySchema = z.object({
  format: z.enum(['csv', 'xlsx', 'docx', 'json', 'html', 'svg']).optional(),
  orientation: z.enum(MATRIX_ORIENTATIONS).optional(),
  branch: nodeRefSchema.optional(),
  band: codeBandSchema.optional(),
  rows: nodeRefSchema.optional(),
  columns: nodeRefSchema.optional(),
});
export type CodingExportQuery = z.infer<typeof codingExportQuerySchema>;
