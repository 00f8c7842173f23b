// Citations of a review: CRUD (versioned), paste/import with per-record results, add by DOI, links to frameworks,
// phases, stages and alignments, formatted output, the review's bibliography and its export.
import type { Response } from 'express';
import { z } from 'zod';
import type { Repositories } from '../db/repositories.ts';
import { HttpProblem } from '../http/problem.ts';
import { defineRoute, type RouteDef } from '../http/route.ts';
import { citationService } from '../services/citations.ts';
import { idParamSchema } from '../../shared/schemas.ts';
import {
  bibliographyFormatSchema, bibliographySchema, bibliographyScopeSchema, citationCreateSchema, citationLinkSchema,
  citationSchema, citationStyleSchema, citationUpdateSchema, doiRequestSchema, doiResultSchema, formattedSchema,
  importRequestSchema, importResultSchema, linkCreateSchema, linkTargetSchema, linkedCitationSchema,
} from '../../shared/citations/model.ts';
import { applyForm, formToCsl } from '../../shared/citations/normalize.ts';

const tag = 'citations';
const reviewParams = z.object({ reviewId: idParamSchema });
const itemParams = z.object({ reviewId: idParamSchema, id: idParamSchema });
const styleQuery = z.object({ style: citationStyleSchema.default('apa') });

/**
 * Sends the outcome of async work (a DOI look-up waits on the network). Such a handler must not run inside the
 * route's transaction, so it returns nothing at once and answers here; the service opens its own transaction.
 */
function answerLater(res: Response, status: number, work: Promise<unknown>): void {
  work.then(
    (body) => res.status(status).json(body),
    (error: unknown) => {
      const problem = error instanceof HttpProblem
        ? error
        : new HttpProblem(500, 'Internal Server Error', 'The server failed to handle this request; nothing was changed. See the server log.');
      if (problem.status >= 500) console.error(error);
      res.status(problem.status).type('application/problem+json').send(JSON.stringify(problem.toJSON(res.req.originalUrl)));
    },
  );
}

