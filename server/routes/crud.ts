// The list/read/create/update/delete/reorder routes of one review-scoped, versioned entity.
import { z, type ZodType } from 'zod';
import type { EntityRepo, Insert, VersionedEntity } from '../db/entity-repo.ts';
import { defineRoute, type RouteDef } from '../http/route.ts';
import { idParamSchema, reorderSchema } from '../../shared/schemas.ts';

export interface CrudSpec<T extends VersionedEntity, C extends object, U extends { version: number }> {
  tag: string;
  /** path segment of the collection, e.g. "phases" */
  collection: string;
  repo: EntityRepo<T>;
  schema: ZodType<T>;
  createSchema: ZodType<C>;
  updateSchema: ZodType<U>;
  /** Where new items hang: the collection under the review itself, or under a parent entity of the review. */
  parent:
    | { kind: 'review'; field: keyof T & string }
    | { kind: 'entity'; segment: string; field: keyof T & string; require: (reviewId: number, parentId: number) => void };
  /** Semantic checks across entities (throw HttpProblem 409/422); `existing` is set on update. */
  validate?: (reviewId: number, values: Partial<T>, existing?: T) => void;
}

const reviewParams = z.object({ reviewId: idParamSchema });
const itemParams = z.object({ reviewId: idParamSchema, id: idParamSchema });
const deleteQuery = z.object({ version: z.coerce.number().int().positive().optional() });

export function crudRoutes<T extends VersionedEntity, C extends object, U extends { version: number }>(
  spec: CrudSpec<T, C, U>,
  requireReview: (reviewId: number) => void,
): RouteDef[] {
  const { repo, parent, tag } = spec;
  const entity = repo.spec.entity;
  const base =
    parent.kind === 'review'
      ? `/reviews/:reviewId/${spec.collection}`
      : `/reviews/:reviewId/${parent.segment}/:parentId/${spec.collection}`;
  const collectionParams =
    parent.kind === 'review' ? reviewParams : z.object({ reviewId: idParamSchema, parentId: idParamSchema });
  const parentIdOf = (p: { reviewId: number; parentId?: number }): number => {
    requireReview(p.reviewId);
    if (parent.kind === 'review') return p.reviewId;
    const parentId = p.parentId as number;
    parent.require(p.reviewId, parentId);
    return parentId;
  };

  const ordered = 'position' in repo.spec.columns;
  const routes = [
    defineRoute({
      method: 'get', path: base, tag, summary: `List the ${spec.collection} in order`,
      params: collectionParams, response: z.array(spec.schema),
      handler: ({ params }) => repo.list(parentIdOf(params)),
    }),
    defineRoute({
      method: 'post', path: base, tag, summary: `Create a ${entity} (appended at the end)`, status: 201,
      params: collectionParams, body: spec.createSchema, response: spec.schema,
      handler: ({ params, body, actor }) => {
        const values = { ...body, [parent.field]: parentIdOf(params) } as unknown as Insert<T>;
        spec.validate?.(params.reviewId, values as Partial<T>);
        return repo.create(values, actor);
      },
    }),
    defineRoute({
      method: 'get', path: `/reviews/:reviewId/${spec.collection}/:id`, tag, summary: `Read one ${entity}`,
      params: itemParams, response: spec.schema,
      handler: ({ params }) => repo.require(params.id, params.reviewId),
    }),
    defineRoute({
      method: 'patch', path: `/reviews/:reviewId/${spec.collection}/:id`, tag,
      summary: `Update a ${entity}; send the version you read (a stale one gets 409 with the current ${entity})`,
      params: itemParams, body: spec.updateSchema, response: spec.schema,
      handler: ({ params, body, actor }) => {
        const existing = repo.require(params.id, params.reviewId);
        const { version, ...patch } = body;
        spec.validate?.(params.reviewId, patch as unknown as Partial<T>, existing);
        return repo.update(params.id, patch as unknown as Partial<T>, version, actor);
      },
    }),
    defineRoute({
      method: 'delete', path: `/reviews/:reviewId/${spec.collection}/:id`, tag,
      summary: `Delete a ${entity} and what hangs on it; with ?version a stale delete gets 409`,
      params: itemParams, query: deleteQuery, status: 204,
      handler: ({ params, query, actor }) => {
        repo.require(params.id, params.reviewId);
        repo.remove(params.id, query.version, actor);
        return undefined;
      },
    }),
  ];
  if (ordered) {
    routes.push(defineRoute({
      method: 'post', path: `${base}/reorder`, tag, summary: `Put the ${spec.collection} in the given order`,
      params: collectionParams, body: reorderSchema, response: z.array(spec.schema),
      handler: ({ params, body, actor }) => repo.reorder(parentIdOf(params), body.ids, actor),
    }));
  }
  return routes;
}
