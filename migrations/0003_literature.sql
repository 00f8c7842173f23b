-- The literature library: imported references of a review, the raw records they came from, import batches,
-- duplicate decisions and a full-text index. An import is one batch; undoing it removes exactly its rows.

-- One file imported into one review. status 'running' rows belong to an import in progress (worker_pid); a
-- process that dies half-way leaves one behind, which the next start deletes with everything it inserted.
CREATE TABLE import_batch (
  id            INTEGER PRIMARY KEY,
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
  finished_at   TEXT
);
CREATE INDEX import_batch_review ON import_batch(review_id, id);

-- A record that could not be parsed: kept verbatim with its number and the reason, so nothing is lost.
CREATE TABLE import_failure (
  id            INTEGER PRIMARY KEY,
  batch_id      INTEGER NOT NULL REFERENCES import_batch(id) ON DELETE CASCADE,
  record_number INTEGER NOT NULL,
  reason        TEXT NOT NULL,
  raw           TEXT NOT NULL
);
CREATE INDEX import_failure_batch ON import_failure(batch_id, record_number);

-- A reference: the merged record as CSL-JSON, plus the columns lists, filters, search and dedupe need.
-- An item merged into another keeps its row (merged_into set) so the merge can be undone exactly.
CREATE TABLE lit_item (
  id           INTEGER PRIMARY KEY,
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
  -- dedupe keys: lower-cased DOI without resolver, normalised title and its 60-character prefix,
  -- normalised first-author surname with the year
  doi_norm     TEXT,
  title_norm   TEXT NOT NULL DEFAULT '',
  title_key    TEXT,
  author_key   TEXT NOT NULL DEFAULT '',
  author_year  TEXT,
  merged_into  INTEGER REFERENCES lit_item(id) ON DELETE SET NULL,
  -- the duplicate-candidate group this item is in (its lowest item id), with the group's rule, lowest score and
  -- whether it may be merged unattended; NULL when it is in none
  dup_group    INTEGER,
  dup_rule     TEXT,
  dup_score    REAL,
  dup_certain  INTEGER,
  version      INTEGER NOT NULL DEFAULT 1,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
);
CREATE INDEX lit_item_review ON lit_item(review_id, id);
CREATE INDEX lit_item_batch ON lit_item(batch_id);
CREATE INDEX lit_item_doi ON lit_item(review_id, doi_norm) WHERE doi_norm IS NOT NULL;
CREATE INDEX lit_item_title_key ON lit_item(review_id, title_key) WHERE title_key IS NOT NULL;
CREATE INDEX lit_item_author_year ON lit_item(review_id, author_year) WHERE author_year IS NOT NULL;
CREATE INDEX lit_item_merged ON lit_item(merged_into) WHERE merged_into IS NOT NULL;
CREATE INDEX lit_item_dup ON lit_item(review_id, dup_group) WHERE dup_group IS NOT NULL;

-- Every raw record verbatim, with its file and 1-based record number. csl is NULL while it equals the item's
-- CSL-JSON (always, right after import); a merge that changes the item first copies it here.
CREATE TABLE item_source (
  id            INTEGER PRIMARY KEY,
  item_id       INTEGER NOT NULL REFERENCES lit_item(id) ON DELETE CASCADE,
  -- the batch that read this record (informational: the source goes with its item)
  batch_id      INTEGER NOT NULL,
  file_name     TEXT NOT NULL,
  record_number INTEGER NOT NULL,
  format        TEXT NOT NULL,
  raw           TEXT NOT NULL,
  csl           TEXT,
  warnings      TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX item_source_item ON item_source(item_id);

-- The merge log: which items were merged into which, why (rule, score), by whom, when; undone_at once undone.
-- kept_csl_before restores the kept item on undo.
CREATE TABLE dedupe_merge (
  id              INTEGER PRIMARY KEY,
  review_id       INTEGER NOT NULL REFERENCES review(id) ON DELETE CASCADE,
  kept_item_id    INTEGER NOT NULL,
  -- JSON array of the item ids merged into the kept one, and (same order) what each pointed at before: null, or
  -- the item it had been merged into earlier (its members move to the kept item too)
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
CREATE INDEX dedupe_merge_review ON dedupe_merge(review_id, id);

-- "Not a duplicate": a pair (lower id first) never proposed again, also after later imports.
CREATE TABLE dedupe_distinct (
  review_id  INTEGER NOT NULL REFERENCES review(id) ON DELETE CASCADE,
  item_a     INTEGER NOT NULL REFERENCES lit_item(id) ON DELETE CASCADE,
  item_b     INTEGER NOT NULL REFERENCES lit_item(id) ON DELETE CASCADE,
  decided_by TEXT NOT NULL,
  decided_at TEXT NOT NULL,
  PRIMARY KEY (item_a, item_b),
  CHECK (item_a < item_b)
) WITHOUT ROWID;

-- Full-text index over title, authors, abstract and keywords, rowid = lit_item.id. Contentless, so abstracts are
-- stored once (in lit_item.csl); filled with one INSERT…SELECT per batch after its rows are in.
CREATE VIRTUAL TABLE lit_fts USING fts5(
  title, authors, abstract, keywords,
  content = '', contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE lit_fts_vocab USING fts5vocab(lit_fts, 'row');
