-- Failed sign-ins and API token checks per key ("address:<ip>", "account:<username>",
-- "account:<username>@<ip>", "token:<ip>") and the time before which a key may not be tried again.
-- In the database so that every instance sees the same counts and a restart forgets nothing.
CREATE TABLE failed_attempts (
    key             text        PRIMARY KEY,
    failures        integer     NOT NULL DEFAULT 0 CHECK (failures >= 0),
    last_failure_at timestamptz NOT NULL,
    blocked_until   timestamptz
);
CREATE INDEX failed_attempts_last_failure ON failed_attempts (last_failure_at);
