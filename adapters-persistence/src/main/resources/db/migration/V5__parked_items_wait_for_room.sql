-- A parked item remembers the budget room its refused call needed, so that it resumes once that much is
-- free instead of being retried (and parked again) every time the budget is swept. NULL for other states
-- and for items parked before this column existed (they resume as soon as there is any room).
ALTER TABLE items
    ADD COLUMN waits_for_usd numeric(20, 10) CHECK (waits_for_usd >= 0),
    ADD CONSTRAINT items_only_parked_wait CHECK (waits_for_usd IS NULL OR status = 'PARKED');
