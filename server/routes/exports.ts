// Downloads and previews of every export target, rendered by the same service as the CLI.
import type { Response } from 'express';
import { z } from 'zod';
import type { Repositories } from '../db/repositories.ts';
import { HttpProblem } from '../http/problem.ts';
import { defineRoute, type RouteDef } from '../http/route.ts';
import { idParamSchema } from '../../shared/schemas.ts';
import { exportFileName, exportTargetDefs, findTarget, FORMAT_INFO, type ExportTargetDef } from '../../shared/export/documents.ts';
import { citationStyleSchema, exportFormatSchema, layoutSchema } from '../../shared/export/export-schemas.ts';
import { renderHtmlTable } from '../../shared/export/html.ts';
import { targetTable } from '../../shared/export/render.ts';
import { buildCrosswalk } from '../../shared/crosswalk/crosswalk.ts';
import { ExportFormatError, renderExport, type ExportRequest } from '../services/export-document.ts';

const tag = 'exports';
const WHATS = exportTargetDefs.map((t) => t.what) as [string, ...string[]];

const params = z.object({ reviewId: idParamSchema, what: z.enum(WHATS) });
const query = z.strictObject({
  format: exportFormatSchema.optional(),
  layout: layoutSchema.default('bands'),
  style: citationStyleSchema.default('apa'),
  caption: z.string().max(500).optional(),
  bom: z.enum(['0', '1', 'true', 'false']).optional(),
  a: idParamSchema.optional(),
  b: idParamSchema.optional(),
});
type Query = z.infer<typeof query>;

export const exportPreviewSchema = z.object({
  what: z.string(),
  format: exportFormatSchema,
  mediaType: z.string(),
  fileName: z.string(),
  binary: z.boolean(),
  /** the file itself, for text formats */
  text: z.string().optional(),
  /** binary formats: the table as an escaped HTML fragment from the shared renderer */
  html: z.string().optional(),
});
export type ExportPreview = z.infer<typeof exportPreviewSchema>;

function requestOf(def: ExportTargetDef, q: Query): ExportRequest {
  const format = q.format ?? def.formats[0] ?? 'csv';
  if (!def.formats.includes(format)) {
    throw new HttpProblem(400, 'Bad Request', `/query/format: ${def.what} cannot be exported as ${format}; choose ${def.formats.join(', ')}`, {
      errors: [{ pointer: '/query/format', message: `must be one of ${def.formats.join(', ')} for ${def.what}` }],
    });
  }
  if ((q.a === undefined) !== (q.b === undefined)) {
    const missing = q.a === undefined ? 'a' : 'b';
    throw new HttpProblem(400, 'Bad Request', `/query/${missing}: name both models, a and b`, { errors: [{ pointer: `/query/${missing}`, message: 'name both models, a and b' }] });
  }
  return {
    what: def.what, format, layout: q.layout, style: q.style, caption: q.caption || undefined,
    bom: q.bom === '1' || q.bom === 'true', pair: q.a !== undefined && q.b !== undefined ? { a: q.a, b: q.b } : undefined,
  };
}

/** Async rendering happens after the router's synchronous error handling, so failures are answered here. */
function sendFailure(res: Response, error: unknown): void {
  const problem = error instanceof HttpProblem
    ? error
    : error instanceof ExportFormatError
      ? new HttpProblem(422, 'Unprocessable Content', error.message)
      : new HttpProblem(500, 'Internal Server Error', 'The export failed; the server log has the details.');
  if (problem.status >= 500) console.error(error);
  res.status(problem.status).type('application/problem+json').send(JSON.stringify(problem.toJSON(res.req.originalUrl)));
}

export function exportRoutes(repos: Repositories): RouteDef[] {
  const target = (what: string): ExportTargetDef => {
    const def = findTarget(what);
    if (!def) throw new HttpProblem(404, 'Not Found', `No export "${what}".`);
    return def;
  };
  return [
    defineRoute({
      method: 'get', path: '/reviews/:reviewId/export/:what', tag, params, query, raw: true,
      summary: `Download an export: ${exportTargetDefs.map((t) => `${t.what} (${t.formats.join(', ')})`).join('; ')}`,
      handler: ({ params, query }, res) => {
        repos.reviews.require(params.reviewId);
        const req = requestOf(target(params.what), query);
        renderExport(repos, params.reviewId, req)
          .then((file) => {
            res.type(file.mediaType).attachment(file.fileName);
            res.send(typeof file.body === 'string' ? file.body : Buffer.from(file.body));
          })
          .catch((error: unknown) => sendFailure(res, error));
      },
    }),
    defineRoute({
      method: 'get', path: '/reviews/:reviewId/export/:what/preview', tag, params, query, response: exportPreviewSchema, raw: true,
      summary: 'What a download would contain: the text of a text format, or the table as HTML for XLSX and DOCX',
      handler: ({ params, query }, res) => {
        repos.reviews.require(params.reviewId);
        const def = target(params.what);
        const req = requestOf(def, query);
        const info = FORMAT_INFO[req.format];
        if (info.binary) {
          const snapshot = repos.snapshot(params.reviewId);
          const table = targetTable(def, { snapshot, crosswalk: buildCrosswalk(snapshot), layout: req.layout, caption: req.caption, pair: req.pair });
          const preview: ExportPreview = {
            what: def.what, format: req.format, mediaType: info.mediaType, binary: true,
            fileName: exportFileName(snapshot.review.slug, def.what, req.format, def.layouts ? req.layout : undefined),
            html: renderHtmlTable(table),
          };
          res.json(preview);
          return;
        }
        renderExport(repos, params.reviewId, req)
          .then((file) => {
            const preview: ExportPreview = {
              what: def.what, format: req.format, mediaType: file.mediaType, fileName: file.fileName, binary: false,
              text: typeof file.body === 'string' ? file.body : '',
            };
            res.json(preview);
          })
          .catch((error: unknown) => sendFailure(res, error));
      },
    }),
  ];
}
