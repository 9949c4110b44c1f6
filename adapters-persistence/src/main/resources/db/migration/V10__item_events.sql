-- An item's history: every change of its state, when, why, and the instance that made it.
CREATE TABLE item_events (
    id       bigserial   PRIMARY KEY,
    item_id  uuid        NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    at       timestamptz NOT NULL,
    status   text        NOT NULL,
    reason   text,
    instance text        NOT NULL
);
CREATE INDEX item_events_item_idx ON item_events (item_id, id);
