-- One trail of admin actions: who (actor_id; null for Boomer itself), when, what (action), to what
-- (subject, "user:<uuid>" or "job:<uuid>"), and the subject's fields before and after. No foreign keys:
-- the trail outlives the users and jobs it names. Budget changes, audited on their own until now, move in.
CREATE TABLE audit_log (
    id       bigserial   PRIMARY KEY,
    at       timestamptz NOT NULL,
    actor_id uuid,
    action   text        NOT NULL,
    subject  text        NOT NULL,
    before   jsonb       NOT NULL DEFAULT '{}',
    after    jsonb       NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_action ON audit_log (action, id DESC);

INSERT INTO audit_log (at, actor_id, action, subject, before, after)
SELECT changed_at, changed_by, 'BUDGET_SET', 'user:' || user_id, coalesce(before, '{}'), after
FROM budget_changes ORDER BY id;

DROP TABLE budget_changes;
