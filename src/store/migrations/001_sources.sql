-- The knowledge store: one row per file (a JSONL collection is one file) and one row per source
-- (a whole file, or one record of a collection), with the bytes exactly as received.

CREATE TABLE store_state (
  id      integer PRIMARY KEY CHECK (id = 1),
  -- Grows with every write by any process; listeners compare it after a reconnect.
  counter bigint  NOT NULL
);
INSERT INTO store_state (id, counter) VALUES (1, 0);

CREATE TABLE files (
  name        text        PRIMARY KEY,
  -- 'file': one source holding the whole file; 'collection': one source per line (JSONL).
  format      text        NOT NULL CHECK (format IN ('file', 'collection')),
  -- Number of lines of a collection (split at \n), so blank lines and the final newline come back.
  line_count  integer,
  size        bigint      NOT NULL,
  sha256      text        NOT NULL,
  url         text,
  retrieved   timestamptz,
  added_by    text,
  added_at    timestamptz NOT NULL DEFAULT now(),
  changed_at  timestamptz NOT NULL DEFAULT now(),
  -- store_state.counter at the last write of this file.
  version     bigint      NOT NULL
);

CREATE TABLE sources (
  file    text    NOT NULL REFERENCES files (name) ON DELETE CASCADE ON UPDATE CASCADE,
  -- 0 for a whole file; the 1-based line number of a collection's record.
  line    integer NOT NULL,
  bytes   bytea   NOT NULL,
  sha256  text    NOT NULL,
  -- What the parser read when it was stored (title, date, publisher, url), for people and queries;
  -- the bytes stay the truth and are parsed again at every load.
  meta    jsonb   NOT NULL DEFAULT '{}'::jsonb,
  PRIMARY KEY (file, line)
);
