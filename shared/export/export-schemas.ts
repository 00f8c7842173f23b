// zod schemas for export requests (server side), built from the plain lists in documents.ts.
import { z } from 'zod';
import { CITATION_STYLES, EXPORT_FORMATS, LAYOUTS } from './documents.ts';

export const layoutSchema = z.enum(LAYOUTS);
export const citationStyleSchema = z.enum(CITATION_STYLES);
export const exportFormatSchema = z.enum(EXPORT_FORMATS);
