// Reviews: list (and the trash), create from a start (blank, template, another's target framework, a copy),
// update with settings and archive, trash / undelete / delete permanently, bundle download and restore, the team.
import { z } from 'zod';
import type { Repositories } from '../db/repositories.ts';
import { uploadTooLarge } from '../http/limits.ts';
import { HttpProblem } from '../http/problem.ts';
import { defineRoute, type RouteDef } from '../http/route.ts';
import { exportBundle, serializeBundle } from '../services/bundle.ts';
import { reviewSetup } from '../services/review-setup.ts';
import { screeningOf } from '../services/screening.ts';
import {
  flowCountSchema, idParamSchema, REVIEW_SLUG_PATTERN, reviewCreateSchema, reviewSchema, reviewTeamAddSchema,
  reviewTeamMemberSchema, reviewUpdateSchema,
} from '../../shared/schemas.ts';
import { teamMemberUpdateSchema } from '../../shared/screening/schemas.ts';

const params = z.object({ reviewId: idParamSchema });
const tag = 'reviews';
const flag = z.enum(['true', 'false', '1', '0']).optional().transform((v) => v === 'true' || v === '1');

const BUNDLE_TYPES = ['application/json', 'application/octet-stream'];

/** The bundle's text, up to the upload ceiling (it is parsed whole in memory). */
async function readBody(req: NodeJS.ReadableStream & { get(name: string): string | undefined }, maxBytes: number): Promise<string> {
  const type = (req.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!BUNDLE_TYPES.includes(type)) {
    throw new HttpProblem(415, 'Unsupported Media Type', `Send the bundle file itself as the body, as ${BUNDLE_TYPES.join(' or ')}.`);
  }
  const declared = Number(req.get('content-length') ?? 0);
  if (declared > maxBytes) throw uploadTooLarge(maxBytes, declared, 'bundle');
  const chunks: Buffer[] = [];
  let size = 0;
  // not `for await`: leaving it early would destroy the request, and the client would never read the 413
  await new Promise<void>((resolve, reject) => {
    req.on('data', (chunk: Buffer | string) => {
      if (size > maxBytes) return;
      const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      size += buf.length;
      if (size > maxBytes) {
        chunks.length = 0;
        reject(uploadTooLarge(maxBytes, undefined, 'bundle'));
      } else chunks.push(buf);
    });
    req.on('end', () => resolve());
    req.on('error', (error) => reject(new HttpProblem(400, 'Bad Request', `The upload was interrupted: ${error.message}`)));
    req.on('close', () => reject(new HttpProblem(400, 'Bad Request', 'The upload was interrupted: the client went away.')));
  });
  if (size === 0) throw new HttpProblem(422, 'Unprocessable Content', '/body: the bundle is empty.', { errors: [{ pointer: '/body', message: 'is empty' }] });
  return Buffer.concat(chunks).toString('utf8');
}

