// Delete with undo: a framework, phase, stage or alignment is removed together with everything that cascades from
// it (phases, stages, alignments, citation links), and the removed rows are handed back as one "subtree" that
// restores them exactly — same ids, positions, versions and links — in one transaction.
import { z } from 'zod';
import type { Db } from '../db/connection.ts';
import type { EntitySpec, VersionedEntity } from '../db/entity-repo.ts';
import {
  alignmentSpec, frameworkSpec, phaseSpec, stageSpec, type Repositories,
} from '../db/repositories.ts';
import { HttpProblem } from '../http/problem.ts';
import {
  alignmentSchema, frameworkSchema, id, phaseSchema, stageSchema,
  type Alignment, type Framework, type Phase, type Stage,
} from '../../shared/schemas.ts';

export const SUBTREE_KINDS = ['framework', 'phase', 'stage', 'alignment'] as const;
export type SubtreeKind = (typeof SUBTREE_KINDS)[number];
/** URL collection segment of each kind */
export const COLLECTION_OF: Record<SubtreeKind, string> = {
  framework: 'frameworks', phase: 'phases', stage: 'stages', alignment: 'alignments',
};

export const citationLinkSchema = z.object({
  id,
  citationId: id,
  frameworkId: id.nullable(),
  phaseId: id.nullable(),
  stageId: id.nullable(),
  alignmentId: id.nullable(),
  locator: z.string(),
  quote: z.string(),
  createdAt: z.string(),
});
export type CitationLink = z.infer<typeof citationLinkSchema>;

export const subtreeSchema = z.strictObject({
  reviewId: id,
  root: z.strictObject({ kind: z.enum(SUBTREE_KINDS), id }),
  frameworks: z.array(frameworkSchema),
  phases: z.array(phaseSchema),
  stages: z.array(stageSchema),
  alignments: z.array(alignmentSchema),
  citationLinks: z.array(citationLinkSchema),
});
export type Subtree = z.infer<typeof subtreeSchema>;

export const subtreeCountsSchema = z.object({
  frameworks: z.number().int(),
  phases: z.number().int(),
  stages: z.number().int(),
  alignments: z.number().int(),
  citationLinks: z.number().int(),
});
export type SubtreeCounts = z.infer<typeof subtreeCountsSchema>;

export const countsOf = (s: Subtree): SubtreeCounts => ({
  frameworks: s.frameworks.length,
  phases: s.phases.length,
  stages: s.stages.length,
  alignments: s.alignments.length,
  citationLinks: s.citationLinks.length,
});

const LINK_COLUMNS =
  'id, citation_id AS citationId, framework_id AS frameworkId, phase_id AS phaseId, stage_id AS stageId, ' +
  'alignment_id AS alignmentId, locator, quote, created_at AS createdAt';

/** INSERT of every column, id included, built from the entity's column map like the repositories build theirs. */
function insertAll<T extends VersionedEntity>(db: Db, spec: EntitySpec<T>): (row: T) => void {
  const fields = Object.keys(spec.columns) as (keyof T & string)[];
  const stmt = db.prepare<unknown[]>(
    `INSERT INTO ${spec.table} (${fields.map((f) => spec.columns[f]).join(', ')}) VALUES (${fields.map(() => '?').join(', ')})`,
  );
  return (row) => void stmt.run(...fields.map((f) => row[f]));
}

const uniqueById = <T extends { id: number }>(rows: T[]): T[] => [...new Map(rows.map((r) => [r.id, r])).values()];

