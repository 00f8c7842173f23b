// zod schemas of screening: stages, decisions, the queue, progress, conflicts, agreement, decision imports and the
// PRISMA 2020 flow; the API validates with them and the client reads its types from them.
import { z } from 'zod';

const id = z.number().int().positive();
const version = z.number().int().positive();

export const STAGE_KINDS = ['title', 'title-abstract', 'abstract', 'full-text'] as const;
export const stageKindSchema = z.enum(STAGE_KINDS);
export type StageKind = z.infer<typeof stageKindSchema>;
export const STAGE_SOURCES = ['library', 'previous'] as const;
export const DECISIONS = ['include', 'exclude', 'maybe'] as const;
export const decisionSchema = z.enum(DECISIONS);
export type Decision = z.infer<typeof decisionSchema>;
export const FINALS = ['include', 'exclude', 'conflict', 'undecided'] as const;
export type Final = (typeof FINALS)[number];
export const SOURCE_KINDS = ['database', 'register', 'other'] as const;
export const sourceKindSchema = z.enum(SOURCE_KINDS);
export type SourceKind = z.infer<typeof sourceKindSchema>;
export const TEAM_ROLES = ['reviewer', 'lead'] as const;

export const screeningStageSchema = z.object({
  id,
  position: z.number().int(),
  kind: stageKindSchema,
  label: z.string(),
  source: z.enum(STAGE_SOURCES),
  reviewersRequired: z.number().int().positive(),
  blind: z.boolean(),
  unblindedAt: z.string().nullable(),
  version,
  /** items in the stage's set; null while it depends on a stage that is still blind */
  items: z.number().int().nonnegative().nullable(),
});
export type ScreeningStage = z.infer<typeof screeningStageSchema>;

const stageFields = {
  kind: stageKindSchema,
  label: z.string().trim().max(200),
  source: z.enum(STAGE_SOURCES),
  reviewersRequired: z.number().int().min(1).max(20),
  blind: z.boolean(),
};
export const stageCreateSchema = z.strictObject({
  kind: stageFields.kind,
  label: stageFields.label.optional(),
  source: stageFields.source.optional(),
  reviewersRequired: stageFields.reviewersRequired.optional(),
  blind: stageFields.blind.optional(),
});
export type StageCreate = z.infer<typeof stageCreateSchema>;
export const stageUpdateSchema = z.strictObject(stageFields).partial().extend({ version });
export type StageUpdate = z.infer<typeof stageUpdateSchema>;

const reason = z.string().trim().max(200);
const note = z.string().max(5000);
export const decisionBodySchema = z.strictObject({ decision: decisionSchema, reason: reason.optional(), note: note.optional() });
export type DecisionBody = z.infer<typeof decisionBodySchema>;

export const decisionSchemaOut = z.object({
  stageId: id, itemId: id, reviewerId: id, decision: decisionSchema, reason: z.string(), note: z.string(),
  createdAt: z.string(), updatedAt: z.string(),
});
export type ScreeningDecision = z.infer<typeof decisionSchemaOut>;

export const resolutionBodySchema = z.strictObject({
  itemId: id, decision: z.enum(['include', 'exclude']), reason: reason.optional(), note,
});
export type ResolutionBody = z.infer<typeof resolutionBodySchema>;
export const resolutionSchema = z.object({
  stageId: id, itemId: id, decision: z.enum(['include', 'exclude']), reason: z.string(), note: z.string(),
  reviewerId: id, createdAt: z.string(),
});
export type Resolution = z.infer<typeof resolutionSchema>;

export const screeningItemSchema = z.object({
  id, title: z.string(), authors: z.array(z.string()), year: z.number().int().nullable(), container: z.string(),
  abstract: z.string(), keywords: z.array(z.string()), doi: z.string(),
});
export type ScreeningItem = z.infer<typeof screeningItemSchema>;

