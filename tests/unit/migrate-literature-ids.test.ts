// Migration 0008 on a database that already holds a library: every row and id kept, nothing cascaded away by the
// rebuild (screening decisions, "not a duplicate" pairs, sources), the same foreign keys and indexes, AUTOINCREMENT
// sequences that start above every id still named anywhere, and foreign keys on again afterwards.
import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../server/db/connection.ts';
import { migrate, readMigrations } from '../../server/db/migrate.ts';
import { MIGRATIONS_DIR } from '../../server/paths.ts';

const TABLES = ['import_batch', 'import_failure', 'lit_item', 'item_source', 'dedupe_merge'];
const ALL = readMigrations(MIGRATIONS_DIR);
const BEFORE = ALL.filter((f) => f.name < '0008');

const rows = (db: Db, table: string) => db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2, 3`).all() as Record<string, unknown>[];
const fks = (db: Db, table: string) => db.prepare('SELECT "table", "from", "to", on_delete FROM pragma_foreign_key_list(?) ORDER BY "from"').all(table);
const indexes = (db: Db) => db.prepare(`SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
  AND tbl_name IN (${TABLES.map((t) => `'${t}'`).join(', ')}) ORDER BY name`).all();
const seq = (db: Db, table: string) => (db.prepare('SELECT seq FROM sqlite_sequence WHERE name = ?').get(table) as { seq: number } | undefined)?.seq;

function libraryAt0007(): Db {
  const db = openDatabase(':memory:');
  migrate(db, BEFORE);
  db.exec(`
    INSERT INTO review (id, slug, title, created_at, updated_at) VALUES (1, 'r', 'Review', 't', 't');
    INSERT INTO reviewer (id, name, created_at) VALUES (1, 'Ada', 't');
    INSERT INTO import_batch (id, review_id, file_name, format, status, created_by, created_at, source_kind)
      VALUES (1, 1, 'a.ris', 'ris', 'complete', 'ada', 't', 'register'), (4, 1, 'b.ris', 'ris', 'complete', 'ada', 't', 'database');
    INSERT INTO import_failure (batch_id, record_number, reason, raw) VALUES (4, 3, 'no title', 'TY  - JOUR');
    INSERT INTO lit_item (id, review_id, batch_id, csl, type, title, created_at, updated_at)
      VALUES (1, 1, 1, '{"volume": 12, "issue": "3", "page": "e101"}', 'article-journal', 'One', 't', 't'), (2, 1, 4, '{}', 'article-journal', 'Two', 't', 't'),
             (3, 1, 4, '{}', 'article-journal', 'Three', 't', 't');
    UPDATE lit_item SET merged_into = 1 WHERE id = 2;
    INSERT INTO item_source (item_id, batch_id, file_name, record_number, format, raw)
      VALUES (1, 1, 'a.ris', 1, 'ris', 'TY  - JOUR'), (2, 4, 'b.ris', 1, 'ris', 'TY  - JOUR'), (3, 4, 'b.ris', 2, 'ris', 'TY  - JOUR');
    -- the log names item 9, of an import undone before this migration
    INSERT INTO dedupe_merge (review_id, kept_item_id, merged_item_ids, previous_parents, rule, score, kept_csl_before, merged_by, merged_at)
      VALUES (1, 1, '[2, 9]', '[null, null]', 'doi', 1, '{}', 'ada', 't');
    INSERT INTO dedupe_distinct (review_id, item_a, item_b, decided_by, decided_at) VALUES (1, 1, 3, 'ada', 't');
    INSERT INTO screening_stage (id, review_id, position, kind, created_at, updated_at) VALUES (1, 1, 1, 'title', 't', 't');
    INSERT INTO screening_decision (stage_id, item_id, reviewer_id, decision, created_at, updated_at) VALUES (1, 3, 1, 'include', 't', 't');
    INSERT INTO screening_resolution (stage_id, item_id, decision, reviewer_id, created_at) VALUES (1, 3, 'include', 1, 't');
    -- and the audit log batch 6, also undone before
    INSERT INTO audit_event (at, actor, review_id, entity, entity_id, action) VALUES ('t', 'ada', 1, 'import_batch', 6, 'update');
  `);
  return db;
}

describe('migration 0008: AUTOINCREMENT on the literature tables', () => {
  it('keeps every row, id, reference, foreign key and index, and cascades nothing away', () => {
    const db = libraryAt0007();
    const before = Object.fromEntries(TABLES.map((t) => [t, rows(db, t)]));
    const keys = Object.fromEntries(TABLES.map((t) => [t, fks(db, t)]));
    const idx = indexes(db);
    const children = ['dedupe_distinct', 'screening_decision', 'screening_resolution'].map((t) => rows(db, t));

    expect(migrate(db, ALL)).toContain('0008_literature_autoincrement.sql');
    for (const t of TABLES) {
      // the rows as they were, plus the columns 0008 and later migrations add
      expect(rows(db, t).map((r) => Object.fromEntries(Object.keys(before[t]?.[0] ?? {}).map((k) => [k, r[k]])))).toEqual(before[t]);
      expect(fks(db, t)).toEqual(keys[t]);
      const sql = (db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").get(t) as { sql: string }).sql;
      expect(sql).toMatch(/id\s+INTEGER PRIMARY KEY AUTOINCREMENT/);
    }
    expect(indexes(db)).toEqual(idx);
    // the volume, issue and page the duplicate search compares, copied out of the CSL-JSON
    expect(db.prepare('SELECT id, volume, issue, page FROM lit_item ORDER BY id').all()).toEqual([
      { id: 1, volume: '12', issue: '3', page: 'e101' }, { id: 2, volume: '', issue: '', page: '' }, { id: 3, volume: '', issue: '', page: '' },
    ]);
    expect(['dedupe_distinct', 'screening_decision', 'screening_resolution'].map((t) => rows(db, t))).toEqual(children);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name LIKE '%\\_new' ESCAPE '\\'").get()).toEqual({ n: 0 });
    // the cascades still work on the rebuilt tables
    db.prepare('DELETE FROM lit_item WHERE id = 3').run();
    expect(rows(db, 'screening_decision')).toEqual([]);
    expect(rows(db, 'dedupe_distinct')).toEqual([]);
  });

  it('never hands out an id again, nor one the merge or audit log still names', () => {
    const db = libraryAt0007();
    migrate(db, ALL);
    expect(seq(db, 'lit_item')).toBe(9);
    expect(seq(db, 'import_batch')).toBe(6);
    db.prepare('DELETE FROM import_batch WHERE id = 4').run();
    const batch = db.prepare("INSERT INTO import_batch (review_id, file_name, format, status, created_by, created_at) VALUES (1, 'c.ris', 'ris', 'complete', 'ada', 't')").run();
    expect(Number(batch.lastInsertRowid)).toBe(7);
    const item = db.prepare("INSERT INTO lit_item (review_id, batch_id, csl, type, created_at, updated_at) VALUES (1, 7, '{}', 'book', 't', 't')").run();
    expect(Number(item.lastInsertRowid)).toBe(10);
    // the items of batch 4 went with it (ON DELETE CASCADE); their ids stay unused
    expect(rows(db, 'lit_item').map((r) => r.id)).toEqual([1, 10]);
  });

  it('migrates an empty library as well', () => {
    const db = openDatabase(':memory:');
    migrate(db, ALL);
    expect(seq(db, 'lit_item')).toBe(0);
    db.exec("INSERT INTO review (id, slug, title, created_at, updated_at) VALUES (1, 'r', 'Review', 't', 't')");
    const insert = db.prepare("INSERT INTO import_batch (review_id, file_name, format, status, created_by, created_at) VALUES (1, 'c.ris', 'ris', 'complete', 'ada', 't')");
    const first = Number(insert.run().lastInsertRowid);
    db.prepare('DELETE FROM import_batch WHERE id = ?').run(first);
    expect(Number(insert.run().lastInsertRowid)).toBe(first + 1);
  });
});