export function reviewRoutes(repos: Repositories): RouteDef[] {
  const setup = reviewSetup(repos);
  return [
    defineRoute({
      method: 'get', path: '/reviews', tag, response: z.array(reviewSchema),
      summary: 'List the reviews not in the trash (archived ones flagged by archivedAt); ?trash=true lists the trash',
      query: z.object({ trash: flag }),
      handler: ({ query }) => (query.trash ? repos.trashedReviews() : repos.listReviews()),
    }),
    defineRoute({
      method: 'post', path: '/reviews', tag, status: 201, body: reviewCreateSchema, response: reviewSchema,
      summary: 'Create a review: start blank, from the seed template, from another review\'s target framework, or as a copy',
      handler: ({ body, actor }) => setup.create(body, actor),
    }),
    defineRoute({
      method: 'post', path: '/reviews/bundle', tag, status: 201, stream: true, response: reviewSchema,
      summary: 'Restore a bundle sent as the body (application/json or application/octet-stream, up to the upload ceiling, 512 MB by default); ' +
        'slug restores it beside the original, replace overwrites the review with that slug',
      query: z.object({ replace: flag, slug: z.string().regex(REVIEW_SLUG_PATTERN, 'lower-case letters, digits and hyphens, at most 80').optional() }),
      handler: async ({ query, actor, limits }, res) => {
        const text = await readBody(res.req, limits.uploadBytes);
        return setup.restoreUpload(text, { replace: query.replace, slug: query.slug }, actor);
      },
    }),
    defineRoute({
      method: 'get', path: '/reviews/:reviewId', tag, params, response: reviewSchema,
      summary: 'Read a review (also one in the trash, so that it can be undeleted)',
      handler: ({ params }) => repos.reviews.require(params.reviewId),
    }),
    defineRoute({
      method: 'patch', path: '/reviews/:reviewId', tag, params, body: reviewUpdateSchema, response: reviewSchema,
      summary: 'Update a review, its settings, or archive it (send the version you read)',
      handler: ({ params, body, actor }) => setup.update(params.reviewId, body, actor),
    }),
    defineRoute({
      method: 'delete', path: '/reviews/:reviewId', tag, params, response: reviewSchema,
      summary: 'Move a review to the trash (nothing is removed; POST …/undelete brings it back)',
      query: z.object({ version: z.coerce.number().int().positive().optional() }),
      handler: ({ params, query, actor }) => setup.trash(params.reviewId, query.version, actor),
    }),
    defineRoute({
      method: 'post', path: '/reviews/:reviewId/undelete', tag, params, response: reviewSchema,
      summary: 'Take a review back out of the trash',
      handler: ({ params, actor }) => setup.undelete(params.reviewId, actor),
    }),
    defineRoute({
      method: 'delete', path: '/reviews/:reviewId/permanently', tag, params, status: 204,
      summary: 'Delete a review in the trash and everything in it, for good (409 unless it is in the trash)',
      handler: ({ params, actor }) => {
        setup.purge(params.reviewId, actor);
        return undefined;
      },
    }),
    defineRoute({
      method: 'get', path: '/reviews/:reviewId/bundle', tag, params, raw: true,
      summary: 'Download the review as a bundle (the same file as `workbench export bundle`)',
      handler: ({ params }, res) => {
        const review = repos.reviews.require(params.reviewId);
        const text = serializeBundle(exportBundle(repos.db, review.id, repos.now));
        res.type('application/json').attachment(`${review.slug}.workbench.json`).send(text);
      },
    }),
    defineRoute({
      method: 'get', path: '/reviews/:reviewId/reviewers', tag, params, response: z.array(reviewTeamMemberSchema),
      summary: 'The review\'s team, in order',
      handler: ({ params }) => {
        repos.reviews.require(params.reviewId);
        return repos.team.list(params.reviewId);
      },
    }),
    defineRoute({
      method: 'post', path: '/reviews/:reviewId/reviewers', tag, params, status: 201, body: reviewTeamAddSchema,
      response: reviewTeamMemberSchema,
      summary: 'Add someone to the team (a reviewer of that name is created if there is none); 409 if already on it',
      handler: ({ params, body, actor }) => {
        repos.reviews.require(params.reviewId);
        return repos.team.add(params.reviewId, body.name, body.email, actor);
      },
    }),
    defineRoute({
      method: 'patch', path: '/reviews/:reviewId/reviewers/:reviewerId', tag, body: teamMemberUpdateSchema,
      params: z.object({ reviewId: idParamSchema, reviewerId: idParamSchema }), response: reviewTeamMemberSchema,
      summary: 'Set a team member\'s initials or role (a lead unblinds screening stages and resolves conflicts)',
      handler: ({ params, body, actor }) => {
        repos.reviews.require(params.reviewId);
        return repos.team.update(params.reviewId, params.reviewerId, body, actor);
      },
    }),
    defineRoute({
      method: 'delete', path: '/reviews/:reviewId/reviewers/:reviewerId', tag, status: 204,
      params: z.object({ reviewId: idParamSchema, reviewerId: idParamSchema }),
      summary: 'Take someone off the team (they stay a reviewer, and keep their alignments)',
      handler: ({ params, actor }) => {
        repos.reviews.require(params.reviewId);
        repos.team.remove(params.reviewId, params.reviewerId, actor);
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
        // decisions of a stage still blind stay out of the log until the lead unblinds it
        return screeningOf(repos).visibleAudit(params.reviewId, repos.audit.list(params.reviewId, query.after, query.limit));
      },
    }),
  ];
}
