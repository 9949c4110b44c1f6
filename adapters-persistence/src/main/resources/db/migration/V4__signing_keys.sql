-- Keys for what Boomer signs itself (expiring links to photos), shared by every instance.
CREATE TABLE signing_keys (
    purpose    text        PRIMARY KEY,
    key        bytea       NOT NULL,
    created_at timestamptz NOT NULL
);
