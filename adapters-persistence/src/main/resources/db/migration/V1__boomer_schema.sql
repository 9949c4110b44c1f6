-- Boomer's own tables. JobRunr creates and migrates its tables itself.

CREATE TABLE users (
    id            uuid        PRIMARY KEY,
    username      text        NOT NULL UNIQUE,
    role          text        NOT NULL,
    time_zone     text        NOT NULL,
    created_at    timestamptz NOT NULL,
    password_hash text
);

CREATE TABLE api_tokens (
    id         uuid        PRIMARY KEY,
    user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash text        NOT NULL UNIQUE,
    label      text        NOT NULL,
    created_at timestamptz NOT NULL,
    revoked_at timestamptz
);

CREATE INDEX api_tokens_user_idx ON api_tokens (user_id);

CREATE TABLE items (
    id          uuid        PRIMARY KEY,
    owner_id    uuid        NOT NULL REFERENCES users (id),
    priority    text        NOT NULL,
    status      text        NOT NULL,
    sku         text,
    reason      text,
    attempt     integer     NOT NULL CHECK (attempt >= 1),
    photos      jsonb       NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    -- a worker's claim: whoever holds an unexpired lease runs the item
    lease_owner text,
    lease_until timestamptz
);

CREATE INDEX items_owner_created_idx ON items (owner_id, created_at DESC);
CREATE INDEX items_status_idx ON items (status);
CREATE INDEX items_created_idx ON items (created_at DESC);

CREATE TABLE item_analyses (
    item_id    uuid        PRIMARY KEY REFERENCES items (id) ON DELETE CASCADE,
    analysis   jsonb       NOT NULL,
    call       jsonb       NOT NULL,
    from_cache boolean     NOT NULL,
    at         timestamptz NOT NULL
);

CREATE TABLE listings (
    item_id        uuid           PRIMARY KEY REFERENCES items (id) ON DELETE CASCADE,
    draft          jsonb          NOT NULL,
    -- copied out of the draft so that lists and CSV exports can filter and sort without parsing JSON
    title          text           NOT NULL,
    price_amount   numeric(20, 6) NOT NULL,
    price_currency char(3)        NOT NULL,
    created_at     timestamptz    NOT NULL
);

-- No foreign keys: money spent stays on record even when an item or user is deleted.
CREATE TABLE cost_entries (
    id                 bigserial       PRIMARY KEY,
    idempotency_key    text            NOT NULL UNIQUE,
    item_id            uuid            NOT NULL,
    step               text            NOT NULL,
    attempt            integer         NOT NULL,
    user_id            uuid            NOT NULL,
    provider           text            NOT NULL,
    model              text            NOT NULL,
    tier               text            NOT NULL,
    input_tokens       bigint          NOT NULL,
    output_tokens      bigint          NOT NULL,
    cache_write_tokens bigint          NOT NULL,
    cache_read_tokens  bigint          NOT NULL,
    images             integer         NOT NULL,
    cost_usd           numeric(20, 10) NOT NULL CHECK (cost_usd >= 0),
    at                 timestamptz     NOT NULL
);

CREATE INDEX cost_entries_item_idx ON cost_entries (item_id);
CREATE INDEX cost_entries_user_at_idx ON cost_entries (user_id, at);

CREATE TABLE cache_entries (
    key        text        PRIMARY KEY,
    namespace  text        NOT NULL,
    value      jsonb       NOT NULL,
    type       text        NOT NULL,
    expires_at timestamptz NOT NULL,
    created_at timestamptz NOT NULL
);

CREATE INDEX cache_entries_namespace_idx ON cache_entries (namespace);
CREATE INDEX cache_entries_expires_idx ON cache_entries (expires_at);
