// Screening: stages, the queue, decisions and their undo, progress, unblinding, conflicts, resolutions, agreement
// and decision imports. Who asks is the X-Workbench-Reviewer header (a team member's id); the service decides what
// a blind stage shows them.
import { z } from 'zod';
import type { Repositories } from '../db/repositories.ts';
import { defineRoute, type RouteDef } from '../http/route.ts';
import { importDecisions } from '../services/screening-import.ts';
import { screeningOf } from '../services/screening.ts';
import { idParamSchema } from '../../shared/schemas.ts';
import {
  agreementSchema, conflictSchema, decisionBodySchema, decisionImportBodySchema, decisionImportQuerySchema,
  decisionImportReportSchema, decisionSchemaOut, progressSchema, queueQuerySchema, queueSchema, resolutionBodySchema,
  resolutionSchema, screeningStageSchema, stageCreateSchema, stageUpdateSchema,
} from '../../shared/screening/schemas.ts';

const tag = 'screening';
const base = '/reviews/:reviewId/screening';
const reviewParams = z.object({ reviewId: idParamSchema });
const stageParams = z.object({ reviewId: idParamSchema, stageId: idParamSchema });
const itemParams = z.object({ reviewId: idParamSchema, stageId: idParamSchema, itemId: idParamSchema });
const who = ' (send X-Workbench-Reviewer: your reviewer id)';

export function screeningRoutes(repos: Repositories): RouteDef[] {
  const screening = screeningOf(repos);
  return [
    defineRoute({
      method: 'get', path: `${base}/stages`, tag, params: reviewParams, response: z.array(screeningStageSchema),
      summary: 'The review\'s screening stages in order, each with the size of its item set',
      handler: ({ params }) => screening.stages(params.reviewId),
    }),
    defineRoute({
      method: 'post', path: `${base}/stages`, tag, status: 201, params: reviewParams, body: stageCreateSchema, response: screeningStageSchema,
      summary: `Add a stage (title, title-abstract, abstract or full-text) at the end; the first screens the library, later ones what the stage before included${who}`,
      handler: ({ params, body }, res) => screening.createStage(params.reviewId, body, screening.asker(params.reviewId, res).name),
    }),
    defineRoute({
      method: 'patch', path: `${base}/stages/:stageId`, tag, params: stageParams, body: stageUpdateSchema, response: screeningStageSchema,
      summary: `Change a stage (send the version you read)${who}`,
      handler: ({ params, body }, res) => screening.updateStage(params.reviewId, params.stageId, body, screening.asker(params.reviewId, res).name),
    }),
    defineRoute({
      method: 'delete', path: `${base}/stages/:stageId`, tag, status: 204, params: stageParams,
      query: z.object({ force: z.enum(['true', 'false']).optional() }),
      summary: `Delete a stage; 409 when it has decisions unless ?force=true${who}`,
      handler: ({ params, query }, res) => {
        screening.deleteStage(params.reviewId, params.stageId, query.force === 'true', screening.asker(params.reviewId, res).name);
        return undefined;
      },
    }),
    defineRoute({
      method: 'get', path: `${base}/stages/:stageId/queue`, tag, params: stageParams, query: queueQuerySchema, response: queueSchema,
      summary: `The records to screen, in a stable random order or most likely relevant first, paged by position${who}`,
      handler: ({ params, query }, res) => screening.queue(params.reviewId, params.stageId, res, query),
    }),
    defineRoute({
      method: 'put', path: `${base}/stages/:stageId/decisions/:itemId`, tag, params: itemParams, body: decisionBodySchema, response: decisionSchemaOut,
      summary: `Record your decision on an item (include, exclude with a reason, maybe)${who}`,
      handler: ({ params, body }, res) => screening.decide(params.reviewId, params.stageId, params.itemId, res, body),
    }),
    defineRoute({
      method: 'delete', path: `${base}/stages/:stageId/decisions/:itemId`, tag, status: 204, params: itemParams,
      summary: `Undo your decision on an item${who}`,
      handler: ({ params }, res) => {
        screening.undo(params.reviewId, params.stageId, params.itemId, res);
        return undefined;
      },
    }),
    defineRoute({
      method: 'get', path: `${base}/stages/:stageId/progress`, tag, params: stageParams, response: progressSchema,
      summary: `Decided so far, per reviewer (while blind: only yours), and the final decisions once visible${who}`,
      handler: ({ params }, res) => screening.progress(params.reviewId, params.stageId, res),
    }),
    defineRoute({
      method: 'post', path: `${base}/stages/:stageId/unblind`, tag, params: stageParams, response: screeningStageSchema,
      summary: `Show every reviewer the others' decisions (a lead only)${who}`,
      handler: ({ params }, res) => screening.unblind(params.reviewId, params.stageId, res),
    }),
    defineRoute({
      method: 'get', path: `${base}/stages/:stageId/conflicts`, tag, params: stageParams, response: z.array(conflictSchema),
      summary: `Items whose decisions disagree or include a maybe (once unblinded, or when you have decided every item)${who}`,
      handler: ({ params }, res) => screening.conflicts(params.reviewId, params.stageId, res),
    }),
    defineRoute({
      method: 'post', path: `${base}/stages/:stageId/resolutions`, tag, status: 201, params: stageParams, body: resolutionBodySchema,
      response: resolutionSchema, summary: `Record the final decision on an item, with a note (a lead only)${who}`,
      handler: ({ params, body }, res) => screening.resolve(params.reviewId, params.stageId, res, body),
    }),
    defineRoute({
      method: 'delete', path: `${base}/stages/:stageId/resolutions/:itemId`, tag, status: 204, params: itemParams,
      summary: `Undo a resolution (a lead only)${who}`,
      handler: ({ params }, res) => {
        screening.unresolve(params.reviewId, params.stageId, params.itemId, res);
        return undefined;
      },
    }),
    defineRoute({
      method: 'get', path: `${base}/stages/:stageId/agreement`, tag, params: stageParams, response: agreementSchema,
      summary: `Percentage agreement and Cohen's kappa (95% CI) per pair of reviewers, Fleiss' kappa for three or more (once unblinded, or when you have decided every item)${who}`,
      handler: ({ params }, res) => {
        const stage = screening.requireStage(params.reviewId, params.stageId);
        return screening.agreement(params.reviewId, stage, screening.asker(params.reviewId, res).id);
      },
    }),
    defineRoute({
      method: 'post', path: `${base}/decisions/import`, tag, params: reviewParams, query: decisionImportQuerySchema,
      body: decisionImportBodySchema, response: decisionImportReportSchema,
      summary: 'Import decisions from a CSV (item key, reviewer, stage, decision, reason; or Rayyan\'s export) into a stage; rows that do not match are reported by line',
      handler: ({ params, query, body }, res) => {
        screening.asker(params.reviewId, res);
        const stage = screening.requireStage(params.reviewId, query.stage);
        return importDecisions(repos, screening, params.reviewId, stage, body.text);
      },
    }),
  ];
}
