// workbench dedupe: find duplicate groups across the library; --auto merges the certain ones (same DOI, or same
// title, year and first author, with no DOI, volume, issue or first page differing between any two of them) and
// leaves the rest for review, each with the reasons it was not certain.
import { createLiteratureRepo } from '../db/literature-repo.ts';
import { parseOptions, resolveReview, withWorkbench, type Command } from './common.ts';

export const dedupeCommand: Command = {
  name: 'dedupe',
  usage: ['workbench dedupe [--review ID] [--auto] [--json] [--db PATH]'],
  run(args, io) {
    const { values } = parseOptions(args, {
      review: { type: 'string' },
      auto: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    });
    withWorkbench(values.db, (wb) => {
      const reviewId = resolveReview(wb, values.review);
      const repo = createLiteratureRepo(wb.db);
      repo.refreshDuplicates(reviewId);
      const groups = repo.duplicateGroups(reviewId);
      let merged = 0;
      if (values.auto) {
        const actor = `${process.env.USER ?? 'local'} (workbench dedupe --auto)`;
        for (const g of groups.filter((x) => x.certain)) {
          wb.db.transaction(() => repo.merge(reviewId, g.members.map((m) => m.item), { rule: g.rule, score: g.score }, actor))();
          merged++;
        }
        if (merged > 0) repo.refreshDuplicates(reviewId);
      }
      const shape = {
        groups: groups.map((g) => ({
          rule: g.rule, score: g.score, certain: g.certain, reasons: g.reasons,
          members: g.members.map((m) => ({ item: m.item, file: m.file, record: m.record })),
        })),
      };
      if (values.json) io.out.write(`${JSON.stringify(shape, null, 2)}\n`);
      else {
        for (const g of groups) {
          const why = g.reasons.length > 0 ? ` (${g.reasons.join('; ')})` : '';
          io.out.write(`${g.rule} ${g.score}${g.certain ? ' certain' : ''}: ${g.members.map((m) => `#${m.item} ${m.file}:${m.record}`).join(', ')}${why}\n`);
        }
        io.out.write(`${groups.length} duplicate groups\n`);
      }
      if (values.auto) io.err.write(`merged ${merged} certain groups automatically; ${groups.length - merged} left for review\n`);
    });
    return 0;
  },
};
