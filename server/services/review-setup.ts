// Starting, editing, archiving and trashing reviews: a new review is blank, from the seed template, from another
// review's target framework, or a copy of another review (made by the bundle machinery, in memory).
import type { Repositories } from '../db/repositories.ts';
import { readSeedFile } from '../db/seed.ts';
import { conflict, HttpProblem, unprocessable } from '../http/problem.ts';
import { SEED_FILE } from '../paths.ts';
import {
  BundleError, deleteReviewRows, exportBundle, filterRows, parseBundle, restoreBundle, withoutTables, withReviewRow,
} from './bundle.ts';
import { slugify, uniqueSlug } from './review-slug.ts';
import type { SqlValue } from '../../shared/bundle-schema.ts';
import type { Review, ReviewCreate, ReviewStart, ReviewUpdate } from '../../shared/schemas.ts';

/**
 * The literature library's tables, and the screening and coding of its items: left out of a copy made without
 * literature (the codebook itself stays: its codes name no item).
 */
const LITERATURE_TABLES = new Set(['import_batch', 'import_failure', 'lit_item', 'item_source', 'dedupe_merge', 'dedupe_distinct',
  'screening_decision', 'screening_resolution', 'tag']);

/** The name a blank review's (empty) target framework gets. */
export const BLANK_TARGET_NAME = 'Target framework';

/** Review fields a copy takes from the request instead of its source: field → column. */
const COPIED_FIELDS = {
  title: 'title', question: 'question', description: 'description', citation: 'citation', doi: 'doi',
  crosswalkCaption: 'crosswalk_caption', targetCaption: 'target_caption',
} as const satisfies Partial<Record<keyof ReviewCreate, string>>;

export interface RestoreUploadOptions {
  replace: boolean;
  /** restore under this slug, the title suffixed " (restored)" */
  slug?: string;
}

interface TargetPlan {
  bands: { key: string; label: string }[];
  target: { name: string; shortName?: string; citation?: string; discipline?: string; description?: string };
  stages: { name: string; band: string | null; focus: string; purpose: string; keyLabel: string; keyQuestion: string; successMeasures: string }[];
  /** the caption of the target table, when the plan has one of its own (the seed's) */
  targetCaption?: string;
}

export type ReviewSetup = ReturnType<typeof reviewSetup>;

