// Coding: the codebook, own codes (create, edit, move, merge, delete with undo), tags (CRUD with undo), the items
// that can be coded, the framework matrix, the evidence map, coding agreement, the evidence behind alignments and
// the coding exports. Who tags is the X-Workbench-Reviewer header (a team member's id), as in screening.
import type { Response } from 'express';
import { z } from 'zod';
import type { Repositories } from '../db/repositories.ts';
import { HttpProblem } from '../http/problem.ts';
import { defineRoute, type RouteDef } from '../http/route.ts';
import { codingOf } from '../services/coding.ts';
import { codingExport, CodingExportError } from '../services/coding-export.ts';
import { REVIEWER_HEADER } from '../services/screening.ts';
import { idParamSchema } from '../../shared/schemas.ts';
import {
  alignmentEvidenceSchema, attachEvidenceSchema, attachedEvidenceSchema, codeCreateSchema, codeDeleteQuerySchema,
  codeMergeSchema, codeRemovalSchema, codeSchema, codeUpdateSchema, codebookSchema, codingAgreementQuerySchema,
  codingAgreementSchema, codingExportParamsSchema, codingExportQuerySchema, codingItemsSchema, evidenceCellQuerySchema,
  evidenceCellSchema, evidenceMapQuerySchema, evidenceMapSchema, matrixQuerySchema, matrixSchema, stageSupportSchema,
  tagCreateSchema, tagListQuerySchema, tagSchema, tagUpdateSchema,
} from '../../shared/coding/schemas.ts';

const tag = 'coding';
const base = '/reviews/:reviewId/coding';
const reviewParams = z.object({ reviewId: idParamSchema });
const codeParams = z.object({ reviewId: idParamSchema, codeId: idParamSchema });
const tagParams = z.object({ reviewId: idParamSchema, tagId: idParamSchema });
const alignmentParams = z.object({ reviewId: idParamSchema, alignmentId: idParamSchema });
const who = ' (send X-Workbench-Reviewer: your reviewer id)';
const versionQuery = z.object({ version: z.coerce.number().int().positive().optional() });

