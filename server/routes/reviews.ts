import { z } from 'zod';
import type { Repositories } from '../db/repositories.ts';
import { defineRoute, type RouteDef } from '../http/route.ts';
import {
  flowCountSchema, idParamSchema, reviewCreateSchema, reviewSchema, reviewUpdateSchema,
} from '../../shared/schemas.ts';

const params = z.object({ reviewId: idParamSchema });
const tag = 'reviews';

export function reviewRoutes(repos: Repositories): RouteDef[] {
  return [
    defineRoute({
      method: 'get', path: '/reviews', tag, summary: 'List reviews', response: z.array(reviewSchema),
      handler: () => repos.listReviews(),
    }),
    defineRoute({
      method: 'post', path: '/reviews', tag, summary: 'Create a review', status: 201,
      body: reviewCreateSchema, response: reviewSchema,
      handler: ({ body, actor }) => repos.reviews.create(body, actor),
    }),
    defineRoute({
      method: 'get', path: '/reviews/:reviewId', tag, summary: 'Read a review', params, response: reviewSchema,
      handler: ({ params }) => repos.reviews.require(params.reviewId),
    }),
    defineRoute({
      method: 'patch', path: '/reviews/:reviewId', tag, summary: 'Update a review (send the version you read)',
      params, body: reviewUpdateSchema, response: reviewSchema,
      handler: ({ params, body: { version, ...patch }, actor }) => {
        repos.reviews.require(params.reviewId);
        return repos.reviews.update(params.reviewId, patch, version, actor);
      },
    }),
    defineRoute({
      method: 'delete', path: '/reviews/:reviewId', tag, summary: 'Delete a review and everything in it',
      params, query: z.object({ version: z.coerce.number().int().positive().optional() }), status: 204,
      handler: ({ params, query, actor }) => {
        repos.reviews.remove(params.reviewId, query.version, actor);
        return undefined;
      },
    }),
    defineRoute({
      method: 'get', path: '/reviews/:reviewId/flow', tag, summary: 'The review flow counts (search and screening)',
      params, response: z.array(flowCountSchema),
      handler: ({ params }) => {
        repos.reviews.require(params.reviewId);
        return repos.flowCounts(params.reviewId);
      },
    }),
    defineRoute({
      method: 'get', path: '/reviews/:reviewId/audit', tag, summary: 'The audit log, oldest first, paged by id',
      params, query: z.object({
        after: z.coerce.number().int().nonnegative().default(0),
        limit: z.coerce.number().int().min(1).max(1000).default(200),
      }),
      handler: ({ params, query }) => {
        repos.reviews.require(params.reviewId);
        return repos.audit.list(params.reviewId, query.after, query.limit);
      },
    }),
  ];
}
