-- Screening: who is who on a review's team, where each import came from (for the PRISMA 2020 flow), the stages a
-- review screens in, every reviewer's decision, the lead's resolution of a conflict, and the PRISMA counts that
-- cannot be derived from the data and are entered by hand.

ALTER TABLE review_reviewer ADD COLUMN initials TEXT NOT NULL DEFAULT '';
ALTER TABLE review_reviewer ADD COLUMN role TEXT NOT NULL DEFAULT 'reviewer' CHECK (role IN ('reviewer', 'lead'));

-- PRISMA 2020 draws databases and registers apart from other methods (grey literature, hand-searching, chaining)
ALTER TABLE import_batch ADD COLUMN source_kind TEXT NOT NULL DEFAULT 'database'
  CHECK (source_kind IN ('database', 'register', 'other'));

-- source 'library' = every unmerged item of the review; 'previous' = the items finally included at the stage
-- before this one (by position). unblinded_at is set once by the lead; while it is NULL a blind stage hides the
-- other reviewers' decisions from each reviewer who has not finished.
CREATE TABLE screening_stage (
  id                 INTEGER PRIMARY KEY AUTOINCREMENT,
  review_id          INTEGER NOT NULL REFERENCES review(id) ON DELETE CASCADE,
  position           INTEGER NOT NULL,
  kind               TEXT NOT NULL CHECK (kind IN ('title', 'title-abstract', 'abstract', 'full-text')),
  label              TEXT NOT NULL DEFAULT '',
  source             TEXT NOT NULL DEFAULT 'library' CHECK (source IN ('library', 'previous')),
  reviewers_required INTEGER NOT NULL DEFAULT 2 CHECK (reviewers_required >= 1),
  blind              INTEGER NOT NULL DEFAULT 1 CHECK (blind IN (0, 1)),
  unblinded_at       TEXT,
  version            INTEGER NOT NULL DEFAULT 1,
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL
);
CREATE INDEX screening_stage_review ON screening_stage(review_id, position);

CREATE TABLE screening_decision (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  stage_id    INTEGER NOT NULL REFERENCES screening_stage(id) ON DELETE CASCADE,
  item_id     INTEGER NOT NULL REFERENCES lit_item(id) ON DELETE CASCADE,
  reviewer_id INTEGER NOT NULL REFERENCES reviewer(id),
  decision    TEXT NOT NULL CHECK (decision IN ('include', 'exclude', 'maybe')),
  reason      TEXT NOT NULL DEFAULT '',
  note        TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  UNIQUE (stage_id, item_id, reviewer_id)
);
CREATE INDEX screening_decision_item ON screening_decision(item_id);
CREATE INDEX screening_decision_reviewer ON screening_decision(reviewer_id);

CREATE TABLE screening_resolution (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  stage_id    INTEGER NOT NULL REFERENCES screening_stage(id) ON DELETE CASCADE,
  item_id     INTEGER NOT NULL REFERENCES lit_item(id) ON DELETE CASCADE,
  decision    TEXT NOT NULL CHECK (decision IN ('include', 'exclude')),
  reason      TEXT NOT NULL DEFAULT '',
  note        TEXT NOT NULL DEFAULT '',
  reviewer_id INTEGER NOT NULL REFERENCES reviewer(id),
  created_at  TEXT NOT NULL,
  UNIQUE (stage_id, item_id)
);
CREATE INDEX screening_resolution_item ON screening_resolution(item_id);

-- A PRISMA 2020 box count typed in by hand (e.g. reports not retrieved), keyed by the template's box name.
CREATE TABLE prisma_entered (
  id        INTEGER PRIMARY KEY AUTOINCREMENT,
  review_id INTEGER NOT NULL REFERENCES review(id) ON DELETE CASCADE,
  key       TEXT NOT NULL,
  count     INTEGER CHECK (count IS NULL OR count >= 0),
  note      TEXT NOT NULL DEFAULT '',
  UNIQUE (review_id, key)
);
