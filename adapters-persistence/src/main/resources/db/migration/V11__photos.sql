-- Photos in the shared database (boomer.photos.store=postgres), for several instances without a shared
-- disk. Content-addressed: one row per distinct photo, however many items hold it.
CREATE TABLE photos (
    hash       text        PRIMARY KEY,
    media_type text        NOT NULL,
    bytes      bytea       NOT NULL,
    stored_at  timestamptz NOT NULL DEFAULT now()
);
