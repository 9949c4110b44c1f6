-- Transient faults retried in the current attempt, and when a waiting item may run again (a retry's
-- backoff or a provider's Retry-After): nobody claims it before then.
ALTER TABLE items
    ADD COLUMN retries         integer NOT NULL DEFAULT 0 CHECK (retries >= 0),
    ADD COLUMN next_attempt_at timestamptz;

-- The reconciliation looks for unfinished items whose job went missing.
CREATE INDEX items_unfinished_idx ON items (updated_at) WHERE status IN ('RECEIVED', 'PROCESSING');
