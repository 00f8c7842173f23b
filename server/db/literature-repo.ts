// Storage of the literature library: batches, items, raw sources, the full-text index and duplicate decisions.
// Every statement is prepared once per connection; the import worker opens its own connection and uses the same code.
import type { Statement } from 'better-sqlite3';
import { z } from 'zod';
import type { Db } from './connection.ts';
import type { CslItem } from '../../shared/csl.ts';
import { dedupeKeys, nameText } from '../../shared/literature/dedupe-keys.ts';
import { findDuplicateGroups, pairKey, type DedupeRecord, type DuplicateGroup } from '../../shared/literature/dedupe.ts';
import { dedupeRecord, type DedupeFields } from '../../shared/literature/dedupe-record.ts';
import type { ParsedRecord } from '../../shared/literature/types.ts';
import { plainOf, RICH_TAGS } from '../../shared/literature/rich-text.ts';
import { buildFtsMatch, parseSearch, typoCandidates, type SearchTerm } from '../../shared/literature/search.ts';
import type {
  Batch, DuplicateGroupView, ItemDetail, ItemListPage, ItemListRow, ItemQuery, MergeLogEntry,
} from '../../shared/literature/library-schemas.ts';
import { HttpProblem } from '../http/problem.ts';
import { processAlive, processStarted } from '../processes.ts';

/** A parsed record ready to insert: the item's columns, its CSL-JSON and its raw source (built on the parse thread). */
export type ItemRow = [
  type: string, title: string, firstAuthor: string, authors: string, year: number | null, container: string, doi: string,
  keywords: string, language: string, doiNorm: string | null, titleNorm: string, titleKey: string | null, authorKey: string,
  authorYear: string | null, csl: string, recordNumber: number, raw: string, warnings: string,
  volume: string, issue: string, page: string,
];

export function toItemRow(p: ParsedRecord): ItemRow {
  const c = itemColumns(p.item);
  return [c.type, c.title, c.first_author, c.authors, c.year, c.container, c.doi, c.keywords, c.language, c.doi_norm,
    c.title_norm, c.title_key, c.author_key, c.author_year, JSON.stringify(p.item), p.recordNumber, p.raw, JSON.stringify(p.warnings),
    c.volume, c.issue, c.page];
}

/** The columns of lit_item derived from an item's CSL-JSON. */
export function itemColumns(item: CslItem) {
  const keys = dedupeKeys(item);
  const names = item.author ?? item.editor ?? [];
  return {
    type: item.type || 'document',
    // search, sort and CSV read the columns: the plain form (the CSL-JSON keeps the rich one)
    title: plainOf(item.title ?? ''),
    first_author: names[0] ? nameText(names[0]) : '',
    authors: names.map(nameText).join('; '),
    year: keys.year,
    container: plainOf(item['container-title'] ?? ''),
    doi: item.DOI ?? '',
    keywords: item.keyword ?? '',
    language: item.language ?? '',
    doi_norm: keys.doiNorm,
    title_norm: keys.titleNorm,
    title_key: keys.titleKey,
    author_key: keys.authorKey,
    author_year: keys.authorKey && keys.year !== null ? `${keys.authorKey}|${keys.year}` : null,
    // compared by the duplicate search, read from columns so a scan does not parse every record's JSON
    volume: cslText(item.volume),
    issue: cslText(item.issue),
    page: cslText(item.page),
  };
}

const cslText = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

interface BatchRow {
  id: number; review_id: number; source_name: string; search_string: string; file_name: string; format: string;
  status: 'running' | 'complete'; worker_pid: number | null; worker_started: string | null; records: number; imported: number; failed: number;
  created_by: string; created_at: string; finished_at: string | null; notes_json: string;
}

interface MergeRow {
  id: number; review_id: number; kept_item_id: number; merged_item_ids: string; previous_parents: string; rule: string; score: number;
  kept_csl_before: string; merged_by: string; merged_at: string; undone_by: string | null; undone_at: string | null;
  voided_at: string | null; void_reason: string | null;
}

const toBatch = (r: BatchRow): Batch => ({
  id: r.id, reviewId: r.review_id, sourceName: r.source_name, searchString: r.search_string, fileName: r.file_name,
  format: r.format, status: r.status, records: r.records, imported: r.imported, failed: r.failed,
  createdBy: r.created_by, createdAt: r.created_at, finishedAt: r.finished_at, notes: z.array(z.string()).parse(JSON.parse(r.notes_json)),
});

// The index holds the abstract's plain form too: rich-text tags are not words.
/** SQL for a CSL field of lit_item.csl in its plain form (rich-text tags removed), for the search index and ranking. */
export const plainCslSql = (field: string): string =>
  RICH_TAGS.reduce((sql, tag) => `replace(${sql}, '${tag}', '')`, `coalesce(json_extract(csl, '$.${field}'), '')`);
