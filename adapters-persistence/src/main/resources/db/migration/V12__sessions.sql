-- Console sessions, shared by every instance and kept across restarts. Attributes are JSON text
-- (the signed-in user and the CSRF token), never serialized Java objects.
CREATE TABLE sessions (
    id                   text        PRIMARY KEY,
    username             text,
    created_at           timestamptz NOT NULL,
    last_accessed_at     timestamptz NOT NULL,
    max_inactive_seconds bigint      NOT NULL CHECK (max_inactive_seconds > 0),
    attributes           jsonb       NOT NULL
);
CREATE INDEX sessions_username_idx ON sessions (username);
CREATE INDEX sessions_idle_idx ON sessions (last_accessed_at);