export function reviewSetup(repos: Repositories, options: { seedFile?: string } = {}) {
  const { db } = repos;
  const targetOf = repos.frameworks.query("WHERE t.review_id = ? AND t.role = 'target' ORDER BY t.position, t.id");
  /** the review holding a slug, trashed ones included */
  const holder = (slug: string): Review | undefined => {
    const id = repos.reviewIdBySlug(slug);
    return id === undefined ? undefined : repos.reviews.get(id);
  };

  const slugTaken = (slug: string, held: { id: number; title: string }, pointer: string): HttpProblem => {
    const message = `is taken by review ${held.id} "${held.title}"`;
    return new HttpProblem(409, 'Conflict', `The slug "${slug}" ${message}; choose another or leave it out to derive one.`, {
      errors: [{ pointer, message }],
    });
  };

  const chooseSlug = (explicit: string | undefined, title: string): string => {
    if (explicit === undefined) return uniqueSlug(slugify(title), (s) => holder(s) !== undefined);
    const held = holder(explicit);
    if (held) throw slugTaken(explicit, held, '/body/slug');
    return explicit;
  };

  const requireSource = (reviewId: number): Review => {
    const pointer = '/body/start/fromReviewId';
    const source = repos.reviews.get(reviewId);
    if (!source) throw unprocessable(pointer, `no review ${reviewId}`);
    if (source.deletedAt !== null) throw unprocessable(pointer, `review ${reviewId} is in the trash; undelete it first`);
    return source;
  };

  /** Creates the bands and the target framework with its stages in a review; stages name their band by key. */
  const createTarget = (reviewId: number, plan: TargetPlan, actor: string): void => {
    const bandIds = new Map<string, number>();
    for (const { key, label } of plan.bands) bandIds.set(key, repos.bands.create({ reviewId, label }, actor).id);
    const framework = repos.frameworks.create({ reviewId, role: 'target', ...plan.target }, actor);
    for (const { band, ...stage } of plan.stages) {
      repos.stages.create({ frameworkId: framework.id, bandId: band === null ? null : (bandIds.get(band) ?? null), ...stage }, actor);
    }
  };

  /** The seed review's bands and Table 2, from the fixture file (the seed review in the database may be edited). */
  const seedPlan = (): TargetPlan => {
    const seed = readSeedFile(options.seedFile ?? SEED_FILE);
    const { stages, ...target } = seed.targetFramework;
    return { bands: seed.bands.map((label) => ({ key: label, label })), target, stages, targetCaption: seed.review.targetCaption };
  };

  /** Another review's bands and target framework, bands keyed by their ids there. */
  const reviewPlan = (sourceId: number): TargetPlan => {
    const target = targetOf(sourceId)[0];
    return {
      bands: repos.bands.list(sourceId).map((b) => ({ key: String(b.id), label: b.label })),
      target: target
        ? { name: target.name, shortName: target.shortName, citation: target.citation, discipline: target.discipline, description: target.description }
        : { name: BLANK_TARGET_NAME },
      stages: (target ? repos.stages.list(target.id) : []).map((s) => ({
        name: s.name, band: s.bandId === null ? null : String(s.bandId), focus: s.focus, purpose: s.purpose,
        keyLabel: s.keyLabel, keyQuestion: s.keyQuestion, successMeasures: s.successMeasures,
      })),
    };
  };

  /** The whole review through an in-memory bundle; its audit log starts with one event naming the source. */
  const copy = (body: ReviewCreate, start: Extract<ReviewStart, { kind: 'copy' }>, slug: string, actor: string): Review => {
    const source = requireSource(start.fromReviewId);
    let bundle = exportBundle(db, source.id, repos.now);
    const drop = new Set(['audit_event']);
    if (!start.alignments) drop.add('alignment');
    if (!start.literature) for (const t of LITERATURE_TABLES) drop.add(t);
    bundle = withoutTables(bundle, drop);
    if (!start.alignments) bundle = filterRows(bundle, 'citation_link', (row) => row.alignment_id === null);
    const now = repos.now();
    const values: Record<string, SqlValue> = {
      slug, version: 1, created_at: now, updated_at: now, archived_at: null, deleted_at: null,
    };
    for (const [field, column] of Object.entries(COPIED_FIELDS)) {
      const value = body[field as keyof typeof COPIED_FIELDS];
      if (value !== undefined) values[column] = value;
    }
    const { reviewId } = restoreBundle(db, withReviewRow(bundle, values), {
      actor,
      recordCreated: (id) => {
        const copied = repos.reviews.require(id);
        repos.audit.record(actor, id, 'review', id, 'create', null, {
          ...copied,
          copiedFrom: { reviewId: source.id, slug: source.slug, title: source.title, alignments: start.alignments, literature: start.literature },
        });
      },
    });
    return repos.reviews.require(reviewId);
  };

  return {
    create(body: ReviewCreate, actor: string): Review {
      return db.transaction((): Review => {
        const { start, slug: explicitSlug, ...fields } = body;
        // checked before anything is written, so a bad source is a 422 whatever else the body says
        if (start?.kind === 'target' || start?.kind === 'copy') requireSource(start.fromReviewId);
        const slug = chooseSlug(explicitSlug, body.title);
        if (start?.kind === 'copy') return copy(body, start, slug, actor);
        const plan = start?.kind === 'template' ? seedPlan() : start?.kind === 'target' ? reviewPlan(start.fromReviewId) : undefined;
        const review = repos.reviews.create({ ...fields, slug, targetCaption: fields.targetCaption ?? plan?.targetCaption }, actor);
        if (plan) createTarget(review.id, plan, actor);
        else if (start?.kind === 'blank') repos.frameworks.create({ reviewId: review.id, role: 'target', name: BLANK_TARGET_NAME }, actor);
        return review;
      })();
    },

    update(reviewId: number, body: ReviewUpdate, actor: string): Review {
      const current = repos.reviews.require(reviewId);
      const { version, archived, ...fields } = body;
      if (current.version !== version) throw conflict('review', reviewId, version, current, current.version);
      if (fields.slug !== undefined && fields.slug !== current.slug) {
        const held = holder(fields.slug);
        if (held) throw slugTaken(fields.slug, held, '/body/slug');
      }
      const patch: Partial<Review> = { ...fields };
      if (archived !== undefined) patch.archivedAt = archived ? (current.archivedAt ?? repos.now()) : null;
      return repos.reviews.update(reviewId, patch, version, actor);
    },

    /** Moves the review to the trash: nothing is removed, so undelete brings it back as it was. */
    trash(reviewId: number, version: number | undefined, actor: string): Review {
      const current = repos.reviews.require(reviewId);
      if (version !== undefined && current.version !== version) throw conflict('review', reviewId, version, current, current.version);
      if (current.deletedAt !== null) return current;
      return repos.reviews.update(reviewId, { deletedAt: repos.now() }, current.version, actor);
    },

    undelete(reviewId: number, actor: string): Review {
      const current = repos.reviews.require(reviewId);
      if (current.deletedAt === null) return current;
      return repos.reviews.update(reviewId, { deletedAt: null }, current.version, actor);
    },

    /** Deletes a review from the trash for good, with its audit log; one event outside any review records it. */
    purge(reviewId: number, actor: string): void {
      const current = repos.reviews.require(reviewId);
      if (current.deletedAt === null) {
        throw new HttpProblem(409, 'Conflict', `Review ${reviewId} is not in the trash: move it to the trash first (DELETE /api/reviews/${reviewId}).`, { current });
      }
      deleteReviewRows(db, reviewId);
      repos.audit.record(actor, null, 'review', reviewId, 'delete', current, null);
    },

    /** Restores a bundle's text as a review (its own transaction); a bad bundle is 422, a taken slug 409. */
    restoreUpload(text: string, opts: RestoreUploadOptions, actor: string): Review {
      let bundle;
      try {
        bundle = parseBundle(text);
      } catch (error) {
        if (error instanceof BundleError) throw unprocessable('/body', error.message);
        throw error;
      }
      const slug = opts.slug ?? bundle.review.slug;
      const held = holder(slug);
      if (held && !opts.replace) {
        throw new HttpProblem(409, 'Conflict',
          `A review "${slug}" is already in this database (review ${held.id} "${held.title}"): pass replace=true to overwrite it, ` +
          'or slug=NEW to restore the bundle beside it under another slug.',
          { errors: [{ pointer: opts.slug ? '/query/slug' : '/body', message: `slug "${slug}" is taken by review ${held.id}` }] });
      }
      // a bundle of a review that was in the trash comes back out of it
      const values: Record<string, SqlValue> = { deleted_at: null };
      if (opts.slug) Object.assign(values, { slug: opts.slug, title: `${bundle.review.title} (restored)` });
      try {
        const { reviewId } = restoreBundle(db, withReviewRow(bundle, values), { replace: opts.replace, actor });
        return repos.reviews.require(reviewId);
      } catch (error) {
        if (error instanceof BundleError) throw unprocessable('/body', error.message);
        throw error;
      }
    },
  };
}