export function subtreeService(repos: Repositories) {
  const { db } = repos;
  const linksBy = {
    framework: db.prepare(`SELECT ${LINK_COLUMNS} FROM citation_link WHERE framework_id = ?`),
    phase: db.prepare(`SELECT ${LINK_COLUMNS} FROM citation_link WHERE phase_id = ?`),
    stage: db.prepare(`SELECT ${LINK_COLUMNS} FROM citation_link WHERE stage_id = ?`),
    alignment: db.prepare(`SELECT ${LINK_COLUMNS} FROM citation_link WHERE alignment_id = ?`),
  };
  const linkById = db.prepare('SELECT id FROM citation_link WHERE id = ?');
  const citationReview = db.prepare('SELECT review_id AS reviewId FROM citation WHERE id = ?');
  const insertLink = db.prepare(
    `INSERT INTO citation_link (id, citation_id, framework_id, phase_id, stage_id, alignment_id, locator, quote, created_at)
     VALUES (@id, @citationId, @frameworkId, @phaseId, @stageId, @alignmentId, @locator, @quote, @createdAt)`,
  );
  const targetOf = repos.frameworks.query("WHERE t.review_id = ? AND t.role = 'target'");
  const alignmentsOfPhase = repos.alignments.query('WHERE t.phase_id = ? ORDER BY t.id');
  const alignmentsOfStage = repos.alignments.query('WHERE t.stage_id = ? ORDER BY t.id');
  const insert = {
    framework: insertAll<Framework>(db, frameworkSpec),
    phase: insertAll<Phase>(db, phaseSpec),
    stage: insertAll<Stage>(db, stageSpec),
    alignment: insertAll<Alignment>(db, alignmentSpec),
  };
  const repoOf = {
    framework: repos.frameworks, phase: repos.phases, stage: repos.stages, alignment: repos.alignments,
  } as const;

  /** Everything a delete of this entity removes, read before the delete. */
  function collect(reviewId: number, kind: SubtreeKind, rootId: number): Subtree {
    repoOf[kind].require(rootId, reviewId);
    const frameworks: Framework[] = [];
    const phases: Phase[] = [];
    const stages: Stage[] = [];
    const alignments: Alignment[] = [];
    if (kind === 'framework') {
      frameworks.push(repos.frameworks.require(rootId));
      phases.push(...repos.phases.list(rootId));
      stages.push(...repos.stages.list(rootId));
    } else if (kind === 'phase') phases.push(repos.phases.require(rootId));
    else if (kind === 'stage') stages.push(repos.stages.require(rootId));
    else alignments.push(repos.alignments.require(rootId));
    for (const p of phases) alignments.push(...alignmentsOfPhase(p.id));
    for (const s of stages) alignments.push(...alignmentsOfStage(s.id));
    const link = (k: SubtreeKind, rowId: number) => linksBy[k].all(rowId) as CitationLink[];
    const citationLinks = [
      ...frameworks.flatMap((f) => link('framework', f.id)),
      ...phases.flatMap((p) => link('phase', p.id)),
      ...stages.flatMap((s) => link('stage', s.id)),
      ...uniqueById(alignments).flatMap((a) => link('alignment', a.id)),
    ];
    return {
      reviewId,
      root: { kind, id: rootId },
      frameworks,
      phases,
      stages,
      alignments: uniqueById(alignments).sort((a, b) => a.id - b.id),
      citationLinks: uniqueById(citationLinks).sort((a, b) => a.id - b.id),
    };
  }

  /** Deletes the entity (a stale `version` gets 409) and returns what went with it, ready for `restore`. */
  function remove(reviewId: number, kind: SubtreeKind, rootId: number, version: number | undefined, actor: string): Subtree {
    const subtree = collect(reviewId, kind, rootId);
    repoOf[kind].remove(rootId, version, actor);
    // the cascade is invisible to the repository, so the rows it took are written to the audit log here
    const cascaded: [string, { id: number }[]][] = [
      ['phase', kind === 'phase' ? [] : subtree.phases],
      ['stage', kind === 'stage' ? [] : subtree.stages],
      ['alignment', kind === 'alignment' ? [] : subtree.alignments],
    ];
    for (const [entity, rows] of cascaded) {
      for (const row of rows) repos.audit.record(actor, reviewId, entity, row.id, 'delete', row, null);
    }
    return subtree;
  }

  const refuse = (detail: string): never => {
    throw new HttpProblem(409, 'Conflict', `Cannot restore: ${detail}`);
  };

  /** Puts a deleted subtree back exactly as it was, or changes nothing and says why (409). */
  function restore(reviewId: number, subtree: Subtree, actor: string): SubtreeCounts {
    repos.reviews.require(reviewId);
    if (subtree.reviewId !== reviewId) refuse(`it was deleted from review ${subtree.reviewId}, not ${reviewId}.`);
    const taken = (k: SubtreeKind, rows: { id: number }[]) => {
      for (const r of rows) if (repoOf[k].get(r.id)) refuse(`${k} ${r.id} exists again (it was restored already, or its id was reused).`);
    };
    taken('framework', subtree.frameworks);
    taken('phase', subtree.phases);
    taken('stage', subtree.stages);
    taken('alignment', subtree.alignments);
    for (const l of subtree.citationLinks) if (linkById.get(l.id)) refuse(`citation link ${l.id} exists again.`);

    const inTree = {
      framework: new Set(subtree.frameworks.map((f) => f.id)),
      phase: new Set(subtree.phases.map((p) => p.id)),
      stage: new Set(subtree.stages.map((s) => s.id)),
      alignment: new Set(subtree.alignments.map((a) => a.id)),
    };
    const present = (k: SubtreeKind, rowId: number): boolean =>
      inTree[k].has(rowId) || repoOf[k].reviewIdOf(rowId) === reviewId;
    const band = (bandId: number | null, owner: string) => {
      if (bandId !== null && repos.bands.get(bandId)?.reviewId !== reviewId) refuse(`band ${bandId} of ${owner} no longer exists.`);
    };
    for (const f of subtree.frameworks) {
      if (f.reviewId !== reviewId) refuse(`framework ${f.id} belongs to review ${f.reviewId}.`);
      if (f.role === 'target' && targetOf(reviewId).length > 0) refuse(`review ${reviewId} has a target framework again.`);
    }
    for (const p of subtree.phases) {
      if (!present('framework', p.frameworkId)) refuse(`the model ${p.frameworkId} of phase ${p.id} no longer exists.`);
      band(p.bandId, `phase ${p.id}`);
    }
    for (const s of subtree.stages) {
      if (!present('framework', s.frameworkId)) refuse(`the framework ${s.frameworkId} of stage ${s.id} no longer exists.`);
      band(s.bandId, `stage ${s.id}`);
    }
    for (const a of subtree.alignments) {
      if (!present('phase', a.phaseId)) refuse(`phase ${a.phaseId} of alignment ${a.id} no longer exists.`);
      if (a.stageId !== null && !present('stage', a.stageId)) refuse(`stage ${a.stageId} of alignment ${a.id} no longer exists.`);
    }
    for (const l of subtree.citationLinks) {
      const citation = citationReview.get(l.citationId) as { reviewId: number } | undefined;
      if (citation?.reviewId !== reviewId) refuse(`citation ${l.citationId} of citation link ${l.id} no longer exists.`);
      const target: [SubtreeKind, number | null][] = [
        ['framework', l.frameworkId], ['phase', l.phaseId], ['stage', l.stageId], ['alignment', l.alignmentId],
      ];
      for (const [k, targetId] of target) {
        if (targetId !== null && !present(k, targetId)) refuse(`the ${k} ${targetId} of citation link ${l.id} no longer exists.`);
      }
    }

    const put = <T extends VersionedEntity>(k: SubtreeKind, rows: T[], write: (row: T) => void) => {
      for (const row of rows) {
        write(row);
        repos.audit.record(actor, reviewId, k, row.id, 'create', null, row);
      }
    };
    put('framework', subtree.frameworks, insert.framework);
    put('stage', subtree.stages, insert.stage);
    put('phase', subtree.phases, insert.phase);
    // an alignment that would now clash with one made since the delete is refused by the unique indexes (409)
    put('alignment', subtree.alignments, insert.alignment);
    for (const l of subtree.citationLinks) insertLink.run(l);
    return countsOf(subtree);
  }

  return { collect, remove, restore };
}
