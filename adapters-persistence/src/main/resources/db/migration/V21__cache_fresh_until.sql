-- Until when an entry is fresh: in a namespace with a grace period, an entry past it (and not yet expired)
-- is served stale while one caller refreshes it in the background. Null: fresh until it expires.
ALTER TABLE cache_entries ADD COLUMN fresh_until timestamptz;
