-- Breakers an operator holds open or closed, per provider model; every instance reads them every few
-- seconds and applies them to its own guards. Who set each, and when, is in the audit log.
CREATE TABLE breaker_overrides (
    provider text        NOT NULL,
    model    text        NOT NULL,
    held     text        NOT NULL CHECK (held IN ('OPEN', 'CLOSED')),
    set_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (provider, model)
);
