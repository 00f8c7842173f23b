-- Sign-in for a server that listens beyond loopback: an account per reviewer (scrypt hash with its own salt and
-- parameters), sessions stored by the SHA-256 of their token (a leaked database holds no usable cookie), and failed
-- attempts counted per name (also names without an account, so a lockout does not reveal which names exist).
CREATE TABLE account (
  reviewer_id   INTEGER PRIMARY KEY REFERENCES reviewer(id) ON DELETE CASCADE,
  password_hash TEXT NOT NULL,
  created_at    TEXT NOT NULL
);

CREATE TABLE session (
  token_hash  TEXT PRIMARY KEY,
  reviewer_id INTEGER NOT NULL REFERENCES reviewer(id) ON DELETE CASCADE,
  created_at  TEXT NOT NULL,
  expires_at  TEXT NOT NULL
);
CREATE INDEX session_reviewer ON session(reviewer_id);

CREATE TABLE sign_in_failure (
  name         TEXT PRIMARY KEY,
  failures     INTEGER NOT NULL,
  locked_until TEXT
);
