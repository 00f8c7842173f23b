-- Starting one's own review: the review question, archive and trash (both only timestamps, so nothing is removed
-- until the user empties the trash), per-review settings as JSON, and the review's team.

ALTER TABLE review ADD COLUMN question TEXT NOT NULL DEFAULT '';
-- NULL = active; archived reviews are still listed, flagged by it
ALTER TABLE review ADD COLUMN archived_at TEXT;
-- NULL = not in the trash; "delete" sets it, "undelete" clears it, "delete permanently" removes the rows
ALTER TABLE review ADD COLUMN deleted_at TEXT;
-- what the screens show instead of the relation names, exclusion reasons, …: shared/schemas.ts reviewSettingsSchema
ALTER TABLE review ADD COLUMN settings_json TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(settings_json));

-- The review's team: the people (global `reviewer` rows, unique by name) who work on this review, in order.
CREATE TABLE review_reviewer (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  review_id   INTEGER NOT NULL REFERENCES review(id) ON DELETE CASCADE,
  reviewer_id INTEGER NOT NULL REFERENCES reviewer(id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  created_at  TEXT NOT NULL,
  UNIQUE (review_id, reviewer_id)
);
CREATE INDEX review_reviewer_reviewer ON review_reviewer(reviewer_id);
