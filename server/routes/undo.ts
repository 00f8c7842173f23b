// Delete with undo: what a delete would take (for the "asks first" dialog), the delete that hands the removed rows
// back, and the restore that puts them back exactly.
import { z } from 'zod';
import type { Repositories } from '../db/repositories.ts';
import { defineRoute, type RouteDef } from '../http/route.ts';
import {
  COLLECTION_OF, countsOf, SUBTREE_KINDS, subtreeCountsSchema, subtreeSchema, subtreeService,
} from '../services/subtree.ts';
import { idParamSchema } from '../../shared/schemas.ts';

const tag = 'undo';
const itemParams = z.object({ reviewId: idParamSchema, id: idParamSchema });

export function undoRoutes(repos: Repositories): RouteDef[] {
  const subtrees = subtreeService(repos);
  const perKind = SUBTREE_KINDS.flatMap((kind) => {
    const base = `/reviews/:reviewId/${COLLECTION_OF[kind]}/:id`;
    return [
      defineRoute({
        method: 'get', path: `${base}/dependents`, tag, params: itemParams,
        summary: `Count what deleting this ${kind} would remove with it`,
        response: z.object({ root: z.object({ kind: z.enum(SUBTREE_KINDS), id: z.number() }), counts: subtreeCountsSchema }),
        handler: ({ params }) => {
          repos.reviews.require(params.reviewId);
          const subtree = subtrees.collect(params.reviewId, kind, params.id);
          return { root: subtree.root, counts: countsOf(subtree) };
        },
      }),
      defineRoute({
        method: 'delete', path: `${base}/subtree`, tag, params: itemParams,
        query: z.object({ version: z.coerce.number().int().positive().optional() }),
        summary: `Delete this ${kind} and what hangs on it; answers with the removed rows, which POST …/restore puts back`,
        response: subtreeSchema,
        handler: ({ params, query, actor }) => {
          repos.reviews.require(params.reviewId);
          return subtrees.remove(params.reviewId, kind, params.id, query.version, actor);
        },
      }),
    ];
  });
  return [
    ...perKind,
    defineRoute({
      method: 'post', path: '/reviews/:reviewId/restore', tag, status: 201,
      params: z.object({ reviewId: idParamSchema }), body: subtreeSchema,
      summary: 'Undo a delete: restore the rows a DELETE …/subtree returned, with the same ids, in one transaction',
      response: z.object({ restored: subtreeCountsSchema }),
      handler: ({ params, body, actor }) => ({ restored: subtrees.restore(params.reviewId, body, actor) }),
    }),
  ];
}
