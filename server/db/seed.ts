// Loads a review fixture (the seed review on first start). Idempotent: a review whose slug exists is left alone.
import fs from 'node:fs';
import { seedFileSchema, type SeedFile } from '../../shared/seed-schema.ts';
import type { Repositories } from './repositories.ts';

export const SEED_ACTOR = 'seed';

export function readSeedFile(file: string): SeedFile {
  const parsed = seedFileSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) {
    throw new Error(`Seed file ${file} is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}

/**
 * Loads the fixture once per database: a later start finds the mark in app_meta and adds nothing, even if the
 * user has since deleted or renamed the review. Returns the review's id if it still exists.
 */
export function loadSeed(repos: Repositories, seed: SeedFile): { reviewId: number | undefined; created: boolean } {
  const mark = `seed:${seed.review.slug}`;
  const getMark = repos.db.prepare('SELECT value FROM app_meta WHERE key = ?');
  if (getMark.get(mark)) return { reviewId: repos.reviewIdBySlug(seed.review.slug), created: false };
  return repos.db.transaction(() => {
    const review = repos.reviews.create(seed.review, SEED_ACTOR);
    const bandIds = new Map<string, number>();
    for (const label of seed.bands) bandIds.set(label, repos.bands.create({ reviewId: review.id, label }, SEED_ACTOR).id);
    const bandId = (label: string, where: string): number => {
      const found = bandIds.get(label);
      if (found === undefined) throw new Error(`Seed: ${where} names band "${label}", which is not among ${seed.bands.join(', ')}`);
      return found;
    };

    const phaseIds = new Map<string, number>();
    for (const model of seed.sourceModels) {
      const framework = repos.frameworks.create(
        { reviewId: review.id, role: 'source', name: model.name, citation: model.citation },
        SEED_ACTOR,
      );
      // Phases are created band by band in the order of the bands, so their positions follow the printed table.
      for (const band of seed.bands) {
        for (const label of model.phases[band] ?? []) {
          const phase = repos.phases.create({ frameworkId: framework.id, bandId: bandId(band, model.name), label }, SEED_ACTOR);
          phaseIds.set(`${model.name}\u0000${label}`, phase.id);
        }
      }
      for (const band of Object.keys(model.phases)) bandId(band, model.name);
    }

    const target = repos.frameworks.create(
      { reviewId: review.id, role: 'target', name: seed.targetFramework.name, citation: seed.targetFramework.citation },
      SEED_ACTOR,
    );
    const stageIds = new Map<string, number>();
    for (const { band, ...stage } of seed.targetFramework.stages) {
      const created = repos.stages.create({ frameworkId: target.id, bandId: bandId(band, stage.name), ...stage }, SEED_ACTOR);
      stageIds.set(stage.name, created.id);
    }

    for (const a of seed.alignments) {
      const phaseId = phaseIds.get(`${a.model}\u0000${a.phase}`);
      const stageId = stageIds.get(a.stage);
      if (phaseId === undefined || stageId === undefined) {
        throw new Error(`Seed: alignment names an unknown phase "${a.model}: ${a.phase}" or stage "${a.stage}"`);
      }
      repos.alignments.create(
        { phaseId, stageId, relation: a.relation, rationale: a.rationale, status: 'accepted', confidence: null },
        SEED_ACTOR,
      );
    }

    const insertFlow = repos.db.prepare(
      'INSERT INTO flow_count (review_id, position, key, label, count, note) VALUES (?, ?, ?, ?, ?, ?)',
    );
    seed.reviewFlow.forEach((f, i) => insertFlow.run(review.id, i, f.key, f.label, f.count, f.note ?? ''));
    repos.audit.record(SEED_ACTOR, review.id, 'review', review.id, 'seed', null, { slug: seed.review.slug });
    repos.db.prepare('INSERT INTO app_meta (key, value) VALUES (?, ?)').run(mark, review.createdAt);
    return { reviewId: review.id, created: true };
  })();
}
