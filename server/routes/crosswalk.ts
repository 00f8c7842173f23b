import { z } from 'zod';
import type { Repositories } from '../db/repositories.ts';
import { defineRoute, type RouteDef } from '../http/route.ts';
import { buildCrosswalk } from '../../shared/crosswalk.ts';
import { bandsTable, stagesTable, targetTable } from '../../shared/tables.ts';
import {
  crosswalkTable, exportFileName, layoutSchema, MEDIA_TYPES, renderTable, tableFormatSchema,
} from '../../shared/export/crosswalk-export.ts';
import { idParamSchema } from '../../shared/schemas.ts';

const params = z.object({ reviewId: idParamSchema });
const tag = 'crosswalk';

export function crosswalkRoutes(repos: Repositories): RouteDef[] {
  return [
    defineRoute({
      method: 'get', path: '/reviews/:reviewId/crosswalk', tag, params,
      summary: 'The crosswalk in both layouts: models × bands (Table 1) and models × target stages',
      handler: ({ params }) => {
        const crosswalk = buildCrosswalk(repos.snapshot(params.reviewId));
        return {
          crosswalk,
          tables: { bands: bandsTable(crosswalk), stages: stagesTable(crosswalk), target: targetTable(crosswalk.stages, crosswalk.targetCaption) },
        };
      },
    }),
    defineRoute({
      method: 'get', path: '/reviews/:reviewId/export/crosswalk', tag, params, raw: true,
      summary: 'Download the crosswalk as CSV, Markdown or JSON',
      query: z.object({ layout: layoutSchema.default('bands'), format: tableFormatSchema.default('csv') }),
      handler: ({ params, query }, res) => {
        const snapshot = repos.snapshot(params.reviewId);
        const body = renderTable(crosswalkTable(buildCrosswalk(snapshot), query.layout), query.format);
        res
          .type(MEDIA_TYPES[query.format])
          .attachment(exportFileName(snapshot.review.slug, query.layout, query.format))
          .send(body);
      },
    }),
  ];
}
