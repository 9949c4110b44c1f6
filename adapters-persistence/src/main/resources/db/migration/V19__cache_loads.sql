-- Paid loads under way, one per cache key across every instance: whoever holds a key's lease loads it,
-- the others wait for its value. A lease is a row, not a lock, so a long paid call holds no connection;
-- it expires, so an instance that died mid-load does not stop the others for long.
CREATE TABLE cache_loads (
    key        text        PRIMARY KEY,
    holder     text        NOT NULL,
    expires_at timestamptz NOT NULL
);
