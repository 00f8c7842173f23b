-- Core of a framework synthesis: reviews, the columns (bands) of their comparison table, source and target
-- frameworks, ordered phases and stages, typed alignments, citations, reviewers and the audit log.
-- Every shared row carries `version` so that a stale write is detected (409) instead of overwriting.
-- Ids are AUTOINCREMENT so that an id is never handed out twice: a deleted row can be restored (undo) under its
-- own id, and audit events and exported mappings keep pointing at one thing only.

CREATE TABLE reviewer (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  name        TEXT NOT NULL UNIQUE,
  email       TEXT,
  created_at  TEXT NOT NULL
);

CREATE TABLE review (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  slug        TEXT NOT NULL UNIQUE,
  title       TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  citation    TEXT NOT NULL DEFAULT '',
  doi         TEXT,
  -- captions of the review's two published tables (models × bands, the target framework)
  crosswalk_caption TEXT NOT NULL DEFAULT '',
  target_caption    TEXT NOT NULL DEFAULT '',
  version     INTEGER NOT NULL DEFAULT 1,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);

-- A column of the comparison table (Early / Middle / Latter phases in the seed review).
CREATE TABLE band (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  review_id   INTEGER NOT NULL REFERENCES review(id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  label       TEXT NOT NULL,
  version     INTEGER NOT NULL DEFAULT 1,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);
CREATE INDEX band_review ON band(review_id, position);

CREATE TABLE framework (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  review_id   INTEGER NOT NULL REFERENCES review(id) ON DELETE CASCADE,
  role        TEXT NOT NULL CHECK (role IN ('source', 'target')),
  name        TEXT NOT NULL,
  short_name  TEXT NOT NULL DEFAULT '',
  -- the in-text citation exactly as the review prints it, e.g. "Murray et al., 2010"
  citation    TEXT NOT NULL DEFAULT '',
  discipline  TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  position    INTEGER NOT NULL,
  version     INTEGER NOT NULL DEFAULT 1,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);
CREATE INDEX framework_review ON framework(review_id, role, position);

-- Phases of a source model, in the model's own order; band_id places the phase in a column of the table.
CREATE TABLE phase (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  framework_id INTEGER NOT NULL REFERENCES framework(id) ON DELETE CASCADE,
  band_id      INTEGER REFERENCES band(id) ON DELETE SET NULL,
  position     INTEGER NOT NULL,
  label        TEXT NOT NULL,
  description  TEXT NOT NULL DEFAULT '',
  version      INTEGER NOT NULL DEFAULT 1,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
);
CREATE INDEX phase_framework ON phase(framework_id, position);

-- Stages of the target (synthesised) framework: Table 2 of the seed review.
CREATE TABLE stage (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  framework_id     INTEGER NOT NULL REFERENCES framework(id) ON DELETE CASCADE,
  band_id          INTEGER REFERENCES band(id) ON DELETE SET NULL,
  position         INTEGER NOT NULL,
  name             TEXT NOT NULL,
  focus            TEXT NOT NULL DEFAULT '',
  purpose          TEXT NOT NULL DEFAULT '',
  key_label        TEXT NOT NULL DEFAULT '',
  key_question     TEXT NOT NULL DEFAULT '',
  success_measures TEXT NOT NULL DEFAULT '',
  version          INTEGER NOT NULL DEFAULT 1,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL
);
CREATE INDEX stage_framework ON stage(framework_id, position);

-- "phase → stage". No row means "not yet assessed"; relation 'no-counterpart' (stage_id NULL) means assessed
-- and nothing in the target corresponds.
CREATE TABLE alignment (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  phase_id    INTEGER NOT NULL REFERENCES phase(id) ON DELETE CASCADE,
  stage_id    INTEGER REFERENCES stage(id) ON DELETE CASCADE,
  relation    TEXT NOT NULL CHECK (relation IN ('equivalent', 'subset-of', 'superset-of', 'intersects-with', 'no-counterpart')),
  confidence  REAL CHECK (confidence IS NULL OR (confidence >= 0 AND confidence <= 1)),
  rationale   TEXT NOT NULL DEFAULT '',
  reviewer_id INTEGER REFERENCES reviewer(id) ON DELETE SET NULL,
  status      TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'accepted', 'disputed')),
  version     INTEGER NOT NULL DEFAULT 1,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  CHECK ((relation = 'no-counterpart') = (stage_id IS NULL))
);
CREATE UNIQUE INDEX alignment_phase_stage ON alignment(phase_id, stage_id) WHERE stage_id IS NOT NULL;
CREATE UNIQUE INDEX alignment_phase_none ON alignment(phase_id) WHERE stage_id IS NULL;
CREATE INDEX alignment_stage ON alignment(stage_id);

-- A reference as CSL-JSON; citekey is stable and unique within a review.
CREATE TABLE citation (
  id        INTEGER PRIMARY KEY AUTOINCREMENT,
  review_id  INTEGER NOT NULL REFERENCES review(id) ON DELETE CASCADE,
  citekey    TEXT NOT NULL,
  csl_json   TEXT NOT NULL CHECK (json_valid(csl_json)),
  doi        TEXT,
  version    INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (review_id, citekey)
);

-- Exactly one target per link, each a real foreign key so that deletes cascade.
CREATE TABLE citation_link (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  citation_id  INTEGER NOT NULL REFERENCES citation(id) ON DELETE CASCADE,
  framework_id INTEGER REFERENCES framework(id) ON DELETE CASCADE,
  phase_id     INTEGER REFERENCES phase(id) ON DELETE CASCADE,
  stage_id     INTEGER REFERENCES stage(id) ON DELETE CASCADE,
  alignment_id INTEGER REFERENCES alignment(id) ON DELETE CASCADE,
  locator      TEXT NOT NULL DEFAULT '',
  quote        TEXT NOT NULL DEFAULT '',
  created_at   TEXT NOT NULL,
  CHECK ((framework_id IS NOT NULL) + (phase_id IS NOT NULL) + (stage_id IS NOT NULL) + (alignment_id IS NOT NULL) = 1)
);
CREATE INDEX citation_link_citation ON citation_link(citation_id);

-- Counts of the review's search and screening flow (PRISMA-style); count NULL where the review does not report it.
CREATE TABLE flow_count (
  id       INTEGER PRIMARY KEY AUTOINCREMENT,
  review_id INTEGER NOT NULL REFERENCES review(id) ON DELETE CASCADE,
  position  INTEGER NOT NULL,
  key       TEXT NOT NULL,
  label     TEXT NOT NULL,
  count     INTEGER,
  note      TEXT NOT NULL DEFAULT '',
  UNIQUE (review_id, key)
);

-- Every change, with the row as it was and as it became (JSON), so that any edit can be traced and undone.
CREATE TABLE audit_event (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  at          TEXT NOT NULL,
  actor       TEXT NOT NULL,
  review_id   INTEGER,
  entity      TEXT NOT NULL,
  entity_id   INTEGER,
  action      TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete', 'reorder', 'seed')),
  before_json TEXT,
  after_json  TEXT
);
CREATE INDEX audit_event_review ON audit_event(review_id, id);

-- Facts about this database file itself, e.g. which fixtures were loaded (so a deleted seed review stays deleted).
CREATE TABLE app_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
