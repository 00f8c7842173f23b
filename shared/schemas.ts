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

export const reviewSchema = z.object({
  id,
  slug: z.string(),
  title: z.string(),
  description: z.string(),
  citation: z.string(),
  doi: z.string().nullable(),
  crosswalkCaption: z.string(),
  targetCaption: z.string(),
  version,
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Review = z.infer<typeof reviewSchema>;

export const reviewCreateSchema = z.strictObject({
  slug: z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'lower-case letters, digits and hyphens, at most 80'),
  title: label(),
  description: text().optional(),
  citation: text(500).optional(),
  doi: z.string().max(300).nullable().optional(),
  crosswalkCaption: text(500).optional(),
  targetCaption: text(500).optional(),
});
export const reviewUpdateSchema = reviewCreateSchema.partial().extend({ version });

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
