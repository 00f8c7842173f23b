// Time to read a review's snapshot, compute the crosswalk and render its tables, at the seed's size and at 50 × 12.
import { buildCrosswalk } from '../../shared/crosswalk/crosswalk.ts';
import { renderCsv } from '../../shared/export/csv.ts';
import { renderMarkdown } from '../../shared/export/markdown.ts';
import { bandsTable, stagesTable } from '../../shared/crosswalk/tables.ts';
import { openWorkbench } from '../../server/workbench.ts';
import { tempDbPath } from '../support/server.ts';
import { addSyntheticReview } from './synthetic.ts';
import { fmt, percentile, time } from './stats.ts';

export async function benchCrosswalk(): Promise<void> {
  const wb = openWorkbench(tempDbPath('wb-bench-'));
  const cases: [string, number][] = [['seed review (10 models, 51 phases)', wb.seedReviewId as number]];
  cases.push(['synthetic 50 models × 12 phases', addSyntheticReview(wb, 50, 12)]);
  for (const [name, reviewId] of cases) {
    const snapshot = wb.repos.snapshot(reviewId);
    const read = time(() => wb.repos.snapshot(reviewId), 50);
    const compute = time(() => buildCrosswalk(snapshot), 200);
    const cw = buildCrosswalk(snapshot);
    const render = time(() => {
      renderCsv(bandsTable(cw));
      renderCsv(stagesTable(cw));
      renderMarkdown(bandsTable(cw));
    }, 200);
    console.log(
      `${name}: read snapshot p50 ${fmt(percentile(read, 50))} p99 ${fmt(percentile(read, 99))}; ` +
        `compute p50 ${fmt(percentile(compute, 50))} p99 ${fmt(percentile(compute, 99))}; ` +
        `render CSV×2+MD p50 ${fmt(percentile(render, 50))} p99 ${fmt(percentile(render, 99))}`,
    );
  }
  wb.close();
}
