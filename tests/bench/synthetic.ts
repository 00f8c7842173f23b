// A synthetic review of any size, through the same repositories the API uses.
import type { Workbench } from '../../server/workbench.ts';
import { RELATIONS } from '../../shared/schemas.ts';

/** Adds a review with `models` source models of `phasesPerModel` phases each, six stages, and alignments for most phases. */
export function addSyntheticReview(wb: Workbench, models: number, phasesPerModel: number, seed = 1): number {
  let state = seed;
  const random = (): number => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const { repos } = wb;
  return wb.db.transaction(() => {
    const review = repos.reviews.create({ slug: `synthetic-${models}x${phasesPerModel}-${seed}`, title: `Synthetic ${models} × ${phasesPerModel}` }, 'bench');
    const bands = ['Early', 'Middle', 'Latter'].map((label) => repos.bands.create({ reviewId: review.id, label }, 'bench'));
    const target = repos.frameworks.create({ reviewId: review.id, role: 'target', name: 'Target' }, 'bench');
    const stages = Array.from({ length: 6 }, (_, i) =>
      repos.stages.create({ frameworkId: target.id, name: `Stage ${i + 1}`, bandId: bands[Math.floor(i / 2)]?.id ?? null }, 'bench'),
    );
    for (let m = 0; m < models; m++) {
      const fw = repos.frameworks.create({ reviewId: review.id, role: 'source', name: `Model ${m + 1}`, citation: `Author ${m + 1}, ${2000 + (m % 25)}` }, 'bench');
      for (let p = 0; p < phasesPerModel; p++) {
        const band = bands[Math.min(2, Math.floor((p / phasesPerModel) * 3))];
        const phase = repos.phases.create({ frameworkId: fw.id, label: `Phase ${p + 1} of model ${m + 1}`, bandId: band?.id ?? null }, 'bench');
        if (random() < 0.8) {
          const stage = stages[Math.min(5, Math.floor((p / phasesPerModel) * 6))];
          const relation = RELATIONS[Math.floor(random() * 4)] ?? 'equivalent';
          repos.alignments.create({ phaseId: phase.id, stageId: stage?.id ?? null, relation, confidence: Math.round(random() * 100) / 100 }, 'bench');
        }
      }
    }
    return review.id;
  })();
}
