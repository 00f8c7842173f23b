// Models from a table: preview what an import would create, then create it (new bands, models, phases, citation links).
import { z } from 'zod';
import type { Repositories } from '../db/repositories.ts';
import { defineRoute, type RouteDef } from '../http/route.ts';
import { createModelsTableService, type ImportOptions, type TableSource } from '../services/models-table.ts';
import {
  modelsImportPreviewSchema, modelsImportRequestSchema, modelsImportResultSchema,
} from '../../shared/models-table/schemas.ts';
import { idParamSchema } from '../../shared/schemas.ts';

const params = z.object({ reviewId: idParamSchema });
const tag = 'models-import';
type Body = z.output<typeof modelsImportRequestSchema>;

function sourceOf(body: Body): TableSource {
  if (body.xlsxBase64 !== undefined) return { kind: 'xlsx', bytes: Buffer.from(body.xlsxBase64, 'base64') };
  return { kind: 'text', text: body.text ?? '', format: body.format === 'xlsx' ? 'auto' : body.format };
}
const optionsOf = (body: Body): ImportOptions => ({ headerRow: body.headerRow, columns: body.columns });

const BODY_HELP =
  'Send the table as `text` (CSV, TSV, Markdown, or the clipboard\'s text/html) or an XLSX workbook as `xlsxBase64`, ' +
  'optionally with `format`, `headerRow` and a `columns` mapping (model / band by id / new band by label / ignore).';

export function modelsImportRoutes(repos: Repositories): RouteDef[] {
  const service = createModelsTableService(repos);
  return [
    // stream: the handlers are async (reading an XLSX workbook is) and the import runs its own transaction
    defineRoute({
      method: 'post', path: '/reviews/:reviewId/models/import/preview', tag, stream: true,
      summary: `What importing a table of models would create, with every problem by row and column. ${BODY_HELP}`,
      params, body: modelsImportRequestSchema, response: modelsImportPreviewSchema,
      handler: ({ params, body }) => service.preview(params.reviewId, sourceOf(body), optionsOf(body)),
    }),
    defineRoute({
      method: 'post', path: '/reviews/:reviewId/models/import', tag, stream: true, status: 201,
      summary: `Import a table of models in one transaction; a table with any error gets 422 and creates nothing. ${BODY_HELP}`,
      params, body: modelsImportRequestSchema, response: modelsImportResultSchema,
      handler: ({ params, body, actor }) => service.import(params.reviewId, sourceOf(body), optionsOf(body), actor),
    }),
  ];
}
