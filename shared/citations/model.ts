// What the citation API reads and writes: zod schemas with their inferred types, shared by server and client.
import { z } from 'zod';
import { cslItemSchema } from '../csl.ts';
import { BIBLIOGRAPHY_FORMATS, BIBLIOGRAPHY_SCOPES, CITATION_STYLES, CITATION_TYPES, LINK_TARGETS } from './labels.ts';

export const citationStyleSchema = z.enum(CITATION_STYLES);
export type CitationStyle = z.infer<typeof citationStyleSchema>;

/** bibliography export formats: machine-readable, or formatted in a style */
export const bibliographyFormatSchema = z.enum(BIBLIOGRAPHY_FORMATS);
export type BibliographyFormat = z.infer<typeof bibliographyFormatSchema>;

/** which part of a review a bibliography covers: all of it, Table 1 (source models) or Table 2 (target framework) */
export const bibliographyScopeSchema = z.enum(BIBLIOGRAPHY_SCOPES);
export type BibliographyScope = z.infer<typeof bibliographyScopeSchema>;

/** what can be pasted: the formats the literature importer reads, and bare DOIs */
export const PASTE_FORMATS = ['bibtex', 'ris', 'csl-json', 'endnote-xml', 'medline', 'wos', 'csv', 'pubmed-xml', 'doi'] as const;
export const pasteFormatSchema = z.enum(PASTE_FORMATS);
export type PasteFormat = z.infer<typeof pasteFormatSchema>;

export const linkTargetSchema = z.enum(LINK_TARGETS);
export type LinkTarget = z.infer<typeof linkTargetSchema>;

const id = z.number().int().positive();
const version = z.number().int().positive();

export const citekeySchema = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_:.-]{0,99}$/, 'a letter, then letters, digits, _ : . or -, at most 100 characters');

export const citationSchema = z.object({
  id,
  reviewId: id,
  citekey: z.string(),
  csl: cslItemSchema,
  doi: z.string().nullable(),
  /** fields a usable reference still lacks (empty when complete) */
  missing: z.array(z.string()),
  /** missing fields, or metadata that could not be verified (custom.incomplete) */
  incomplete: z.boolean(),
  version,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Citation = z.infer<typeof citationSchema>;

/** The add-by-form fields; authors one per line, "Family, Given" or an organisation's name. */
export const citationFormSchema = z.strictObject({
  type: z.enum(CITATION_TYPES),
  authors: z.string().max(5000).default(''),
  year: z.string().regex(/^(\d{4})?$/, 'a four-digit year, or empty').default(''),
  title: z.string().trim().min(1, 'a title is required').max(2000),
  container: z.string().max(1000).default(''),
  volume: z.string().max(50).default(''),
  issue: z.string().max(50).default(''),
  pages: z.string().max(50).default(''),
  publisher: z.string().max(500).default(''),
  doi: z.string().max(300).default(''),
  url: z.union([z.literal(''), z.url({ protocol: /^https?$/ })]).default(''),
});
export type CitationForm = z.input<typeof citationFormSchema>;
export type CitationFormValues = z.output<typeof citationFormSchema>;

const cslInputSchema = cslItemSchema.extend({ id: z.union([z.string(), z.number()]).optional() });

export const citationCreateSchema = z.union([
  z.strictObject({ csl: cslInputSchema, citekey: citekeySchema.optional() }),
  z.strictObject({ form: citationFormSchema, citekey: citekeySchema.optional() }),
]);
export type CitationCreate = z.infer<typeof citationCreateSchema>;

export const citationUpdateSchema = z.strictObject({
  csl: cslInputSchema.optional(),
  form: citationFormSchema.optional(),
  citekey: citekeySchema.optional(),
  version,
});

export const importRequestSchema = z.strictObject({
  text: z.string().min(1, 'paste at least one reference').max(2_000_000),
  format: z.union([z.literal('auto'), pasteFormatSchema]).default('auto'),
});

export const importFailureSchema = z.object({ position: z.number().int(), reason: z.string(), raw: z.string() });
export const importResultSchema = z.object({
  format: pasteFormatSchema,
  created: z.array(citationSchema),
  failures: z.array(importFailureSchema),
  /** per created citation, notes such as "repeated DO line ignored" */
  warnings: z.array(z.object({ position: z.number().int(), citekey: z.string(), messages: z.array(z.string()) })),
});
export type ImportResult = z.infer<typeof importResultSchema>;

export const doiRequestSchema = z.strictObject({ doi: z.string().trim().min(1).max(300) });
export const doiResultSchema = z.object({
  citation: citationSchema,
  /** true when doi.org answered with metadata; false when only the DOI was kept */
  resolved: z.boolean(),
  message: z.string(),
});
export type DoiResult = z.infer<typeof doiResultSchema>;

export const citationLinkSchema = z.object({
  id,
  citationId: id,
  targetType: linkTargetSchema,
  targetId: id,
  locator: z.string(),
  quote: z.string(),
  createdAt: z.string(),
});
export type CitationLink = z.infer<typeof citationLinkSchema>;

export const linkCreateSchema = z.strictObject({
  targetType: linkTargetSchema,
  targetId: id,
  locator: z.string().trim().max(100).default(''),
  quote: z.string().max(5000).default(''),
});

export const formattedSchema = z.object({
  style: citationStyleSchema,
  /** e.g. "(Murray et al., 2010)"; with the link's locator when asked for one */
  inText: z.string(),
  /** the bibliography entry as HTML from citation-js: sanitise before showing */
  html: z.string(),
  text: z.string(),
});
export type Formatted = z.infer<typeof formattedSchema>;

/** A link with its citation and the citation formatted, as an item's chips show it. */
export const linkedCitationSchema = citationLinkSchema.extend({ citation: citationSchema, formatted: formattedSchema });
export type LinkedCitation = z.infer<typeof linkedCitationSchema>;

export const bibliographyEntrySchema = z.object({ citationId: id, citekey: z.string(), html: z.string(), text: z.string() });
export const bibliographySchema = z.object({
  style: citationStyleSchema,
  scope: bibliographyScopeSchema,
  entries: z.array(bibliographyEntrySchema),
});
export type Bibliography = z.infer<typeof bibliographySchema>;
