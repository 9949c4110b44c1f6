-- What each paid call answered (usable or not), kept with its ledger entry so that a retry of the same
-- attempt reuses it instead of paying again; and whether the charge is an estimate (the request was sent,
-- no answer came back, so the input tokens sent are charged at list price).
ALTER TABLE cost_entries
    ADD COLUMN estimated boolean NOT NULL DEFAULT false,
    ADD COLUMN answer    jsonb;
