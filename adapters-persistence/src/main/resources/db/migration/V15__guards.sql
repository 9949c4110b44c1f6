-- Why an accepted analysis is weaker than asked for (SMART paused: FAST's answer went to review).
ALTER TABLE item_analyses ADD COLUMN degraded text;

-- Rate-limit buckets every instance shares (Bucket4j's PostgreSQL store): one row per provider, model
-- and kind of limit, its state as Bucket4j serializes it.
CREATE TABLE rate_limit_buckets (
    id         text   PRIMARY KEY,
    state      bytea,
    expires_at bigint
);
