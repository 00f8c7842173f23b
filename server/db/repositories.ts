// The repositories of one database: built once per app, every statement prepared once.
import type { Db } from './connection.ts';
import { AuditLog } from './audit-log.ts';
import { EntityRepo, type EntitySpec } from './entity-repo.ts';
import { createReviewTeam, settingsCodec } from './review-repo.ts';
import type { Alignment, Band, FlowCount, Framework, Phase, Review, Stage } from '../../shared/schemas.ts';
import type { ReviewSnapshot } from '../../shared/crosswalk/crosswalk.ts';

const timestamps = { version: 'version', createdAt: 'created_at', updatedAt: 'updated_at' } as const;

export const reviewSpec: EntitySpec<Review> = {
  entity: 'review',
  table: 'review',
  columns: { id: 'id', slug: 'slug', title: 'title', question: 'question', description: 'description',
    citation: 'citation', doi: 'doi', crosswalkCaption: 'crosswalk_caption', targetCaption: 'target_caption',
    archivedAt: 'archived_at', deletedAt: 'deleted_at', settings: 'settings_json', ...timestamps },
  reviewIdSql: 'SELECT id AS reviewId FROM review WHERE id = ?',
  codecs: { settings: settingsCodec },
};

export const bandSpec: EntitySpec<Band> = {
  entity: 'band',
  table: 'band',
  columns: { id: 'id', reviewId: 'review_id', position: 'position', label: 'label', ...timestamps },
  parent: 'reviewId',
  reviewIdSql: 'SELECT review_id AS reviewId FROM band WHERE id = ?',
};

export const frameworkSpec: EntitySpec<Framework> = {
  entity: 'framework',
  table: 'framework',
  columns: {
    id: 'id', reviewId: 'review_id', role: 'role', name: 'name', shortName: 'short_name', citation: 'citation',
    discipline: 'discipline', description: 'description', position: 'position', ...timestamps,
  },
  parent: 'reviewId',
  reviewIdSql: 'SELECT review_id AS reviewId FROM framework WHERE id = ?',
};

export const phaseSpec: EntitySpec<Phase> = {
  entity: 'phase',
  table: 'phase',
  columns: {
    id: 'id', frameworkId: 'framework_id', bandId: 'band_id', position: 'position', label: 'label',
    description: 'description', ...timestamps,
  },
  parent: 'frameworkId',
  reviewIdSql: 'SELECT f.review_id AS reviewId FROM phase p JOIN framework f ON f.id = p.framework_id WHERE p.id = ?',
};

export const stageSpec: EntitySpec<Stage> = {
  entity: 'stage',
  table: 'stage',
  columns: {
    id: 'id', frameworkId: 'framework_id', bandId: 'band_id', position: 'position', name: 'name', focus: 'focus',
    purpose: 'purpose', keyLabel: 'key_label', keyQuestion: 'key_question', successMeasures: 'success_measures',
    ...timestamps,
  },
  parent: 'frameworkId',
  reviewIdSql: 'SELECT f.review_id AS reviewId FROM stage s JOIN framework f ON f.id = s.framework_id WHERE s.id = ?',
};

export const alignmentSpec: EntitySpec<Alignment> = {
  entity: 'alignment',
  table: 'alignment',
  columns: {
    id: 'id', phaseId: 'phase_id', stageId: 'stage_id', relation: 'relation', confidence: 'confidence',
    rationale: 'rationale', reviewerId: 'reviewer_id', status: 'status', ...timestamps,
  },
  parent: 'phaseId',
  reviewIdSql:
    'SELECT f.review_id AS reviewId FROM alignment a JOIN phase p ON p.id = a.phase_id ' +
    'JOIN framework f ON f.id = p.framework_id WHERE a.id = ?',
};

export type Repositories = ReturnType<typeof createRepositories>;

export function createRepositories(db: Db, now: () => string) {
  const audit = new AuditLog(db, now);
  const repo = <T extends Review | Band | Framework | Phase | Stage | Alignment>(spec: EntitySpec<T>) =>
    new EntityRepo<T>(db, spec, audit, now);

  const flowOfReview = db.prepare(
    `SELECT id, review_id AS reviewId, position, key, label, count, note FROM flow_count
     WHERE review_id = ? ORDER BY position, id`,
  );
  const reviewBySlug = db.prepare('SELECT id FROM review WHERE slug = ?');

  const reviews = repo(reviewSpec);
  const bands = repo(bandSpec);
  const frameworks = repo(frameworkSpec);
  const phases = repo(phaseSpec);
  const stages = repo(stageSpec);
  const alignments = repo(alignmentSpec);

  const listReviews = reviews.query('WHERE t.deleted_at IS NULL ORDER BY t.id');
  const trashedReviews = reviews.query('WHERE t.deleted_at IS NOT NULL ORDER BY t.id');
  const phasesOfReview = phases.query(
    'JOIN framework f ON f.id = t.framework_id WHERE f.review_id = ? ORDER BY f.position, t.position, t.id',
  );
  const stagesOfReview = stages.query(
    'JOIN framework f ON f.id = t.framework_id WHERE f.review_id = ? ORDER BY f.position, t.position, t.id',
  );
  const alignmentsOfReview = alignments.query(
    'JOIN phase p ON p.id = t.phase_id JOIN framework f ON f.id = p.framework_id WHERE f.review_id = ? ORDER BY t.id',
  );

  return {
    db,
    audit,
    now,
    reviews,
    bands,
    frameworks,
    phases,
    stages,
    alignments,
    team: createReviewTeam(db, audit, now),
    /** the reviews not in the trash (archived ones included) */
    listReviews: (): Review[] => listReviews(),
    trashedReviews: (): Review[] => trashedReviews(),
    reviewIdBySlug: (slug: string): number | undefined => (reviewBySlug.get(slug) as { id: number } | undefined)?.id,
    phasesOfReview: (reviewId: number): Phase[] => phasesOfReview(reviewId),
    stagesOfReview: (reviewId: number): Stage[] => stagesOfReview(reviewId),
    alignmentsOfReview: (reviewId: number): Alignment[] => alignmentsOfReview(reviewId),
    flowCounts: (reviewId: number): FlowCount[] => flowOfReview.all(reviewId) as FlowCount[],
    snapshot(reviewId: number): ReviewSnapshot {
      // only what the tables show: the snapshot's hash (in every export) stays put when the question or settings change
      const { id, slug, title, description, citation, doi, crosswalkCaption, targetCaption, version, createdAt, updatedAt } = reviews.require(reviewId);
      const review = { id, slug, title, description, citation, doi, crosswalkCaption, targetCaption, version, createdAt, updatedAt };
      return {
        review,
        bands: bands.list(reviewId),
        frameworks: frameworks.list(reviewId),
        phases: phasesOfReview(reviewId),
        stages: stagesOfReview(reviewId),
        alignments: alignmentsOfReview(reviewId),
      };
    },
  };
}
