import { z } from 'zod';
import type { Repositories } from '../db/repositories.ts';
import { defineRoute, type RouteDef } from '../http/route.ts';
import { buildCrosswalk } from '../../shared/crosswalk/crosswalk.ts';
import { bandsTable, stagesTable, targetTable } from '../../shared/crosswalk/tables.ts';
import { idParamSchema } from '../../shared/schemas.ts';

const params = z.object({ reviewId: idParamSchema });
const tag = 'crosswalk';

export function crosswalkRoutes(repos: Repositories): RouteDef[] {
  return [
    defineRoute({
      method: 'get', path: '/reviews/:reviewId/crosswalk', tag, params,
      // downloads of the crosswalk (and every other export) are in routes/exports.ts
      summary: 'The crosswalk in both layouts: models × bands (Table 1) and models × target stages',
      handler: ({ params }) => {
        const crosswalk = buildCrosswalk(repos.snapshot(params.reviewId));
        return {
          crosswalk,
          tables: { bands: bandsTable(crosswalk), stages: stagesTable(crosswalk), target: targetTable(crosswalk.stages, crosswalk.targetCaption) },
        };
      },
    }),
  ];
}