const FTS_ABSTRACT = plainCslSql('abstract');

const LIST_COLUMNS = `i.id, i.batch_id AS batchId, i.type, i.title, nullif(json_extract(i.csl, '$.title'), i.title) AS titleRich, i.first_author AS firstAuthor,
  substr(i.authors, 1, 300) AS authors, i.year, i.container, i.doi, i.dup_group AS dupGroup`;

/** Whether the process that wrote a batch is still running: alive, and not a later process with a reused pid. */
function ownerAlive(pid: number, started: string | null): boolean {
  return processAlive(pid) && (started === null || processStarted(pid) === started);
}

const OWN_START = processStarted(process.pid);

export type LiteratureRepo = ReturnType<typeof createLiteratureRepo>;

export function createLiteratureRepo(db: Db, now: () => string = () => new Date().toISOString()) {
  const s = {
    insertBatch: db.prepare(`INSERT INTO import_batch (review_id, source_name, search_string, file_name, format, status,
      worker_pid, worker_started, created_by, created_at) VALUES (?, ?, ?, ?, ?, 'running', ?, ?, ?, ?)`),
    batch: db.prepare('SELECT * FROM import_batch WHERE id = ?'),
    batches: db.prepare('SELECT * FROM import_batch WHERE review_id = ? ORDER BY id DESC'),
    runningBatches: db.prepare("SELECT * FROM import_batch WHERE status = 'running'"),
    setBatchFormat: db.prepare('UPDATE import_batch SET format = ? WHERE id = ?'),
    batchCounts: db.prepare('UPDATE import_batch SET records = ?, imported = ?, failed = ?, notes_json = ? WHERE id = ?'),
    completeBatch: db.prepare("UPDATE import_batch SET status = 'complete', worker_pid = NULL, finished_at = ? WHERE id = ?"),
    failures: db.prepare('SELECT record_number AS record, reason FROM import_failure WHERE batch_id = ? ORDER BY record_number LIMIT ?'),
    insertFailure: db.prepare('INSERT INTO import_failure (batch_id, record_number, reason, raw) VALUES (?, ?, ?, ?)'),
    insertItem: db.prepare(`INSERT INTO lit_item (review_id, batch_id, type, title, first_author, authors, year,
      container, doi, keywords, language, doi_norm, title_norm, title_key, author_key, author_year, csl, created_at, updated_at,
      volume, issue, page) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    insertSource: db.prepare(`INSERT INTO item_source (item_id, batch_id, file_name, record_number, format, raw, warnings)
      VALUES (?, ?, ?, ?, ?, ?, ?)`),
    fillFts: db.prepare(`INSERT INTO lit_fts (rowid, title, authors, abstract, keywords)
      SELECT id, title, authors, ${FTS_ABSTRACT}, keywords FROM lit_item WHERE batch_id = ?`),
    fillFtsSlice: db.prepare(`INSERT INTO lit_fts (rowid, title, authors, abstract, keywords)
      SELECT id, title, authors, ${FTS_ABSTRACT}, keywords FROM lit_item
      WHERE batch_id = ? AND id > ? AND id <= ?`),
    sliceEnd: db.prepare('SELECT max(id) AS last FROM (SELECT id FROM lit_item WHERE batch_id = ? AND id > ? ORDER BY id LIMIT ?)'),
    unindexBatch: db.prepare('DELETE FROM lit_fts WHERE rowid IN (SELECT id FROM lit_item WHERE batch_id = ?)'),
    unindexItem: db.prepare('DELETE FROM lit_fts WHERE rowid = ?'),
    indexItem: db.prepare(`INSERT INTO lit_fts (rowid, title, authors, abstract, keywords)
      SELECT id, title, authors, ${FTS_ABSTRACT}, keywords FROM lit_item WHERE id = ?`),
    // members merged into an item of the batch, but themselves from another batch: they outlive the undo
    orphanedMembers: db.prepare(`SELECT m.id, m.merged_into AS parent FROM lit_item m JOIN lit_item p ON p.id = m.merged_into
      WHERE p.batch_id = ? AND m.batch_id != ? ORDER BY m.merged_into, m.id`),
    setMergedInto: db.prepare('UPDATE lit_item SET merged_into = ? WHERE id = ?'),
    deleteItems: db.prepare('DELETE FROM lit_item WHERE batch_id = ?'),
    deleteBatch: db.prepare('DELETE FROM import_batch WHERE id = ?'),
    dedupeRows: db.prepare(`SELECT id, title, title_norm AS titleNorm, doi_norm AS doiNorm, author_key AS authorKey,
      first_author AS firstAuthor, year, container, volume, issue, page FROM lit_item i WHERE review_id = ? AND merged_into IS NULL
      AND batch_id NOT IN (SELECT id FROM import_batch WHERE status = 'running')`),
    distinctPairs: db.prepare('SELECT item_a AS a, item_b AS b FROM dedupe_distinct WHERE review_id = ?'),
    clearGroups: db.prepare('UPDATE lit_item SET dup_group = NULL, dup_rule = NULL, dup_score = NULL, dup_certain = NULL, dup_reason = NULL WHERE review_id = ? AND dup_group IS NOT NULL'),
    setGroup: db.prepare('UPDATE lit_item SET dup_group = ?, dup_rule = ?, dup_score = ?, dup_certain = ?, dup_reason = ? WHERE id = ?'),
    groupRows: db.prepare(`SELECT i.id, i.dup_group AS grp, i.dup_rule AS rule, i.dup_score AS score, i.dup_certain AS certain,
      i.dup_reason AS reason, i.csl, i.batch_id AS batchId,
      (SELECT s.file_name FROM item_source s WHERE s.item_id = i.id ORDER BY s.id LIMIT 1) AS file,
      (SELECT s.record_number FROM item_source s WHERE s.item_id = i.id ORDER BY s.id LIMIT 1) AS record
      FROM lit_item i WHERE i.review_id = ? AND i.dup_group IS NOT NULL AND i.merged_into IS NULL ORDER BY i.dup_group, i.id`),
    item: db.prepare('SELECT * FROM lit_item WHERE id = ? AND review_id = ?'),
    itemCount: db.prepare('SELECT count(*) AS n FROM lit_item WHERE review_id = ?'),
    dissolveSmallGroup: db.prepare(`UPDATE lit_item SET dup_group = NULL, dup_rule = NULL, dup_score = NULL, dup_certain = NULL, dup_reason = NULL
      WHERE review_id = @r AND dup_group = @g AND (SELECT count(*) FROM lit_item WHERE review_id = @r AND dup_group = @g AND merged_into IS NULL) < 2`),
    sources: db.prepare(`SELECT s.id, s.item_id AS itemId, s.batch_id AS batchId, s.file_name AS fileName,
      s.record_number AS recordNumber, s.format, s.raw, coalesce(s.csl, i.csl) AS csl, s.warnings
      FROM item_source s JOIN lit_item i ON i.id = s.item_id
      WHERE i.id = ? OR i.merged_into = ? ORDER BY s.id`),
    members: db.prepare('SELECT id FROM lit_item WHERE merged_into = ? ORDER BY id'),
    freezeSourceCsl: db.prepare('UPDATE item_source SET csl = (SELECT csl FROM lit_item WHERE id = item_source.item_id) WHERE item_id = ? AND csl IS NULL'),
    updateItem: db.prepare(`UPDATE lit_item SET csl = @csl, type = @type, title = @title, first_author = @first_author,
      authors = @authors, year = @year, container = @container, doi = @doi, keywords = @keywords, language = @language,
      doi_norm = @doi_norm, title_norm = @title_norm, title_key = @title_key, author_key = @author_key,
      author_year = @author_year, volume = @volume, issue = @issue, page = @page, version = version + 1, updated_at = @now WHERE id = @id`),
    insertMerge: db.prepare(`INSERT INTO dedupe_merge (review_id, kept_item_id, merged_item_ids, previous_parents, rule, score,
      kept_csl_before, merged_by, merged_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    merge: db.prepare('SELECT * FROM dedupe_merge WHERE id = ? AND review_id = ?'),
    merges: db.prepare('SELECT * FROM dedupe_merge WHERE review_id = ? ORDER BY id DESC LIMIT 200'),
    undoMerge: db.prepare('UPDATE dedupe_merge SET undone_by = ?, undone_at = ? WHERE id = ?'),
    notVoidMerges: db.prepare('SELECT * FROM dedupe_merge WHERE review_id = ? AND voided_at IS NULL ORDER BY id'),
    voidMerge: db.prepare('UPDATE dedupe_merge SET voided_at = ?, void_reason = ? WHERE id = ?'),
    batchItemIds: db.prepare('SELECT id FROM lit_item WHERE batch_id = ?'),
    insertDistinct: db.prepare(`INSERT OR IGNORE INTO dedupe_distinct (review_id, item_a, item_b, decided_by, decided_at)
      VALUES (?, ?, ?, ?, ?)`),
    vocabStamp: db.prepare("SELECT coalesce(max(id), 0) AS m, count(*) AS c FROM import_batch WHERE status = 'complete'"),
    vocabHas: db.prepare('SELECT 1 FROM lit_fts_vocab WHERE term = ?'),
    vocabRange: db.prepare('SELECT term, doc FROM lit_fts_vocab WHERE term >= ? AND term < ?'),
    allItems: db.prepare(`SELECT i.csl FROM lit_item i WHERE review_id = ? AND merged_into IS NULL
      AND batch_id NOT IN (SELECT id FROM import_batch WHERE status = 'running') ORDER BY id`),
  };

  /** Whether the index has the word, and index words sharing its first letter (typo candidates), both memoised. */
  const vocabulary = {
    stamp: '',
    known: new Map<string, boolean>(),
    byFirst: new Map<string, { term: string; doc: number }[]>(),
    fresh(): void {
      const v = s.vocabStamp.get() as { m: number; c: number };
      const stamp = `${v.m}:${v.c}`;
      if (stamp === this.stamp) return;
      this.stamp = stamp;
      this.known.clear();
      this.byFirst.clear();
    },
    has(term: string): boolean {
      let k = this.known.get(term);
      if (k === undefined) this.known.set(term, (k = s.vocabHas.get(term) !== undefined));
      return k;
    },
    startingWith(c: string): { term: string; doc: number }[] {
      let list = this.byFirst.get(c);
      if (!list) {
        const next = String.fromCodePoint((c.codePointAt(0) ?? 0) + 1);
        this.byFirst.set(c, (list = s.vocabRange.all(c, next) as { term: string; doc: number }[]));
      }
      return list;
    },
  };

  // list queries differ only by which filters are set: a handful of shapes, each compiled once
  const statements = new Map<string, Statement<unknown[]>>();
  const cached = (sql: string): Statement<unknown[]> => {
    let st = statements.get(sql);
    if (!st) statements.set(sql, (st = db.prepare(sql)));
    return st;
  };

  /** Puts a merge's items back where they were before it and restores its kept item; the caller records why. */
  function takeBack(reviewId: number, m: MergeRow): void {
    const parents = JSON.parse(m.previous_parents) as (number | null)[];
    const moved = (JSON.parse(m.merged_item_ids) as number[]).map((id, i): [number, number | null] => [id, parents[i] ?? null]);
    for (const [id] of moved) {
      const row = s.item.get(id, reviewId) as { merged_into: number | null } | undefined;
      if (row && row.merged_into !== m.kept_item_id) {
        throw new HttpProblem(409, 'Conflict', `Item ${id} has changed since merge ${m.id} (a later merge moved it); undo that merge first.`);
      }
    }
    const kept = s.item.get(m.kept_item_id, reviewId) as { id: number } | undefined;
    if (kept) {
      const before = JSON.parse(m.kept_csl_before) as CslItem;
      s.unindexItem.run(kept.id);
      s.updateItem.run({ ...itemColumns(before), csl: m.kept_csl_before, now: now(), id: kept.id });
      s.indexItem.run(kept.id);
    }
    for (const [id, previous] of moved) {
      if (!s.item.get(id, reviewId)) continue;
      s.setMergedInto.run(previous, id);
      if (previous === null) s.indexItem.run(id);
    }
  }

  /**
   * Makes every merge that took in a record of the batch void, taking back those still in effect, newest first. A
   * later merge that built on one of them (merged its items again, or more into its kept item) is taken back and
   * voided with it: the earlier one can only be taken back with its items where it left them. The records of other
   * imports in those merges are separate items again and come back as candidates.
   */
  function voidMergesOf(reviewId: number, batch: Batch): void {
    const own = new Set((s.batchItemIds.all(batch.id) as { id: number }[]).map((r) => r.id));
    // item → the merge that must be taken back before it is where that merge found it
    const takenWith = new Map<number, number>();
    const affected: { m: MergeRow; after: number | null }[] = [];
    for (const m of s.notVoidMerges.all(reviewId) as MergeRow[]) {
      const ids = [m.kept_item_id, ...(JSON.parse(m.merged_item_ids) as number[])];
      const direct = ids.some((id) => own.has(id));
      // an undone merge no longer holds anything together: it is marked when it had a record of the import, and
      // nothing after it depends on it
      if (m.undone_at) {
        if (direct) affected.push({ m, after: null });
        continue;
      }
      const on = ids.find((id) => takenWith.has(id));
      if (!direct && on === undefined) continue;
      affected.push({ m, after: direct ? null : (takenWith.get(on as number) as number) });
      for (const id of ids) takenWith.set(id, m.id);
    }
    const undone = `import ${batch.fileName} (batch ${batch.id}) was undone`;
    const at = now();
    for (const { m } of [...affected].reverse()) if (!m.undone_at) takeBack(reviewId, m);
    for (const { m, after } of affected) s.voidMerge.run(at, after === null ? undone : `taken back with merge ${after}: ${undone}`, m.id);
  }

  function requireItem(reviewId: number, id: number): Record<string, unknown> & { id: number; csl: string; merged_into: number | null; version: number } {
    const row = s.item.get(id, reviewId) as (Record<string, unknown> & { id: number; csl: string; merged_into: number | null; version: number }) | undefined;
    if (!row) throw new HttpProblem(404, 'Not Found', `No literature item with id ${id} in review ${reviewId}.`);
    return row;
  }

  const repo = {
    db,

    /** Deletes what imports that died half-way left behind (their process is gone). Returns the batch ids removed. */
    cleanupAbandoned(): number[] {
      const removed: number[] = [];
      for (const b of s.runningBatches.all() as BatchRow[]) {
        if (b.worker_pid !== null && b.worker_pid !== process.pid && ownerAlive(b.worker_pid, b.worker_started)) continue;
        if (b.worker_pid === process.pid) continue;
        repo.discardBatch(b.id);
        removed.push(b.id);
      }
      return removed;
    },

    createBatch(input: { reviewId: number; sourceName: string; searchString: string; fileName: string; format: string; actor: string; pid?: number }): number {
      const r = s.insertBatch.run(input.reviewId, input.sourceName, input.searchString, input.fileName, input.format,
        input.pid ?? process.pid, input.pid === undefined ? OWN_START : processStarted(input.pid), input.actor, now());
      return Number(r.lastInsertRowid);
    },

    setBatchFormat(batchId: number, format: string): void {
      s.setBatchFormat.run(format, batchId);
    },

    /** Inserts one chunk of rows and failures in one transaction. */
    insertRows(batch: { id: number; reviewId: number; fileName: string; format: string }, rows: ItemRow[], failed: { recordNumber: number; reason: string; raw: string }[]): void {
      const stamp = now();
      db.transaction(() => {
        for (const r of rows) {
          const res = s.insertItem.run(batch.reviewId, batch.id, r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11], r[12], r[13], r[14], stamp, stamp, r[18], r[19], r[20]);
          s.insertSource.run(res.lastInsertRowid, batch.id, batch.fileName, r[15], batch.format, r[16], r[17]);
        }
        for (const f of failed) s.insertFailure.run(batch.id, f.recordNumber, f.reason, f.raw);
      })();
    },

    /** Makes the batch visible: fills the search index in bulk, records counts, finds duplicates across the review. */
    completeBatch(batchId: number, counts: { records: number; imported: number; failed: number }): DuplicateGroup[] {
      const batch = s.batch.get(batchId) as BatchRow;
      return db.transaction(() => {
        s.fillFts.run(batchId);
        s.batchCounts.run(counts.records, counts.imported, counts.failed, batchId);
        s.completeBatch.run(now(), batchId);
        return repo.refreshDuplicates(batch.review_id);
      })();
    },

    /**
     * Indexes the next `limit` items of a running batch after item `afterId` in one short transaction, so an import
     * never holds the write lock for long; returns the last id indexed, or null when the batch is fully indexed.
     */
    indexBatchSlice(batchId: number, afterId: number, limit: number): number | null {
      return db.transaction(() => {
        const last = (s.sliceEnd.get(batchId, afterId, limit) as { last: number | null }).last;
        if (last !== null) s.fillFtsSlice.run(batchId, afterId, last);
        return last;
      }).immediate();
    },

    /** Makes a batch indexed by indexBatchSlice visible with its counts; the caller refreshes duplicates next. */
    markBatchComplete(batchId: number, counts: { records: number; imported: number; failed: number; notes: string[] }): void {
      db.transaction(() => {
        s.batchCounts.run(counts.records, counts.imported, counts.failed, JSON.stringify(counts.notes), batchId);
        s.completeBatch.run(now(), batchId);
      })();
    },

    /** Removes a batch that did not complete, with everything it inserted (and indexed, if it died while indexing). */
    discardBatch(batchId: number): void {
      db.transaction(() => {
        s.unindexBatch.run(batchId);
        s.deleteItems.run(batchId);
        s.deleteBatch.run(batchId);
      })();
    },

    getBatch(reviewId: number, batchId: number): Batch {
      const row = s.batch.get(batchId) as BatchRow | undefined;
      if (!row || row.review_id !== reviewId) throw new HttpProblem(404, 'Not Found', `No import batch with id ${batchId} in review ${reviewId}.`);
      return toBatch(row);
    },

    listBatches(reviewId: number): Batch[] {
      return (s.batches.all(reviewId) as BatchRow[]).map(toBatch);
    },

    failures(batchId: number, limit = 1000): { record: number; reason: string }[] {
      return s.failures.all(batchId, limit) as { record: number; reason: string }[];
    },

    /**
     * Undoes an import: the merges that took in one of its records are taken back and marked void (voidMergesOf),
     * then its items and sources go. Ids are never handed out again (AUTOINCREMENT, migration 0008).
     */
    deleteBatch(reviewId: number, batchId: number): void {
      const batch = repo.getBatch(reviewId, batchId);
      if (batch.status !== 'complete') throw new HttpProblem(409, 'Conflict', `Import batch ${batchId} is still running; wait for it to finish.`);
      voidMergesOf(reviewId, batch);
      // what no merge in the log accounts for (none, unless rows were written by hand): freed the old way
      const orphans = s.orphanedMembers.all(batchId, batchId) as { id: number; parent: number }[];
      let parent = -1;
      let heir = -1;
      for (const o of orphans) {
        if (o.parent !== parent) {
          parent = o.parent;
          heir = o.id;
          s.setMergedInto.run(null, o.id);
          s.indexItem.run(o.id);
        } else s.setMergedInto.run(heir, o.id);
      }
      s.unindexBatch.run(batchId);
      s.deleteItems.run(batchId);
      s.deleteBatch.run(batchId);
      repo.refreshDuplicates(reviewId);
    },

    itemCount(reviewId: number): number {
      return (s.itemCount.get(reviewId) as { n: number }).n;
    },

    /** The review's current items as the duplicate search compares them (keys derived here, not stored). */
    dedupeRecords(reviewId: number): DedupeRecord[] {
      return (s.dedupeRows.all(reviewId) as (DedupeFields & { id: number })[]).map((r) => dedupeRecord(r.id, r));
    },

    /** Finds the review's duplicate groups (respecting "not a duplicate" decisions) and stores them on the items. */
    refreshDuplicates(reviewId: number): DuplicateGroup[] {
      const distinct = new Set((s.distinctPairs.all(reviewId) as { a: number; b: number }[]).map((p) => pairKey(p.a, p.b)));
      const groups = findDuplicateGroups(repo.dedupeRecords(reviewId), { distinct });
      db.transaction(() => {
        s.clearGroups.run(reviewId);
        for (const g of groups) {
          const leader = g.members[0] as number;
          const reason = g.reasons.length > 0 ? g.reasons.join('\n') : null;
          for (const m of g.members) s.setGroup.run(leader, g.rule, g.score, g.certain ? 1 : 0, reason, m);
        }
      })();
      return groups;
    },

    duplicateGroups(reviewId: number): DuplicateGroupView[] {
      const rows = s.groupRows.all(reviewId) as { id: number; grp: number; rule: string; score: number; certain: number; reason: string | null; csl: string; batchId: number; file: string; record: number }[];
      const out: DuplicateGroupView[] = [];
      for (const r of rows) {
        let g = out.at(-1);
        if (!g || g.group !== r.grp) {
          g = { group: r.grp, rule: r.rule, score: r.score, certain: r.certain === 1, reasons: r.reason ? r.reason.split('\n') : [], members: [] };
          out.push(g);
        }
        g.members.push({ item: r.id, batchId: r.batchId, file: r.file, record: r.record, csl: JSON.parse(r.csl) as CslItem });
      }
      // a group whose other members were merged or deleted since is no group
      return out.filter((g) => g.members.length > 1);
    },

    listItems(reviewId: number, q: ItemQuery): ItemListPage {
      const where: string[] = ['i.review_id = ?', "i.batch_id NOT IN (SELECT id FROM import_batch WHERE status = 'running')"];
      const args: (string | number)[] = [reviewId];
      if (q.dup === 'merged') where.push('i.merged_into IS NULL AND EXISTS (SELECT 1 FROM lit_item m WHERE m.merged_into = i.id)');
      else where.push('i.merged_into IS NULL');
      if (q.dup === 'candidate') where.push('i.dup_group IS NOT NULL');
      if (q.dup === 'unique') where.push('i.dup_group IS NULL');
      if (q.yearFrom !== undefined) {
        where.push('i.year >= ?');
        args.push(q.yearFrom);
      }
      if (q.yearTo !== undefined) {
        where.push('i.year <= ?');
        args.push(q.yearTo);
      }
      if (q.type) {
        where.push('i.type = ?');
        args.push(q.type);
      }
      if (q.batch !== undefined) {
        where.push('i.batch_id = ?');
        args.push(q.batch);
      }
      const limit = q.limit ?? 100;
      const terms = q.q ? parseSearch(q.q) : [];
      if (terms.length === 0) {
        if (q.cursor) {
        where.push('i.id > ?');
        args.push(Number(q.cursor.split('_').at(-1)));
      }
        const rows = cached(`SELECT ${LIST_COLUMNS} FROM lit_item i WHERE ${where.join(' AND ')} ORDER BY i.id LIMIT ?`)
          .all(...args, limit + 1) as ItemListRow[];
        const more = rows.length > limit;
        if (more) rows.pop();
        // counted on the first page only, so the screen says the real number and paging stays a keyset walk
        const total = q.cursor ? null : (cached(`SELECT count(*) AS n FROM lit_item i WHERE ${where.join(' AND ')}`).get(...args) as { n: number }).n;
        return { items: rows, nextCursor: more ? String(rows.at(-1)?.id) : null, corrected: [], total };
      }
      const { expanded, corrected } = repo.expandTypos(terms);
      const match = buildFtsMatch(expanded);
      const ftsArgs: (string | number)[] = [match];
      let after = '';
      if (q.cursor) {
        const [rank, id] = q.cursor.split('_').map(Number);
        after = 'AND (rank > ? OR (rank = ? AND rowid > ?))';
        ftsArgs.push(rank as number, rank as number, id as number);
      }
      // The best-ranked matches first, then the row filters on that short list: joining every match of a common
      // word to its row costs more than ranking. When the filters leave too few, the query runs again unbounded.
      // (CROSS JOIN keeps the ranked list as the outer loop: otherwise SQLite scans the review's items instead)
      const run = (candidates: number | null) => cached(`WITH f AS MATERIALIZED (SELECT rowid AS id, rank FROM lit_fts
          WHERE lit_fts MATCH ? ${after} ORDER BY rank, rowid ${candidates === null ? '' : 'LIMIT ?'})
        SELECT ${LIST_COLUMNS}, f.rank AS rank FROM f CROSS JOIN lit_item i ON i.id = f.id
        WHERE ${where.join(' AND ')} ORDER BY f.rank, i.id LIMIT ?`)
        .all(...ftsArgs, ...(candidates === null ? [] : [candidates]), ...args, limit + 1) as (ItemListRow & { rank: number })[];
      const candidates = Math.max(300, (limit + 1) * (where.length > 3 ? 8 : 2));
      let rows = run(candidates);
      if (rows.length <= limit) rows = run(null);
      const more = rows.length > limit;
      if (more) rows.pop();
      const last = rows.at(-1);
      const total = q.cursor ? null : (cached(`WITH f AS MATERIALIZED (SELECT rowid AS id FROM lit_fts WHERE lit_fts MATCH ?)
        SELECT count(*) AS n FROM f CROSS JOIN lit_item i ON i.id = f.id WHERE ${where.join(' AND ')}`).get(match, ...args) as { n: number }).n;
      return {
        items: rows.map(({ rank: _rank, ...row }) => row),
        nextCursor: more && last ? `${last.rank}_${last.id}` : null,
        corrected,
        total,
      };
    },

    /** Words not in the index get up to five close index words OR-ed in (typo tolerance). */
    expandTypos(terms: SearchTerm[]): { expanded: SearchTerm[]; corrected: { from: string; to: string[] }[] } {
      vocabulary.fresh();
      const corrected: { from: string; to: string[] }[] = [];
      const expanded = terms.map((t) => {
        if (t.phrase || t.prefix || t.text.length < 4 || vocabulary.has(t.text)) return t;
        const alternatives = typoCandidates(t.text, vocabulary.startingWith(t.text.charAt(0)));
        if (alternatives.length === 0) return t;
        corrected.push({ from: t.text, to: alternatives });
        return { ...t, alternatives };
      });
      return { expanded, corrected };
    },

    itemDetail(reviewId: number, id: number): ItemDetail {
      const row = requireItem(reviewId, id);
      const sources = s.sources.all(id, id) as { id: number; itemId: number; batchId: number; fileName: string; recordNumber: number; format: string; raw: string; csl: string; warnings: string }[];
      return {
        id: row.id,
        batchId: row.batch_id as number,
        version: row.version,
        mergedInto: row.merged_into,
        dupGroup: (row.dup_group as number | null) ?? null,
        members: (s.members.all(id) as { id: number }[]).map((m) => m.id),
        csl: JSON.parse(row.csl) as CslItem,
        sources: sources.map((src) => ({ ...src, csl: JSON.parse(src.csl) as CslItem, warnings: JSON.parse(src.warnings) as string[] })),
      };
    },

    /** Merges items into the lowest id: it keeps every source; missing fields are filled from the others. */
    merge(reviewId: number, itemIds: number[], why: { rule: string; score: number }, actor: string): { mergeId: number; kept: number } {
      const ids = [...new Set(itemIds)].sort((a, b) => a - b);
      if (ids.length < 2) throw new HttpProblem(422, 'Unprocessable Content', '/body/items: name at least two different items to merge.', { errors: [{ pointer: '/body/items', message: 'needs at least two different item ids' }] });
      const rows = ids.map((id) => requireItem(reviewId, id));
      for (const r of rows) {
        if (r.merged_into !== null) throw new HttpProblem(409, 'Conflict', `Item ${r.id} was already merged into item ${r.merged_into}; reload the duplicates.`);
      }
      const kept = rows[0] as (typeof rows)[number];
      const before = kept.csl;
      const merged = JSON.parse(before) as Record<string, unknown>;
      for (const r of rows.slice(1)) {
        const other = JSON.parse(r.csl) as Record<string, unknown>;
        for (const [k, v] of Object.entries(other)) if (merged[k] === undefined || merged[k] === '') merged[k] = v;
      }
      merged.id = (JSON.parse(before) as CslItem).id;
      // members of the merged items move with them, so one level of merged_into always reaches the kept item
      const moved: [number, number | null][] = [];
      for (const r of rows.slice(1)) {
        moved.push([r.id, null]);
        for (const m of s.members.all(r.id) as { id: number }[]) moved.push([m.id, r.id]);
      }
      s.freezeSourceCsl.run(kept.id);
      const csl = JSON.stringify(merged);
      s.unindexItem.run(kept.id);
      s.updateItem.run({ ...itemColumns(merged as CslItem), csl, now: now(), id: kept.id });
      s.indexItem.run(kept.id);
      for (const [id] of moved) {
        s.setMergedInto.run(kept.id, id);
        s.setGroup.run(null, null, null, null, null, id);
      }
      for (const r of rows.slice(1)) s.unindexItem.run(r.id);
      const res = s.insertMerge.run(reviewId, kept.id, JSON.stringify(moved.map(([id]) => id)), JSON.stringify(moved.map(([, parent]) => parent)),
        why.rule, why.score, before, actor, now());
      // a group left with one current member is no longer a group (a full re-scan is not needed for that)
      const group = (kept as { dup_group?: number | null }).dup_group;
      if (group !== null && group !== undefined) s.dissolveSmallGroup.run({ r: reviewId, g: group });
      return { mergeId: Number(res.lastInsertRowid), kept: kept.id };
    },

    undoMerge(reviewId: number, mergeId: number, actor: string): void {
      const m = s.merge.get(mergeId, reviewId) as MergeRow | undefined;
      if (!m) throw new HttpProblem(404, 'Not Found', `No merge with id ${mergeId} in review ${reviewId}.`);
      if (m.voided_at) throw new HttpProblem(409, 'Conflict', `Merge ${mergeId} is void (${m.void_reason ?? 'its import was undone'}); there is nothing to undo.`);
      if (m.undone_at) throw new HttpProblem(409, 'Conflict', `Merge ${mergeId} was already undone.`);
      takeBack(reviewId, m);
      s.undoMerge.run(actor, now(), mergeId);
      repo.refreshDuplicates(reviewId);
    },

    /** Records that these items are not duplicates of each other; they are never proposed together again. */
    markDistinct(reviewId: number, itemIds: number[], actor: string): void {
      const ids = [...new Set(itemIds)].sort((a, b) => a - b);
      if (ids.length < 2) throw new HttpProblem(422, 'Unprocessable Content', '/body/items: name at least two different items.', { errors: [{ pointer: '/body/items', message: 'needs at least two different item ids' }] });
      for (const id of ids) requireItem(reviewId, id);
      const at = now();
      for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) s.insertDistinct.run(reviewId, ids[i], ids[j], actor, at);
      repo.refreshDuplicates(reviewId);
    },

    mergeLog(reviewId: number): MergeLogEntry[] {
      return (s.merges.all(reviewId) as MergeRow[])
        .map((m) => ({
          id: m.id, kept: m.kept_item_id, merged: JSON.parse(m.merged_item_ids) as number[],
          rule: m.rule, score: m.score, mergedBy: m.merged_by, mergedAt: m.merged_at, undoneBy: m.undone_by, undoneAt: m.undone_at,
          voidedAt: m.voided_at, voidReason: m.void_reason,
        }));
    },

    /** Every current item's CSL-JSON, in import order (for exports). */
    *allItems(reviewId: number): Generator<CslItem> {
      for (const r of s.allItems.iterate(reviewId) as Iterable<{ csl: string }>) yield JSON.parse(r.csl) as CslItem;
    },
  };
  return repo;
}

