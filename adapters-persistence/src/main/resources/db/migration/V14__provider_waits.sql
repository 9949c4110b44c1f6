-- Whether a waiting item's next attempt is its provider's wait (Retry-After, an open breaker), which
-- nobody may cut short, or Boomer's own backoff, which an operator's "retry now" may.
ALTER TABLE items ADD COLUMN waits_for_provider boolean NOT NULL DEFAULT false;
