// zod schemas for every entity the API reads and writes; types are inferred from them, never written twice.
import { z } from 'zod';

export const RELATIONS = ['equivalent', 'subset-of', 'superset-of', 'intersects-with', 'no-counterpart'] as const;
export const relationSchema = z.enum(RELATIONS);
export type Relation = z.infer<typeof relationSchema>;

export const ALIGNMENT_STATUSES = ['draft', 'accepted', 'disputed'] as const;
export const alignmentStatusSchema = z.enum(ALIGNMENT_STATUSES);

export const FRAMEWORK_ROLES = ['source', 'target'] as const;
export const frameworkRoleSchema = z.enum(FRAMEWORK_ROLES);

export const id = z.number().int().positive();
const version = z.number().int().positive();
const timestamp = z.string();
const label = (max = 500) => z.string().trim().min(1).max(max);
const text = (max = 10_000) => z.string().max(max);

/** Per-review choices: what the screens call each relation (empty = the defaults), and the reasons to exclude. */
export const reviewSettingsSchema = z.strictObject({
  relationLabels: z.partialRecord(relationSchema, z.string().trim().min(1).max(60)).default({}),
  exclusionReasons: z
    .array(z.string().trim().min(1).max(200))
    .max(100)
    .default([])
    .refine((reasons) => new Set(reasons).size === reasons.length, 'must not list a reason twice'),
  /** words and phrases marked in records as they are screened ("child*" is a prefix) */
  highlightTerms: z.strictObject({
    include: z.array(z.string().trim().min(1).max(100)).max(200).default([]),
    exclude: z.array(z.string().trim().min(1).max(100)).max(200).default([]),
  }).default({ include: [], exclude: [] }),
});
export type ReviewSettings = z.infer<typeof reviewSettingsSchema>;
export const DEFAULT_REVIEW_SETTINGS: ReviewSettings = { relationLabels: {}, exclusionReasons: [], highlightTerms: { include: [], exclude: [] } };

