-- Drafts priced longest ago come first when stale prices are quoted again.
CREATE INDEX listings_created_at_idx ON listings (created_at);