export function citationRoutes(repos: Repositories): RouteDef[] {
  const svc = citationService(repos);
  const base = '/reviews/:reviewId/citations';
  return [
    defineRoute({
      method: 'get', path: base, tag, summary: 'List the review\'s citations, in the order they were added',
      params: reviewParams, response: z.array(citationSchema),
      handler: ({ params }) => svc.list(params.reviewId),
    }),
    defineRoute({
      method: 'post', path: base, tag, status: 201,
      summary: 'Add a citation as CSL-JSON or from the form fields; the key is made (murray2010, murray2010a, …) unless given',
      params: reviewParams, body: citationCreateSchema, response: citationSchema,
      handler: ({ params, body, actor }) => {
        const csl = 'form' in body ? formToCsl(body.form) : body.csl;
        return svc.create(params.reviewId, { id: 'item', ...csl }, body.citekey, actor);
      },
    }),
    defineRoute({
      method: 'post', path: `${base}/import`, tag, status: 201, raw: true,
      summary: 'Paste BibTeX/BibLaTeX, RIS, CSL-JSON or DOIs: each record is parsed on its own; failures name their position and reason',
      params: reviewParams, body: importRequestSchema, response: importResultSchema,
      handler: ({ params, body, actor }, res) => {
        answerLater(res, 201, svc.importText(params.reviewId, body.text, body.format, actor));
      },
    }),
    defineRoute({
      method: 'post', path: `${base}/doi`, tag, status: 201, raw: true,
      summary: 'Add a citation by DOI: doi.org is asked (5 s at most); when it cannot be reached the DOI is kept and the reason given',
      params: reviewParams, body: doiRequestSchema, response: doiResultSchema,
      handler: ({ params, body, actor }, res) => {
        answerLater(res, 201, svc.addByDoi(params.reviewId, body.doi, actor));
      },
    }),
    defineRoute({
      method: 'get', path: `${base}/:id`, tag, summary: 'Read one citation', params: itemParams, response: citationSchema,
      handler: ({ params }) => svc.require(params.reviewId, params.id),
    }),
    defineRoute({
      method: 'patch', path: `${base}/:id`, tag, params: itemParams, body: citationUpdateSchema, response: citationSchema,
      summary: 'Edit a citation (CSL-JSON or form fields, or a new key); send the version you read, a stale one gets 409',
      handler: ({ params, body, actor }) => {
        const current = svc.require(params.reviewId, params.id);
        const csl = body.form ? applyForm(current.csl, body.form) : body.csl;
        return svc.update(params.reviewId, params.id, { csl: csl ? { id: 'item', ...csl } : undefined, citekey: body.citekey }, body.version, actor);
      },
    }),
    defineRoute({
      method: 'delete', path: `${base}/:id`, tag, status: 204, params: itemParams,
      query: z.object({ version: z.coerce.number().int().positive().optional() }),
      summary: 'Delete a citation and its links; with ?version a stale delete gets 409',
      handler: ({ params, query, actor }) => {
        svc.remove(params.reviewId, params.id, query.version, actor);
        return undefined;
      },
    }),
    defineRoute({
      method: 'get', path: `${base}/:id/formatted`, tag, params: itemParams,
      query: styleQuery.extend({ locator: z.string().max(100).optional() }), response: formattedSchema,
      summary: 'The citation in a style: in-text form and bibliography entry (HTML from citation-js: sanitise it; and text)',
      handler: ({ params, query }) => svc.formatted(svc.require(params.reviewId, params.id), query.style, query.locator),
    }),
    defineRoute({
      method: 'get', path: `${base}/:id/links`, tag, params: itemParams, response: z.array(citationLinkSchema),
      summary: 'Where a citation is attached',
      handler: ({ params }) => {
        svc.require(params.reviewId, params.id);
        return svc.citations.linksOf(params.id);
      },
    }),
    defineRoute({
      method: 'post', path: `${base}/:id/links`, tag, status: 201, params: itemParams, body: linkCreateSchema,
      response: citationLinkSchema,
      summary: 'Attach a citation to a framework, phase, stage or alignment, with a locator (page) and an optional quoted passage',
      handler: ({ params, body, actor }) => svc.attach(params.reviewId, params.id, body, actor),
    }),
    defineRoute({
      method: 'get', path: '/reviews/:reviewId/citation-links', tag, params: reviewParams,
      query: styleQuery.extend({ targetType: linkTargetSchema.optional(), targetId: idParamSchema.optional() }),
      response: z.array(z.union([linkedCitationSchema, citationLinkSchema])),
      summary: 'Links of the review; with targetType and targetId, the citations of that item, formatted in the style',
      handler: ({ params, query }) => {
        if (query.targetType && query.targetId) return svc.linkedTo(params.reviewId, query.targetType, query.targetId, query.style);
        if (query.targetType || query.targetId) {
          throw new HttpProblem(400, 'Bad Request', 'Give targetType and targetId together.', {
            errors: [{ pointer: query.targetType ? '/query/targetId' : '/query/targetType', message: 'is required with the other' }],
          });
        }
        return svc.linksOfReview(params.reviewId);
      },
    }),
    defineRoute({
      method: 'delete', path: '/reviews/:reviewId/citation-links/:id', tag, status: 204, params: itemParams,
      summary: 'Detach a citation from an item',
      handler: ({ params, actor }) => {
        svc.detach(params.reviewId, params.id, actor);
        return undefined;
      },
    }),
    defineRoute({
      method: 'get', path: '/reviews/:reviewId/bibliography', tag, params: reviewParams,
      query: styleQuery.extend({ scope: bibliographyScopeSchema.default('review') }), response: bibliographySchema,
      summary: 'The bibliography of the review (or of Table 1\'s models or Table 2\'s target framework), sorted as the style sorts',
      handler: ({ params, query }) => svc.bibliography(params.reviewId, query.scope, query.style),
    }),
    defineRoute({
      method: 'get', path: '/reviews/:reviewId/bibliography/export', tag, params: reviewParams, raw: true,
      query: styleQuery.extend({ scope: bibliographyScopeSchema.default('review'), format: bibliographyFormatSchema }),
      summary: 'Download the bibliography as BibTeX, RIS, CSL-JSON, or HTML/text formatted in the style',
      handler: ({ params, query }, res) => {
        const file = svc.exportBibliography(params.reviewId, query.format, query.style, query.scope);
        const review = repos.reviews.require(params.reviewId);
        res.status(200).type(file.contentType)
          .setHeader('Content-Disposition', `attachment; filename="${review.slug}-references.${file.extension}"`)
          .send(file.content);
      },
    }),
  ];
}
