// CSL-JSON, the interchange form of a reference (citations and literature items alike).
import { z } from 'zod';

export const cslNameSchema = z.looseObject({
  family: z.string().optional(),
  given: z.string().optional(),
  'dropping-particle': z.string().optional(),
  'non-dropping-particle': z.string().optional(),
  suffix: z.string().optional(),
  /** an organisation, or a name that could not be split */
  literal: z.string().optional(),
});
export type CslName = z.infer<typeof cslNameSchema>;

export const cslDateSchema = z.looseObject({
  'date-parts': z.array(z.array(z.union([z.number(), z.string()]))).optional(),
  raw: z.string().optional(),
  literal: z.string().optional(),
});
export type CslDate = z.infer<typeof cslDateSchema>;

export const cslItemSchema = z.looseObject({
  id: z.union([z.string(), z.number()]),
  type: z.string(),
  title: z.string().optional(),
  author: z.array(cslNameSchema).optional(),
  editor: z.array(cslNameSchema).optional(),
  issued: cslDateSchema.optional(),
  'container-title': z.string().optional(),
  volume: z.union([z.string(), z.number()]).optional(),
  issue: z.union([z.string(), z.number()]).optional(),
  page: z.string().optional(),
  publisher: z.string().optional(),
  'publisher-place': z.string().optional(),
  DOI: z.string().optional(),
  URL: z.string().optional(),
  ISBN: z.string().optional(),
  ISSN: z.string().optional(),
  abstract: z.string().optional(),
  keyword: z.string().optional(),
  language: z.string().optional(),
  note: z.string().optional(),
  'citation-key': z.string().optional(),
});
export type CslItem = z.infer<typeof cslItemSchema>;
