// Library items written straight into a review's tables, for the coding tests and bench: coding reads items, it
// does not import them, so these tests do not depend on the importers (whose own tests cover them).
import type { Database } from 'better-sqlite3';

export interface TestItem {
  title: string;
  family: string;
  year: number;
  doi?: string;
  abstract?: string;
}

export const testItems = (n: number, prefix = 'Coding record'): TestItem[] => Array.from({ length: n }, (_, i) => ({
  title: `${prefix} ${i + 1} on innovation in social care`, family: `Author${i + 1}`, year: 2010 + (i % 15),
  doi: `10.5555/code${i + 1}`, abstract: `Abstract ${i + 1}: we mobilised staff and embedded the change.`,
}));

/** Inserts one complete import batch holding `items`; returns their ids in order. */
export function insertItems(db: Database, reviewId: number, items: TestItem[], at = '2026-01-01T00:00:00.000Z'): number[] {
  return db.transaction(() => {
    const batch = Number(db.prepare(`INSERT INTO import_batch (review_id, source_name, file_name, format, status, records, imported,
      created_by, created_at, finished_at) VALUES (?, 'Test', 'test.ris', 'ris', 'complete', ?, ?, 'test', ?, ?)`)
      .run(reviewId, items.length, items.length, at, at).lastInsertRowid);
    const insert = db.prepare(`INSERT INTO lit_item (review_id, batch_id, csl, type, title, first_author, authors, year, doi, doi_norm,
      title_norm, created_at, updated_at) VALUES (?, ?, ?, 'article-journal', ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    return items.map((it) => {
      const csl = {
        type: 'article-journal', title: it.title, author: [{ family: it.family, given: 'Ann' }], issued: { 'date-parts': [[it.year]] },
        ...(it.doi ? { DOI: it.doi } : {}), ...(it.abstract ? { abstract: it.abstract } : {}),
      };
      return Number(insert.run(reviewId, batch, JSON.stringify(csl), it.title, `${it.family}, Ann`, `${it.family}, Ann`, it.year,
        it.doi ?? '', it.doi?.toLowerCase() ?? null, it.title.toLowerCase(), at, at).lastInsertRowid);
    });
  })();
}
