// The shape of a review fixture file (fixtures/seed/*.json): a review as a researcher would transcribe it.
import { z } from 'zod';
import { relationSchema } from './schemas.ts';

const nonEmpty = z.string().trim().min(1);

export const seedFileSchema = z.strictObject({
  formatVersion: z.literal(1),
  review: z.strictObject({
    slug: nonEmpty,
    title: nonEmpty,
    /** the review question, in the paper's own words where it states one */
    question: z.string().default(''),
    description: z.string(),
    citation: z.string(),
    doi: z.string().nullable(),
    crosswalkCaption: z.string(),
    targetCaption: z.string(),
  }),
  bands: z.array(nonEmpty).min(1),
  sourceModels: z.array(
    z.strictObject({
      name: nonEmpty,
      citation: z.string(),
      /** band label → phase labels in printed order */
      phases: z.record(z.string(), z.array(nonEmpty)),
    }),
  ),
  targetFramework: z.strictObject({
    name: nonEmpty,
    citation: z.string(),
    stages: z.array(
      z.strictObject({
        name: nonEmpty,
        band: nonEmpty,
        focus: z.string(),
        purpose: z.string(),
        keyLabel: z.string(),
        keyQuestion: z.string(),
        successMeasures: z.string(),
      }),
    ),
  }),
  alignments: z.array(
    z.strictObject({ model: nonEmpty, phase: nonEmpty, stage: nonEmpty, relation: relationSchema, rationale: nonEmpty }),
  ),
  reviewFlow: z.array(
    z.strictObject({ key: nonEmpty, label: nonEmpty, count: z.number().int().nonnegative().nullable(), note: z.string().optional() }),
  ),
});
export type SeedFile = z.infer<typeof seedFileSchema>;
