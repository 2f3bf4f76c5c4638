-- Scopes (docs/scopes.md): a source added from a Discord server is answered in that server only.
-- NULL: a global source (the knowledge folder, imports, feeds, an operator's server), answered
-- everywhere; else the ids of the servers whose answers include it. Set at every write from the
-- file's name (added/<server id>/…) and its provenance sidecar (the additions from other
-- servers), so a query can ask what a server added.
ALTER TABLE files ADD COLUMN scopes text[];
UPDATE files SET scopes = ARRAY[split_part(name, '/', 2)] WHERE name ~ '^added/[0-9]{1,25}/.';
CREATE INDEX files_scopes ON files USING gin (scopes);
