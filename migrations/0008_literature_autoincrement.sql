-- The literature tables get AUTOINCREMENT ids, as every other table has (0001): without it SQLite hands the
-- highest id out again once its row is deleted, so an import made after undoing the last one got the undone
-- batch's id and its items' ids, and the merge log and audit events naming those ids then meant other records.
-- Each table is rebuilt: created anew, rows copied with their ids, the old one dropped, the new one renamed, its
-- indexes recreated as 0003 made them. The runner turns foreign keys off while migrating (a drop must not cascade
-- into the rows that refer to a table) and checks them before this commits. There are no triggers or views on
-- these tables; the full-text index lit_fts is keyed by lit_item.id, which is kept, so it needs no change. Besides
-- the ids, lit_item gains volume, issue, page and dup_reason, dedupe_merge the columns of a void merge.

CREATE TABLE import_batch_new (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  review_id     INTEGER NOT NULL REFERENCES review(id) ON DELETE CASCADE,
  source_name   TEXT NOT NULL DEFAULT '',
  search_string TEXT NOT NULL DEFAULT '',
  file_name     TEXT NOT NULL,
  format        TEXT NOT NULL,
  status        TEXT NOT NULL CHECK (status IN ('running', 'complete')),
  worker_pid    INTEGER,
  records       INTEGER NOT NULL DEFAULT 0,
  imported      INTEGER NOT NULL DEFAULT 0,
  failed        INTEGER NOT NULL DEFAULT 0,
  created_by    TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  finished_at   TEXT,
  worker_started TEXT,
  source_kind   TEXT NOT NULL DEFAULT 'database' CHECK (source_kind IN ('database', 'register', 'other'))
);
INSERT INTO import_batch_new (id, review_id, source_name, search_string, file_name, format, status, worker_pid, records,
  imported, failed, created_by, created_at, finished_at, worker_started, source_kind)
  SELECT id, review_id, source_name, search_string, file_name, format, status, worker_pid, records,
  imported, failed, created_by, created_at, finished_at, worker_started, source_kind FROM import_batch;
DROP TABLE import_batch;
ALTER TABLE import_batch_new RENAME TO import_batch;
CREATE INDEX import_batch_review ON import_batch(review_id, id);

CREATE TABLE import_failure_new (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  batch_id      INTEGER NOT NULL REFERENCES import_batch(id) ON DELETE CASCADE,
  record_number INTEGER NOT NULL,
  reason        TEXT NOT NULL,
  raw           TEXT NOT NULL
);
INSERT INTO import_failure_new (id, batch_id, record_number, reason, raw)
  SELECT id, batch_id, record_number, reason, raw FROM import_failure;
DROP TABLE import_failure;
ALTER TABLE import_failure_new RENAME TO import_failure;
CREATE INDEX import_failure_batch ON import_failure(batch_id, record_number);

CREATE TABLE lit_item_new (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  review_id    INTEGER NOT NULL REFERENCES review(id) ON DELETE CASCADE,
  batch_id     INTEGER NOT NULL REFERENCES import_batch(id) ON DELETE CASCADE,
  csl          TEXT NOT NULL,
  type         TEXT NOT NULL,
  title        TEXT NOT NULL DEFAULT '',
  first_author TEXT NOT NULL DEFAULT '',
  authors      TEXT NOT NULL DEFAULT '',
  year         INTEGER,
  container    TEXT NOT NULL DEFAULT '',
  doi          TEXT NOT NULL DEFAULT '',
  keywords     TEXT NOT NULL DEFAULT '',
  language     TEXT NOT NULL DEFAULT '',
  doi_norm     TEXT,
  title_norm   TEXT NOT NULL DEFAULT '',
  title_key    TEXT,
  author_key   TEXT NOT NULL DEFAULT '',
  author_year  TEXT,
  -- written as the final name: after the rename it refers to this table
  merged_into  INTEGER REFERENCES lit_item(id) ON DELETE SET NULL,
  dup_group    INTEGER,
  dup_rule     TEXT,
  dup_score    REAL,
  dup_certain  INTEGER,
  version      INTEGER NOT NULL DEFAULT 1,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  -- new: volume, issue and page as the CSL-JSON has them, which the duplicate search compares (two letters with one
  -- title in different volumes are two works); columns like container, so that a scan of the library does not
  -- parse every record's JSON, abstract and all. Filled by the copy below, then by the application.
  volume       TEXT NOT NULL DEFAULT '',
  issue        TEXT NOT NULL DEFAULT '',
  page         TEXT NOT NULL DEFAULT ''
);
INSERT INTO lit_item_new (id, review_id, batch_id, csl, type, title, first_author, authors, year, container, doi, keywords,
  language, doi_norm, title_norm, title_key, author_key, author_year, merged_into, dup_group, dup_rule, dup_score,
  dup_certain, version, created_at, updated_at, volume, issue, page)
  SELECT id, review_id, batch_id, csl, type, title, first_author, authors, year, container, doi, keywords,
  language, doi_norm, title_norm, title_key, author_key, author_year, merged_into, dup_group, dup_rule, dup_score,
  dup_certain, version, created_at, updated_at, coalesce(CAST(csl ->> '$.volume' AS TEXT), ''),
  coalesce(CAST(csl ->> '$.issue' AS TEXT), ''), coalesce(CAST(csl ->> '$.page' AS TEXT), '') FROM lit_item;