export function codingRoutes(repos: Repositories): RouteDef[] {
  const coding = codingOf(repos);
  const member = (reviewId: number, res: Response) => coding.member(reviewId, res.req.get(REVIEWER_HEADER));
  const me = (reviewId: number, res: Response) => coding.optionalMember(reviewId, res.req.get(REVIEWER_HEADER))?.id;
  return [
    defineRoute({
      method: 'get', path: `${base}/codebook`, tag, params: reviewParams, response: codebookSchema,
      summary: 'The codebook: the target stages, every model\'s phases and the review\'s own codes, as one tree in order, with tag counts',
      handler: ({ params }) => ({ nodes: coding.codebook(params.reviewId) }),
    }),
    defineRoute({
      method: 'post', path: `${base}/codes`, tag, status: 201, params: reviewParams, body: codeCreateSchema, response: codeSchema,
      summary: `Add an own code (a category, or a child of one with parentId)${who}`,
      handler: ({ params, body }, res) => coding.createCode(params.reviewId, body, member(params.reviewId, res).name),
    }),
    defineRoute({
      method: 'patch', path: `${base}/codes/:codeId`, tag, params: codeParams, body: codeUpdateSchema, response: codeSchema,
      summary: `Rename, describe, band, reorder (position) or move (parentId) an own code; send the version you read (409 when stale)${who}`,
      handler: ({ params, body }, res) => coding.updateCode(params.reviewId, params.codeId, body, member(params.reviewId, res).name),
    }),
    defineRoute({
      method: 'delete', path: `${base}/codes/:codeId`, tag, params: codeParams, query: codeDeleteQuerySchema, response: codeRemovalSchema,
      summary: `Move an own code to the trash; 409 naming how many tags use it unless ?moveTagsTo=REF. Answers what it did: POST …/coding/codes/restore with it undoes${who}`,
      handler: ({ params, query }, res) => coding.deleteCode(params.reviewId, params.codeId, query.version, query.moveTagsTo, member(params.reviewId, res).name),
    }),
    defineRoute({
      method: 'post', path: `${base}/codes/:codeId/merge`, tag, params: codeParams, body: codeMergeSchema, response: codeRemovalSchema,
      summary: `Merge this code into another: its tags move there (duplicates of the same item, quote and reviewer collapse), it goes to the trash; undo with POST …/coding/codes/restore${who}`,
      handler: ({ params, body }, res) => coding.mergeCode(params.reviewId, params.codeId, body.into, body.version, member(params.reviewId, res).name),
    }),
    defineRoute({
      method: 'post', path: `${base}/codes/restore`, tag, params: reviewParams, body: codeRemovalSchema, response: codeSchema,
      summary: `Undo a code's delete or merge: send the answer it gave${who}`,
      handler: ({ params, body }, res) => coding.restoreCode(params.reviewId, body, member(params.reviewId, res).name),
    }),
    defineRoute({
      method: 'get', path: `${base}/items`, tag, params: reviewParams, response: codingItemsSchema,
      summary: 'The items that can be coded (the included items of the last screening stage with decisions, else every unmerged library item; `source` says which), with their codes and tag counts',
      handler: ({ params }, res) => coding.items(params.reviewId, me(params.reviewId, res)),
    }),
    defineRoute({
      method: 'get', path: `${base}/tags`, tag, params: reviewParams, query: tagListQuerySchema, response: z.array(tagSchema),
      summary: 'Live tags, filtered by item, code (with descendants=true: its subtree), reviewer or mine=true',
      handler: ({ params, query }, res) => coding.tags(params.reviewId, query, me(params.reviewId, res)),
    }),
    defineRoute({
      method: 'post', path: `${base}/tags`, tag, status: 201, params: reviewParams, body: tagCreateSchema, response: tagSchema,
      summary: `Tag an item with a code, an optional quote, locator and note; 409 when you already gave it the same tag${who}`,
      handler: ({ params, body }, res) => coding.createTag(params.reviewId, body, member(params.reviewId, res)),
    }),
    defineRoute({
      method: 'patch', path: `${base}/tags/:tagId`, tag, params: tagParams, body: tagUpdateSchema, response: tagSchema,
      summary: `Edit a tag (code, quote, locator, note); send the version you read (409 when stale)${who}`,
      handler: ({ params, body }, res) => coding.updateTag(params.reviewId, params.tagId, body, member(params.reviewId, res).name),
    }),
    defineRoute({
      method: 'delete', path: `${base}/tags/:tagId`, tag, params: tagParams, query: versionQuery, response: tagSchema,
      summary: `Delete a tag (to the trash; POST …/tags/:tagId/restore undoes)${who}`,
      handler: ({ params, query }, res) => coding.deleteTag(params.reviewId, params.tagId, query.version, member(params.reviewId, res).name),
    }),
    defineRoute({
      method: 'post', path: `${base}/tags/:tagId/restore`, tag, params: tagParams, response: tagSchema,
      summary: `Undo a tag's delete${who}`,
      handler: ({ params }, res) => coding.restoreTag(params.reviewId, params.tagId, member(params.reviewId, res).name),
    }),
    defineRoute({
      method: 'get', path: `${base}/matrix`, tag, params: reviewParams, query: matrixQuerySchema, response: matrixSchema,
      summary: 'The framework matrix: items × codes (or codes × items), each non-empty cell the quotes, filtered by code branch, band and reviewer',
      handler: ({ params, query }) => coding.matrix(params.reviewId, query),
    }),
    defineRoute({
      method: 'get', path: `${base}/evidence-map`, tag, params: reviewParams, query: evidenceMapQuerySchema, response: evidenceMapSchema,
      summary: 'The evidence-and-gap map: rows (default the stages) × columns (default the review\'s categories), each cell the items tagged with both; 0 is a gap',
      handler: ({ params, query }) => coding.evidenceMap(params.reviewId, query),
    }),
    defineRoute({
      method: 'get', path: `${base}/evidence-map/cell`, tag, params: reviewParams, query: evidenceCellQuerySchema, response: evidenceCellSchema,
      summary: 'One map cell: its items, each with its quotes on the row\'s and the column\'s codes',
      handler: ({ params, query }) => coding.evidenceCell(params.reviewId, query.row, query.column),
    }),
    defineRoute({
      method: 'get', path: `${base}/agreement`, tag, params: reviewParams, query: codingAgreementQuerySchema, response: codingAgreementSchema,
      summary: 'Per-code agreement of two reviewers (Cohen\'s kappa on presence per item, percentage) over the items both tagged, with the disagreements',
      handler: ({ params, query }) => coding.agreement(params.reviewId, query.a, query.b),
    }),
    defineRoute({
      method: 'get', path: `${base}/stage-support`, tag, params: reviewParams, response: stageSupportSchema,
      summary: 'Per target stage, how many items support it (tagged with the stage, or with a phase aligned to it)',
      handler: ({ params }) => coding.stageSupport(params.reviewId),
    }),
    defineRoute({
      method: 'get', path: `${base}/alignments/:alignmentId/evidence`, tag, params: alignmentParams, response: alignmentEvidenceSchema,
      summary: 'The evidence behind an alignment: the items tagged with both its phase and its stage, with those tags',
      handler: ({ params }) => coding.alignmentEvidence(params.reviewId, params.alignmentId),
    }),
    defineRoute({
      method: 'post', path: `${base}/alignments/:alignmentId/evidence`, tag, status: 201, params: alignmentParams, body: attachEvidenceSchema,
      response: attachedEvidenceSchema,
      summary: `Attach a tagged passage to the alignment: a citation link with the item's reference (made from its CSL-JSON if the review has none), locator and quote${who}`,
      handler: ({ params, body }, res) => coding.attachEvidence(params.reviewId, params.alignmentId, body.tagId, member(params.reviewId, res).name),
    }),
    defineRoute({
      method: 'get', path: `${base}/export/:what`, tag, raw: true,
      params: z.object({ reviewId: idParamSchema, what: codingExportParamsSchema }), query: codingExportQuerySchema,
      summary: 'Download a coding export: extracts (csv, xlsx, docx), codebook (csv, json), evidence-map (csv, html, svg, json), matrix (xlsx, docx, csv)',
      handler: ({ params, query }, res) => {
        repos.reviews.require(params.reviewId);
        codingExport(repos, params.reviewId, params.what, query)
          .then((file) => {
            res.type(file.mediaType).attachment(file.fileName);
            res.send(typeof file.body === 'string' ? file.body : Buffer.from(file.body));
          })
          .catch((error: unknown) => {
            const problem = error instanceof HttpProblem ? error
              : error instanceof CodingExportError ? new HttpProblem(400, 'Bad Request', error.message, { errors: [{ pointer: '/query/format', message: error.message }] })
                : new HttpProblem(500, 'Internal Server Error', 'The export failed; the server log has the details.');
            if (problem.status >= 500) console.error(error);
            res.status(problem.status).type('application/problem+json').send(JSON.stringify(problem.toJSON(res.req.originalUrl)));
          });
      },
    }),
  ];
}
