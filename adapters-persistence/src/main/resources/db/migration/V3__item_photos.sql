-- Who holds which photo. Photos are shared by content (one file per SHA-256), so whether a user may see
-- one is "does an item they may see hold it": an indexed lookup here instead of a scan of items.photos.
CREATE TABLE item_photos (
    hash     text NOT NULL,
    owner_id uuid NOT NULL,
    item_id  uuid NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    PRIMARY KEY (hash, owner_id, item_id)
);

CREATE INDEX item_photos_item_idx ON item_photos (item_id);

INSERT INTO item_photos (hash, owner_id, item_id)
SELECT DISTINCT photo -> 'hash' ->> 'hex', items.owner_id, items.id
  FROM items, jsonb_array_elements(items.photos) AS photo
ON CONFLICT DO NOTHING;