DROP TABLE lit_item;
ALTER TABLE lit_item_new RENAME TO lit_item;
CREATE INDEX lit_item_review ON lit_item(review_id, id);
CREATE INDEX lit_item_batch ON lit_item(batch_id);
CREATE INDEX lit_item_doi ON lit_item(review_id, doi_norm) WHERE doi_norm IS NOT NULL;
CREATE INDEX lit_item_title_key ON lit_item(review_id, title_key) WHERE title_key IS NOT NULL;
CREATE INDEX lit_item_author_year ON lit_item(review_id, author_year) WHERE author_year IS NOT NULL;
CREATE INDEX lit_item_merged ON lit_item(merged_into) WHERE merged_into IS NOT NULL;
CREATE INDEX lit_item_dup ON lit_item(review_id, dup_group) WHERE dup_group IS NOT NULL;

CREATE TABLE item_source_new (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  item_id       INTEGER NOT NULL REFERENCES lit_item(id) ON DELETE CASCADE,
  batch_id      INTEGER NOT NULL,
  file_name     TEXT NOT NULL,
  record_number INTEGER NOT NULL,
  format        TEXT NOT NULL,
  raw           TEXT NOT NULL,
  csl           TEXT,
  warnings      TEXT NOT NULL DEFAULT '[]'
);
INSERT INTO item_source_new (id, item_id, batch_id, file_name, record_number, format, raw, csl, warnings)
  SELECT id, item_id, batch_id, file_name, record_number, format, raw, csl, warnings FROM item_source;
DROP TABLE item_source;
ALTER TABLE item_source_new RENAME TO item_source;
CREATE INDEX item_source_item ON item_source(item_id);

CREATE TABLE dedupe_merge_new (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  review_id       INTEGER NOT NULL REFERENCES review(id) ON DELETE CASCADE,
  kept_item_id    INTEGER NOT NULL,
  merged_item_ids TEXT NOT NULL,
  previous_parents TEXT NOT NULL DEFAULT '[]',
  rule            TEXT NOT NULL,
  score           REAL NOT NULL,
  kept_csl_before TEXT NOT NULL,
  merged_by       TEXT NOT NULL,
  merged_at       TEXT NOT NULL,
  undone_by       TEXT,
  undone_at       TEXT
);
INSERT INTO dedupe_merge_new (id, review_id, kept_item_id, merged_item_ids, previous_parents, rule, score, kept_csl_before,
  merged_by, merged_at, undone_by, undone_at)
  SELECT id, review_id, kept_item_id, merged_item_ids, previous_parents, rule, score, kept_csl_before,
  merged_by, merged_at, undone_by, undone_at FROM dedupe_merge;
DROP TABLE dedupe_merge;
ALTER TABLE dedupe_merge_new RENAME TO dedupe_merge;
CREATE INDEX dedupe_merge_review ON dedupe_merge(review_id, id);

-- Ids already undone before this migration may still be named (the merge log keeps the ids of items it merged, the
-- audit log the batches whose source kind was set): the sequences start above those too.
INSERT INTO sqlite_sequence (name, seq) SELECT 'import_batch', 0 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'import_batch');
UPDATE sqlite_sequence SET seq = max(seq,
  coalesce((SELECT max(entity_id) FROM audit_event WHERE entity = 'import_batch'), 0),
  coalesce((SELECT max(batch_id) FROM item_source), 0)) WHERE name = 'import_batch';
INSERT INTO sqlite_sequence (name, seq) SELECT 'lit_item', 0 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'lit_item');
UPDATE sqlite_sequence SET seq = max(seq,
  coalesce((SELECT max(kept_item_id) FROM dedupe_merge), 0),
  coalesce((SELECT max(j.value) FROM dedupe_merge m, json_each(m.merged_item_ids) j), 0)) WHERE name = 'lit_item';

-- What the duplicate search says about a candidate group besides its rule and score: why it may not be merged
-- unattended ("volumes differ: 12 vs 13"), one reason per line; NULL when nothing stands against it.
ALTER TABLE lit_item ADD COLUMN dup_reason TEXT;

-- A merge that took in a record of an import later undone is void: the undo first took the merge back (its other
-- records are separate items again, proposed as candidates anew), then removed the import. voided_at and
-- void_reason say when and why; a void merge is history only and cannot be undone.
ALTER TABLE dedupe_merge ADD COLUMN voided_at TEXT;
ALTER TABLE dedupe_merge ADD COLUMN void_reason TEXT;
