// The framework matrix and the evidence map of a review with 500 items and 5,000 tags (stages, phases and ten own
// categories with children, two reviewers): the service call as the API answers it (read + compute) and the pure
// computation alone, p50 and p95. The budget is 200 ms p95 for the screens; this is the server's share.
import { openWorkbench } from '../../server/workbench.ts';
import { codingOf } from '../../server/services/coding.ts';
import { computeEvidenceMap } from '../../shared/coding/evidence-map.ts';
import { computeMatrix } from '../../shared/coding/matrix.ts';
import { insertItems, testItems } from '../support/coding-items.ts';
import { tempDbPath } from '../support/server.ts';
import { fmt, percentile, time } from './stats.ts';

export async function benchCoding(): Promise<void> {
  const wb = openWorkbench(tempDbPath('wb-bench-coding-'));
  const reviewId = wb.seedReviewId as number;
  const repos = wb.repos;
  const coding = codingOf(repos);
  const team = [repos.team.add(reviewId, 'Bench A', null, 'bench'), repos.team.add(reviewId, 'Bench B', null, 'bench')];
  const items = insertItems(repos.db, reviewId, testItems(500, 'Bench record'));
  repos.db.transaction(() => {
    for (let c = 0; c < 10; c++) {
      const top = coding.createCode(reviewId, { label: `Category ${c + 1}`, band: (['early', 'middle', 'latter'] as const)[c % 3] }, 'bench');
      for (let k = 0; k < 3; k++) coding.createCode(reviewId, { label: `Sub ${c + 1}.${k + 1}`, parentId: top.id }, 'bench');
    }
  })();
  const refs = coding.codebook(reviewId).filter((n) => n.taggable).map((n) => n.ref);
  // a fixed linear congruential sequence: the same 5,000 tags every run
  let seed = 42;
  const next = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  repos.db.transaction(() => {
    let made = 0;
    while (made < 5000) {
      const itemId = items[next(items.length)] as number;
      const code = refs[next(refs.length)] as string;
      const who = team[next(2)] as (typeof team)[number];
      const quote = `passage ${made} of the item, quoted at some length so that the cells carry real text`;
      try {
        coding.createTag(reviewId, { itemId, code, quote, locator: `p. ${1 + next(30)}` }, who);
        made++;
      } catch {
        // the same tag twice by chance: draw again
      }
    }
  })();
  const nodes = coding.codebook(reviewId);
  const facts = coding.facts(reviewId);
  const labels = coding.labels(reviewId, facts);
  const line = (name: string, ms: number[]) => console.log(`${name}: p50 ${fmt(percentile(ms, 50))} p95 ${fmt(percentile(ms, 95))}`);
  console.log(`500 items, ${facts.length} tags, ${refs.length} taggable codes`);
  line('matrix (service: read + compute, items × codes)', time(() => coding.matrix(reviewId, { orientation: 'items-codes' }), 40));
  line('matrix, stages branch', time(() => coding.matrix(reviewId, { orientation: 'items-codes', branch: 'root:stages' }), 40));
  line('evidence map (service: read + compute)', time(() => coding.evidenceMap(reviewId, {}), 40));
  line('  of which: codebook', time(() => coding.codebook(reviewId), 40));
  line('  of which: read the live tags', time(() => coding.facts(reviewId), 40));
  line('  of which: item labels', time(() => coding.labels(reviewId, facts), 40));
  line('matrix (pure compute only)', time(() => computeMatrix(nodes, labels, facts, { orientation: 'items-codes' }), 60));
  line('evidence map (pure compute only)', time(() => computeEvidenceMap(nodes, facts), 60));
  line('tag one item (service, one transaction)', time(() => {
    const t = repos.db.transaction(() => coding.createTag(reviewId, { itemId: items[0] as number, code: refs[0] as string, quote: `k${performance.now()}` }, team[0] as (typeof team)[number]))();
    repos.db.transaction(() => coding.deleteTag(reviewId, t.id, undefined, 'bench'))();
  }, 40));
  wb.close();
}
