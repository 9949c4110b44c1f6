-- Tags by which a group of cache entries is invalidated at once (gtin:, brand:, category:, prompt:, model:).
ALTER TABLE cache_entries ADD COLUMN tags text[] NOT NULL DEFAULT '{}';
CREATE INDEX cache_entries_tags_idx ON cache_entries USING gin (tags);

-- Every invalidation, for a little while: each instance reads the new ones a few times a second and
-- removes what they select from its own in-process layer.
CREATE TABLE cache_invalidations (
    id    bigserial   PRIMARY KEY,
    kind  text        NOT NULL CHECK (kind IN ('KEY', 'PREFIX', 'NAMESPACE', 'TAG', 'ALL')),
    value text        NOT NULL,
    at    timestamptz NOT NULL DEFAULT now()
);
