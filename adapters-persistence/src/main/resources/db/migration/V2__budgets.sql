-- Per-user budgets: the limits, one counter row per user and period, the reservations against it, and
-- the audit trail of every change.

-- A user's own budget lives on the user's row: a reservation locks that row (FOR SHARE) and so always reads
-- the budget as it is now, even when an edit committed after the reservation's statement began. No period
-- means the configured default applies.
ALTER TABLE users
    ADD COLUMN budget_period         text CHECK (budget_period IN ('DAILY', 'WEEKLY', 'MONTHLY')),
    ADD COLUMN budget_time_zone      text,
    ADD COLUMN budget_hard_limit_usd numeric(20, 10) CHECK (budget_hard_limit_usd >= 0),
    ADD COLUMN budget_soft_limit_usd numeric(20, 10)
        CHECK (budget_soft_limit_usd >= 0 AND budget_soft_limit_usd <= budget_hard_limit_usd),
    ADD COLUMN budget_item_cap_usd   numeric(20, 10) CHECK (budget_item_cap_usd >= 0),
    ADD COLUMN budget_updated_at     timestamptz,
    ADD COLUMN budget_updated_by     uuid,
    ADD CONSTRAINT users_budget_complete CHECK ((budget_period IS NULL) = (budget_hard_limit_usd IS NULL)
        AND (budget_period IS NULL) = (budget_time_zone IS NULL));

-- The row a reservation locks: spent + reserved of one user in one period (its start, as an instant).
CREATE TABLE budget_periods (
    user_id         uuid            NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    period_start    timestamptz     NOT NULL,
    spent_usd       numeric(20, 10) NOT NULL DEFAULT 0 CHECK (spent_usd >= 0),
    reserved_usd    numeric(20, 10) NOT NULL DEFAULT 0 CHECK (reserved_usd >= 0),
    soft_alerted_at timestamptz,
    soft_alerted_by uuid,
    PRIMARY KEY (user_id, period_start)
);

CREATE TABLE budget_reservations (
    id              uuid            PRIMARY KEY,
    idempotency_key text            NOT NULL,
    user_id         uuid            NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    item_id         uuid            NOT NULL,
    period_start    timestamptz     NOT NULL,
    amount_usd      numeric(20, 10) NOT NULL CHECK (amount_usd >= 0),
    soft_limit_usd  numeric(20, 10),
    actual_usd      numeric(20, 10),
    state           text            NOT NULL CHECK (state IN ('HELD', 'SETTLED', 'RELEASED', 'EXPIRED')),
    created_at      timestamptz     NOT NULL,
    expires_at      timestamptz     NOT NULL,
    closed_at       timestamptz
);
-- One open or settled reservation per call; a released or expired one does not stop the call being made again.
CREATE UNIQUE INDEX budget_reservations_key ON budget_reservations (idempotency_key)
    WHERE state IN ('HELD', 'SETTLED');
CREATE INDEX budget_reservations_held ON budget_reservations (expires_at) WHERE state = 'HELD';
CREATE INDEX budget_reservations_item ON budget_reservations (item_id);
CREATE INDEX budget_reservations_user ON budget_reservations (user_id, created_at);

CREATE TABLE budget_changes (
    id         bigserial   PRIMARY KEY,
    user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    changed_by uuid        NOT NULL,
    changed_at timestamptz NOT NULL,
    before     jsonb,
    after      jsonb       NOT NULL
);
CREATE INDEX budget_changes_at ON budget_changes (changed_at DESC);
