// Citations: formatting a bibliography per style (seed size and 1,000 references), one chip's formatted entry,
// and pasting 1,000 BibTeX records (parse + keys + one transaction).
import fs from 'node:fs';
import path from 'node:path';
import { openWorkbench } from '../../server/workbench.ts';
import { ROOT } from '../../server/paths.ts';
import { citationFormatter, citationService } from '../../server/services/citations.ts';
import { CITATION_STYLES } from '../../shared/citations/labels.ts';
import { tempDbPath } from '../support/server.ts';
import { fmt, percentile, time } from './stats.ts';

const CORPUS = path.resolve(ROOT, '..', 'shared', 'data', 'bibliographies', 'bibtex', 'asysd_zotero_export.bib');

export async function benchCitations(): Promise<void> {
  const wb = openWorkbench(tempDbPath('wb-bench-'));
  const svc = citationService(wb.repos);
  const reviewId = wb.seedReviewId as number;
  const t0 = performance.now();
  citationFormatter().bibliography(svc.list(reviewId).map((c) => c.csl), 'apa');
  console.log(`first formatting (loads citeproc, parses the style): ${fmt(performance.now() - t0)}`);
  for (const style of CITATION_STYLES) {
    const runs = time(() => svc.bibliography(reviewId, 'review', style), 20);
    console.log(`seed bibliography (11 references), ${style}: p50 ${fmt(percentile(runs, 50))} p99 ${fmt(percentile(runs, 99))}`);
  }
  const one = svc.list(reviewId)[1];
  if (one) {
    let n = 0;
    // a new locator each time defeats the cache: this is the cost of formatting
    const cold = time(() => svc.formatted(one, 'apa', String(n++)), 50);
    console.log(`one chip (in-text + entry), apa, formatted: p50 ${fmt(percentile(cold, 50))} p99 ${fmt(percentile(cold, 99))}`);
    const warm = time(() => svc.formatted(one, 'apa', '12'), 200);
    console.log(`one chip, apa, cached: p50 ${fmt(percentile(warm, 50))} p99 ${fmt(percentile(warm, 99))}`);
  }
  if (!fs.existsSync(CORPUS)) {
    console.log(`(skipping the 1,000-record figures: ${CORPUS} is not here)`);
    wb.close();
    return;
  }
  const text = fs.readFileSync(CORPUS, 'utf8');
  const big = wb.repos.reviews.create({ slug: 'bench-citations', title: 'Bench' }, 'bench').id;
  const p0 = performance.now();
  const result = await svc.importText(big, text, 'bibtex', 'bench');
  const ms = performance.now() - p0;
  console.log(`paste 1,000 BibTeX records: ${result.created.length} stored, ${result.failures.length} refused in ${fmt(ms)} (${Math.round(result.created.length / (ms / 1000))} records/s)`);
  for (const style of CITATION_STYLES) {
    const runs = time(() => svc.bibliography(big, 'review', style), 3, 1);
    console.log(`bibliography of ${result.created.length} references, ${style}: p50 ${fmt(percentile(runs, 50))}`);
  }
  const exportRuns = time(() => svc.exportBibliography(big, 'bibtex', 'apa', 'review'), 5, 1);
  console.log(`export ${result.created.length} references as BibTeX: p50 ${fmt(percentile(exportRuns, 50))}`);
  wb.close();
}
