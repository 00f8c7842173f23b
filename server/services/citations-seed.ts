// The seed review's references (fixtures/seed/references.json), linked to its models on first start. Marked in
// app_meta so they load exactly once per database, including databases created before the references existed;
// a user who deletes them or the review does not get them back.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Repositories } from '../db/repositories.ts';
import { ROOT } from '../paths.ts';
import { cslItemSchema } from '../../shared/csl.ts';
import { citekeySchema } from '../../shared/citations/model.ts';
import { normalizeCsl } from '../../shared/citations/normalize.ts';
import { createCitationRepo } from '../db/citation-repo.ts';

export const SEED_REFERENCES_FILE = path.join(ROOT, 'fixtures', 'seed', 'references.json');

const referencesFileSchema = z.object({
  formatVersion: z.literal(1),
  review: z.string(),
  references: z.array(z.object({
    citekey: citekeySchema,
    /** names of the review's frameworks the reference is the source of */
    frameworks: z.array(z.string()),
    csl: cslItemSchema.extend({ id: z.string().optional() }),
  })),
});

export function loadSeedReferences(repos: Repositories, now: () => string, file = SEED_REFERENCES_FILE): number {
  const parsed = referencesFileSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`Seed references ${file} are invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const seed = parsed.data;
  const mark = `seed-references:${seed.review}`;
  if (repos.db.prepare('SELECT 1 FROM app_meta WHERE key = ?').get(mark)) return 0;
  // The repository alone, not the citation service: opening a workbench should not load citation-js.
  const citations = createCitationRepo(repos, now);
  return repos.db.transaction(() => {
    const reviewId = repos.reviewIdBySlug(seed.review);
    let added = 0;
    if (reviewId !== undefined) {
      const frameworks = repos.frameworks.list(reviewId);
      for (const ref of seed.references) {
        if (citations.keyTaken(reviewId, ref.citekey)) continue;
        const citation = citations.create(reviewId, ref.citekey, normalizeCsl({ ...ref.csl, id: ref.citekey }), 'seed');
        added++;
        for (const name of ref.frameworks) {
          const framework = frameworks.find((f) => f.name === name);
          if (framework) citations.link(citation.id, 'framework', framework.id, '', '', 'seed');
        }
      }
    }
    repos.db.prepare('INSERT INTO app_meta (key, value) VALUES (?, ?)').run(mark, now());
    return added;
  })();
}
