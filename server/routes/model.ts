// Bands, frameworks, phases, stages and alignments: the generic routes plus the rules that tie them together.
import { z } from 'zod';
import type { Repositories } from '../db/repositories.ts';
import { HttpProblem, notFound, unprocessable } from '../http/problem.ts';
import { defineRoute, type RouteDef } from '../http/route.ts';
import { crudRoutes } from './crud.ts';
import {
  alignmentCreateSchema, alignmentSchema, alignmentUpdateSchema, bandCreateSchema, bandSchema, bandUpdateSchema,
  frameworkCreateSchema, frameworkRoleSchema, frameworkSchema, frameworkUpdateSchema, idParamSchema,
  phaseCreateSchema, phaseSchema, phaseUpdateSchema, stageCreateSchema, stageSchema, stageUpdateSchema,
  type Alignment, type Framework,
} from '../../shared/schemas.ts';

export function modelRoutes(repos: Repositories): RouteDef[] {
  const requireReview = (reviewId: number): void => {
    repos.reviews.require(reviewId);
  };
  const requireFramework = (reviewId: number, id: number, role: Framework['role'], pointer: string): Framework => {
    const framework = repos.frameworks.get(id);
    if (!framework || framework.reviewId !== reviewId) throw notFound('framework', id);
    if (framework.role !== role) {
      throw unprocessable(pointer, `framework ${id} is a ${framework.role} framework; ${role === 'source' ? 'phases belong to source models' : 'stages belong to the target framework'}`);
    }
    return framework;
  };
  const checkBand = (reviewId: number, bandId: number | null | undefined): void => {
    if (bandId === undefined || bandId === null) return;
    const band = repos.bands.get(bandId);
    if (!band || band.reviewId !== reviewId) throw unprocessable('/body/bandId', `no band ${bandId} in review ${reviewId}`);
  };

  const alignmentsOfPhase = repos.alignments.query('WHERE t.phase_id = ?');
  const checkAlignment = (reviewId: number, values: Partial<Alignment>, existing?: Alignment): void => {
    const phaseId = values.phaseId ?? existing?.phaseId;
    const stageId = values.stageId !== undefined ? values.stageId : existing?.stageId;
    const relation = values.relation ?? existing?.relation;
    if (phaseId === undefined || relation === undefined || stageId === undefined) return;
    const phase = repos.phases.get(phaseId);
    if (!phase || repos.phases.reviewIdOf(phaseId) !== reviewId) throw unprocessable('/body/phaseId', `no phase ${phaseId} in review ${reviewId}`);
    if ((relation === 'no-counterpart') !== (stageId === null)) {
      throw unprocessable('/body/stageId', relation === 'no-counterpart' ? "must be null when relation is 'no-counterpart'" : `is required when relation is '${relation}'`);
    }
    if (stageId !== null) {
      const stage = repos.stages.get(stageId);
      if (!stage || repos.stages.reviewIdOf(stageId) !== reviewId) throw unprocessable('/body/stageId', `no stage ${stageId} in review ${reviewId}`);
    }
    const others = alignmentsOfPhase(phaseId).filter((a) => a.id !== existing?.id);
    const clash =
      relation === 'no-counterpart'
        ? others[0]
        : others.find((a) => a.relation === 'no-counterpart' || a.stageId === stageId);
    if (clash) {
      throw new HttpProblem(
        409,
        'Conflict',
        clash.relation === 'no-counterpart'
          ? `Phase ${phaseId} is marked as having no counterpart (alignment ${clash.id}); remove that first.`
          : relation === 'no-counterpart'
            ? `Phase ${phaseId} is already aligned (alignment ${clash.id}); remove its alignments before marking it as having no counterpart.`
            : `Phase ${phaseId} is already aligned to stage ${stageId} (alignment ${clash.id}); edit that alignment instead.`,
        { current: clash },
      );
    }
  };

  const phaseParent = {
    kind: 'entity' as const, segment: 'frameworks', field: 'frameworkId' as const,
    require: (reviewId: number, id: number) => void requireFramework(reviewId, id, 'source', '/params/parentId'),
  };
  const stageParent = {
    kind: 'entity' as const, segment: 'frameworks', field: 'frameworkId' as const,
    require: (reviewId: number, id: number) => void requireFramework(reviewId, id, 'target', '/params/parentId'),
  };
  const targetOf = repos.frameworks.query("WHERE t.review_id = ? AND t.role = 'target'");
  const alignmentFilter = z.object({
    frameworkId: idParamSchema.optional(),
    phaseId: idParamSchema.optional(),
    stageId: idParamSchema.optional(),
  });

  return [
    ...crudRoutes({
      tag: 'bands', collection: 'bands', repo: repos.bands, schema: bandSchema,
      createSchema: bandCreateSchema, updateSchema: bandUpdateSchema, parent: { kind: 'review', field: 'reviewId' },
    }, requireReview),
    ...crudRoutes({
      tag: 'frameworks', collection: 'frameworks', repo: repos.frameworks, schema: frameworkSchema,
      createSchema: frameworkCreateSchema, updateSchema: frameworkUpdateSchema, parent: { kind: 'review', field: 'reviewId' },
      validate: (reviewId, values, existing) => {
        if (!existing && values.role === 'target' && targetOf(reviewId).length > 0) {
          throw new HttpProblem(409, 'Conflict', `Review ${reviewId} already has a target framework.`);
        }
      },
    }, requireReview),
    defineRoute({
      method: 'get', path: '/reviews/:reviewId/frameworks-by-role/:role', tag: 'frameworks',
      summary: 'List the source models or the target framework',
      params: z.object({ reviewId: idParamSchema, role: frameworkRoleSchema }), response: z.array(frameworkSchema),
      handler: ({ params }) => repos.frameworks.list(params.reviewId).filter((f) => f.role === params.role),
    }),
    ...crudRoutes({
      tag: 'phases', collection: 'phases', repo: repos.phases, schema: phaseSchema,
      createSchema: phaseCreateSchema, updateSchema: phaseUpdateSchema, parent: phaseParent,
      validate: (reviewId, values) => checkBand(reviewId, values.bandId),
    }, requireReview),
    ...crudRoutes({
      tag: 'stages', collection: 'stages', repo: repos.stages, schema: stageSchema,
      createSchema: stageCreateSchema, updateSchema: stageUpdateSchema, parent: stageParent,
      validate: (reviewId, values) => checkBand(reviewId, values.bandId),
    }, requireReview),
    ...crudRoutes({
      tag: 'alignments', collection: 'alignments', repo: repos.alignments, schema: alignmentSchema,
      createSchema: alignmentCreateSchema, updateSchema: alignmentUpdateSchema,
      parent: {
        kind: 'entity', segment: 'phases', field: 'phaseId',
        require: (reviewId, phaseId) => void repos.phases.require(phaseId, reviewId),
      },
      validate: checkAlignment,
    }, requireReview).filter((r) => !(r.method === 'post' && r.path.endsWith('/alignments'))),
    defineRoute({
      method: 'post', path: '/reviews/:reviewId/alignments', tag: 'alignments', status: 201,
      summary: "Align a phase to a stage with a typed relation (or mark it 'no-counterpart' with stageId null)",
      params: z.object({ reviewId: idParamSchema }), body: alignmentCreateSchema, response: alignmentSchema,
      handler: ({ params, body, actor }) => {
        requireReview(params.reviewId);
        checkAlignment(params.reviewId, body);
        return repos.alignments.create(body, actor);
      },
    }),
    defineRoute({
      method: 'get', path: '/reviews/:reviewId/alignments', tag: 'alignments',
      summary: 'List the alignments of a review, optionally of one model, phase or stage',
      params: z.object({ reviewId: idParamSchema }), query: alignmentFilter, response: z.array(alignmentSchema),
      handler: ({ params, query }) => {
        requireReview(params.reviewId);
        const phaseIds = query.frameworkId !== undefined
          ? new Set(repos.phases.list(query.frameworkId).map((p) => p.id))
          : null;
        return repos.alignmentsOfReview(params.reviewId).filter(
          (a) =>
            (phaseIds === null || phaseIds.has(a.phaseId)) &&
            (query.phaseId === undefined || a.phaseId === query.phaseId) &&
            (query.stageId === undefined || a.stageId === query.stageId),
        );
      },
    }),
  ];
}
