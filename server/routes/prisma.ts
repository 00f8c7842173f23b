// The PRISMA 2020 flow computed from the records: counts (JSON), the diagram (SVG), counts entered by hand, and the
// source kind of an import batch (databases and registers vs other methods).
import { z } from 'zod';
import type { Repositories } from '../db/repositories.ts';
import { defineRoute, type RouteDef } from '../http/route.ts';
import { prismaService } from '../services/prisma.ts';
import { screeningOf } from '../services/screening.ts';
import { idParamSchema } from '../../shared/schemas.ts';
import { batchSourceKindSchema, prismaEnteredBodySchema, prismaFlowSchema } from '../../shared/screening/schemas.ts';

const tag = 'prisma';
const reviewParams = z.object({ reviewId: idParamSchema });

export function prismaRoutes(repos: Repositories): RouteDef[] {
  const prisma = prismaService(repos, screeningOf(repos));
  return [
    defineRoute({
      method: 'get', path: '/reviews/:reviewId/prisma', tag, params: reviewParams, response: prismaFlowSchema,
      summary: 'The PRISMA 2020 counts, keyed by the template\'s box names: derived from the records, else entered (marked)',
      handler: ({ params }) => prisma.flow(params.reviewId),
    }),
    defineRoute({
      method: 'put', path: '/reviews/:reviewId/prisma/entered/:key', tag, response: prismaFlowSchema, body: prismaEnteredBodySchema,
      params: z.object({ reviewId: idParamSchema, key: z.string().max(60) }),
      summary: 'Enter a count that cannot be derived (e.g. reports not retrieved); it is used where the data give none',
      handler: ({ params, body, actor }) => prisma.enter(params.reviewId, params.key, body.count, body.note, actor),
    }),
    defineRoute({
      method: 'delete', path: '/reviews/:reviewId/prisma/entered/:key', tag, response: prismaFlowSchema,
      params: z.object({ reviewId: idParamSchema, key: z.string().max(60) }),
      summary: 'Take back a count entered by hand (a count entered as null means "not reported" and is kept until then)',
      handler: ({ params, actor }) => prisma.unenter(params.reviewId, params.key, actor),
    }),
    defineRoute({
      method: 'get', path: '/reviews/:reviewId/prisma/figure.svg', tag, params: reviewParams, raw: true,
      summary: 'The PRISMA 2020 flow diagram as SVG',
      handler: ({ params }, res) => {
        res.type('image/svg+xml').send(prisma.svg(params.reviewId));
      },
    }),
    defineRoute({
      method: 'patch', path: '/reviews/:reviewId/literature/batches/:batchId', tag, body: batchSourceKindSchema,
      params: z.object({ reviewId: idParamSchema, batchId: idParamSchema }),
      response: z.object({ id: z.number().int(), sourceKind: batchSourceKindSchema.shape.sourceKind }),
      summary: 'Say where an import came from: a database, a register, or other methods (grey literature, hand-searching, chaining)',
      handler: ({ params, body, actor }) => prisma.setSourceKind(params.reviewId, params.batchId, body.sourceKind, actor),
    }),
  ];
}
