-- What an import noticed about a file as a whole (its content overruled its name; it announced more records than
-- came out), kept with the batch so the import history still says it after the progress report is gone.
ALTER TABLE import_batch ADD COLUMN notes_json TEXT NOT NULL DEFAULT '[]';
