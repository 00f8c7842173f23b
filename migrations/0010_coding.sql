-- Coding (issue #11): a review's own codes (a tree of categories) and the tags that put a code on a literature item
-- with a quoted passage, a locator and a note. Stages and phases are codes too, without rows here: a tag names
-- exactly one of an own code, a target stage or a model's phase. Deletes are soft (deleted_at) so undo restores the
-- same row; nothing that tags use is removed silently.
CREATE TABLE code (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  review_id   INTEGER NOT NULL REFERENCES review(id) ON DELETE CASCADE,
  parent_id   INTEGER REFERENCES code(id) ON DELETE CASCADE,
  label       TEXT NOT NULL CHECK (length(trim(label)) > 0),
  description TEXT NOT NULL DEFAULT '',
  band        TEXT CHECK (band IS NULL OR band IN ('early', 'middle', 'latter')),
  position    INTEGER NOT NULL DEFAULT 0,
  version     INTEGER NOT NULL DEFAULT 1,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  deleted_at  TEXT
);
CREATE INDEX code_review ON code(review_id, parent_id, position);

CREATE TABLE tag (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  review_id   INTEGER NOT NULL REFERENCES review(id) ON DELETE CASCADE,
  item_id     INTEGER NOT NULL REFERENCES lit_item(id) ON DELETE CASCADE,
  code_id     INTEGER REFERENCES code(id) ON DELETE CASCADE,
  stage_id    INTEGER REFERENCES stage(id) ON DELETE CASCADE,
  phase_id    INTEGER REFERENCES phase(id) ON DELETE CASCADE,
  quote       TEXT NOT NULL DEFAULT '',
  locator     TEXT NOT NULL DEFAULT '',
  note        TEXT NOT NULL DEFAULT '',
  reviewer_id INTEGER NOT NULL REFERENCES reviewer(id),
  version     INTEGER NOT NULL DEFAULT 1,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  deleted_at  TEXT,
  CHECK ((code_id IS NOT NULL) + (stage_id IS NOT NULL) + (phase_id IS NOT NULL) = 1)
);
-- the matrix, the map and the agreement read every live tag of a review in id order (the index keeps rowid order,
-- so no sort); per item and per code for the lists
CREATE INDEX tag_review_live ON tag(review_id) WHERE deleted_at IS NULL;
CREATE INDEX tag_item ON tag(item_id);
CREATE INDEX tag_code ON tag(code_id) WHERE code_id IS NOT NULL;
CREATE INDEX tag_stage ON tag(stage_id) WHERE stage_id IS NOT NULL;
CREATE INDEX tag_phase ON tag(phase_id) WHERE phase_id IS NOT NULL;
CREATE INDEX tag_reviewer ON tag(reviewer_id);
