-- Who is writing a running import, precisely enough to tell when that process has died while the server keeps
-- running: a pid alone can be reused by an unrelated process. worker_started is the owner's start time as the
-- kernel records it (Linux: /proc/PID/stat field 22, clock ticks since boot), NULL where it cannot be read.
ALTER TABLE import_batch ADD COLUMN worker_started TEXT;