const finalSchema = z.enum(FINALS);
export const QUEUE_FILTERS = ['undecided', 'mine', 'conflicts', 'maybe', 'all'] as const;
export const queueQuerySchema = z.object({
  filter: z.enum(QUEUE_FILTERS).default('undecided'),
  order: z.enum(['random', 'relevance']).default('random'),
  /** the position (in the stage's order) of the last record already read */
  after: z.coerce.number().int().min(-1).default(-1),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export const queueSchema = z.object({
  total: z.number().int(),
  items: z.array(z.object({
    position: z.number().int(),
    item: screeningItemSchema,
    mine: z.object({ decision: decisionSchema, reason: z.string(), note: z.string() }).nullable(),
    others: z.array(z.object({ reviewerId: id, initials: z.string(), decision: decisionSchema, reason: z.string() })).nullable(),
    final: finalSchema.nullable(),
  })),
  nextAfter: z.number().int().nullable(),
  expectedRelevantRemaining: z.number().nullable(),
});
export type Queue = z.infer<typeof queueSchema>;

const counts = { decided: z.number().int(), include: z.number().int(), exclude: z.number().int(), maybe: z.number().int() };
export const progressSchema = z.object({
  total: z.number().int(),
  reviewers: z.array(z.object({ reviewerId: id, name: z.string(), initials: z.string(), ...counts })),
  final: z.object({ include: z.number().int(), exclude: z.number().int(), conflict: z.number().int(), undecided: z.number().int() }).nullable(),
});
export type Progress = z.infer<typeof progressSchema>;

export const conflictSchema = z.object({
  item: screeningItemSchema,
  decisions: z.array(z.object({ reviewerId: id, initials: z.string(), decision: decisionSchema, reason: z.string(), note: z.string() })),
});

export const agreementPairSchema = z.object({
  a: id, b: id, items: z.number().int(), percentAgreement: z.number().nullable(), kappa: z.number().nullable(),
  kappaCi95: z.tuple([z.number(), z.number()]).nullable(), note: z.string(),
});
export const agreementSchema = z.object({
  stage: z.object({ id, kind: stageKindSchema, label: z.string() }),
  items: z.number().int(),
  reviewers: z.array(z.object({ id, name: z.string(), initials: z.string() })),
  pairs: z.array(agreementPairSchema),
  fleissKappa: z.number().nullable(),
  fleissNote: z.string(),
});
export type AgreementReport = z.infer<typeof agreementSchema>;

export const decisionImportQuerySchema = z.object({ stage: z.coerce.number().int().positive() });
export const decisionImportBodySchema = z.strictObject({ text: z.string().min(1).max(50 * 1024 ** 2) });
export const decisionImportReportSchema = z.object({
  imported: z.number().int(),
  skipped: z.array(z.object({ line: z.number().int(), reason: z.string() })),
});
export type DecisionImportReport = z.infer<typeof decisionImportReportSchema>;

export const teamMemberUpdateSchema = z.strictObject({
  initials: z.string().trim().max(8).optional(),
  role: z.enum(TEAM_ROLES).optional(),
});

export const batchSourceKindSchema = z.strictObject({ sourceKind: sourceKindSchema });

export const prismaBoxSchema = z.object({
  count: z.number().int().nonnegative().nullable(),
  /** true when the count was typed in rather than derived from the records */
  entered: z.boolean(),
  note: z.string(),
  /** reports excluded, per reason */
  reasons: z.array(z.object({ reason: z.string(), count: z.number().int() })).optional(),
});
export type PrismaBox = z.infer<typeof prismaBoxSchema>;
export const prismaFlowSchema = z.object({
  boxes: z.record(z.string(), prismaBoxSchema),
  sources: z.array(z.object({ name: z.string(), kind: sourceKindSchema, records: z.number().int(), batches: z.number().int() })),
});
export type PrismaFlowOut = z.infer<typeof prismaFlowSchema>;
export const prismaEnteredBodySchema = z.strictObject({
  count: z.number().int().nonnegative().nullable(),
  note: z.string().max(2000).default(''),
});