export const reviewSchema = z.object({
  id,
  slug: z.string(),
  title: z.string(),
  /** the review question */
  question: z.string(),
  description: z.string(),
  citation: z.string(),
  doi: z.string().nullable(),
  crosswalkCaption: z.string(),
  targetCaption: z.string(),
  /** set while the review is archived (still listed, flagged) */
  archivedAt: timestamp.nullable(),
  /** set while the review is in the trash (not listed; undelete or delete permanently) */
  deletedAt: timestamp.nullable(),
  settings: reviewSettingsSchema,
  version,
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Review = z.infer<typeof reviewSchema>;

export const REVIEW_SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,79}$/;
export const REVIEW_TEMPLATES = ['seed'] as const;

/** What a new review starts from. */
export const reviewStartSchema = z.discriminatedUnion('kind', [
  /** the review and an empty target framework */
  z.strictObject({ kind: z.literal('blank') }),
  /** the seed review's bands and target framework (Table 2), from the fixture file */
  z.strictObject({ kind: z.literal('template'), template: z.enum(REVIEW_TEMPLATES) }),
  /** another review's bands and target framework with its stages */
  z.strictObject({ kind: z.literal('target'), fromReviewId: id }),
  /** a copy of another review; without its alignments or its literature library if asked */
  z.strictObject({
    kind: z.literal('copy'),
    fromReviewId: id,
    alignments: z.boolean().default(true),
    literature: z.boolean().default(true),
  }),
]);
export type ReviewStart = z.infer<typeof reviewStartSchema>;

const reviewFields = {
  slug: z.string().regex(REVIEW_SLUG_PATTERN, 'lower-case letters, digits and hyphens, at most 80'),
  title: label(),
  question: text(2000),
  description: text(),
  citation: text(500),
  doi: z.string().max(300).nullable(),
  crosswalkCaption: text(500),
  targetCaption: text(500),
};
export const reviewCreateSchema = z.strictObject({
  ...reviewFields,
  /** derived from the title when absent (made unique with -2, -3, …) */
  slug: reviewFields.slug.optional(),
  question: reviewFields.question.optional(),
  description: reviewFields.description.optional(),
  citation: reviewFields.citation.optional(),
  doi: reviewFields.doi.optional(),
  crosswalkCaption: reviewFields.crosswalkCaption.optional(),
  targetCaption: reviewFields.targetCaption.optional(),
  /** absent: the review alone, with no target framework (as before there were start kinds) */
  start: reviewStartSchema.optional(),
});
export type ReviewCreate = z.infer<typeof reviewCreateSchema>;
export const reviewUpdateSchema = z.strictObject(reviewFields).partial().extend({
  /** the whole settings object */
  settings: reviewSettingsSchema.optional(),
  /** true sets archivedAt, false clears it */
  archived: z.boolean().optional(),
  version,
});
export type ReviewUpdate = z.infer<typeof reviewUpdateSchema>;

/** A member of a review's team: the global reviewer, with their place in this review's list. */
export const reviewTeamMemberSchema = z.object({
  id,
  name: z.string(),
  email: z.string().nullable(),
  position: z.number().int(),
  /** shown beside their screening decisions */
  initials: z.string(),
  /** a lead unblinds screening stages and resolves conflicts */
  role: z.enum(['reviewer', 'lead']),
});
export type ReviewTeamMember = z.infer<typeof reviewTeamMemberSchema>;
export const reviewTeamAddSchema = z.strictObject({
  name: label(200),
  email: z.email().max(300).nullable().optional(),
});

export const bandSchema = z.object({
  id,
  reviewId: id,
  position: z.number().int(),
  label: z.string(),
  version,
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Band = z.infer<typeof bandSchema>;
export const bandCreateSchema = z.strictObject({ label: label(200) });
export const bandUpdateSchema = bandCreateSchema.partial().extend({ version });

export const frameworkSchema = z.object({
  id,
  reviewId: id,
  role: frameworkRoleSchema,
  name: z.string(),
  shortName: z.string(),
  citation: z.string(),
  discipline: z.string(),
  description: z.string(),
  position: z.number().int(),
  version,
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Framework = z.infer<typeof frameworkSchema>;
export const frameworkCreateSchema = z.strictObject({
  role: frameworkRoleSchema.default('source'),
  name: label(),
  shortName: text(100).optional(),
  citation: text(500).optional(),
  discipline: text(200).optional(),
  description: text().optional(),
});
export const frameworkUpdateSchema = frameworkCreateSchema.omit({ role: true }).partial().extend({ version });

export const phaseSchema = z.object({
  id,
  frameworkId: id,
  bandId: id.nullable(),
  position: z.number().int(),
  label: z.string(),
  description: z.string(),
  version,
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Phase = z.infer<typeof phaseSchema>;
export const phaseCreateSchema = z.strictObject({
  label: label(),
  bandId: id.nullable().optional(),
  description: text().optional(),
});
export const phaseUpdateSchema = phaseCreateSchema.partial().extend({ version });

export const stageSchema = z.object({
  id,
  frameworkId: id,
  bandId: id.nullable(),
  position: z.number().int(),
  name: z.string(),
  focus: z.string(),
  purpose: z.string(),
  keyLabel: z.string(),
  keyQuestion: z.string(),
  successMeasures: z.string(),
  version,
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Stage = z.infer<typeof stageSchema>;
export const stageCreateSchema = z.strictObject({
  name: label(200),
  bandId: id.nullable().optional(),
  focus: text(1000).optional(),
  purpose: text().optional(),
  keyLabel: text(200).optional(),
  keyQuestion: text(1000).optional(),
  successMeasures: text().optional(),
});
export const stageUpdateSchema = stageCreateSchema.partial().extend({ version });

export const alignmentSchema = z.object({
  id,
  phaseId: id,
  stageId: id.nullable(),
  relation: relationSchema,
  confidence: z.number().min(0).max(1).nullable(),
  rationale: z.string(),
  reviewerId: id.nullable(),
  status: alignmentStatusSchema,
  version,
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Alignment = z.infer<typeof alignmentSchema>;

const alignmentFields = {
  phaseId: id,
  stageId: id.nullable(),
  relation: relationSchema,
  confidence: z.number().min(0).max(1).nullable().optional(),
  rationale: text().optional(),
  reviewerId: id.nullable().optional(),
  status: alignmentStatusSchema.optional(),
};
const noCounterpartRule = (a: { relation?: Relation; stageId?: number | null }, ctx: z.RefinementCtx): void => {
  if (a.relation === undefined || a.stageId === undefined) return;
  if (a.relation === 'no-counterpart' && a.stageId !== null) {
    ctx.addIssue({ code: 'custom', path: ['stageId'], message: "must be null when relation is 'no-counterpart'" });
  }
  if (a.relation !== 'no-counterpart' && a.stageId === null) {
    ctx.addIssue({ code: 'custom', path: ['stageId'], message: `is required when relation is '${a.relation}'` });
  }
};
export const alignmentCreateSchema = z.strictObject(alignmentFields).superRefine(noCounterpartRule);
export const alignmentUpdateSchema = z
  .strictObject({
    stageId: alignmentFields.stageId.optional(),
    relation: relationSchema.optional(),
    confidence: alignmentFields.confidence,
    rationale: alignmentFields.rationale,
    reviewerId: alignmentFields.reviewerId,
    status: alignmentFields.status,
    version,
  })
  .superRefine(noCounterpartRule);

export const flowCountSchema = z.object({
  id,
  reviewId: id,
  position: z.number().int(),
  key: z.string(),
  label: z.string(),
  count: z.number().int().nonnegative().nullable(),
  note: z.string(),
});
export type FlowCount = z.infer<typeof flowCountSchema>;

export const reorderSchema = z.strictObject({
  ids: z.array(id).min(1).max(10_000),
});

export const idParamSchema = z.coerce.number().int().positive();

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  instance: z.string().optional(),
  errors: z.array(z.object({ pointer: z.string(), message: z.string() })).optional(),
  current: z.unknown().optional(),
});
export type Problem = z.infer<typeof problemSchema>;

export const healthSchema = z.object({ status: z.literal('ok'), version: z.string(), schemaVersion: z.string() });
