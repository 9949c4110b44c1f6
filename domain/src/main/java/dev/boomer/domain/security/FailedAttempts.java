package dev.boomer.domain.security;

import java.time.Instant;
import java.util.Optional;

/**
 * Failed sign-ins and token checks, counted per key (an address, an account), with the time before which
 * a key may not be tried again. Shared by every instance and kept across restarts, so that neither a
 * second instance nor a restart gives a guesser fresh attempts.
 */
public interface FailedAttempts {

    /**
     * Counts one failure for the key. A key without failures since {@code forgetBefore} starts again at 1.
     *
     * @return the failures now counted
     */
    int count(String key, Instant now, Instant forgetBefore);

    /** Nothing may be tried for the key before {@code until}; a later block already set is kept. */
    void block(String key, Instant until);

    /** When the key may be tried again, if it is blocked at {@code now}. */
    Optional<Instant> blockedUntil(String key, Instant now);

    void forget(String key);

    /** Forgets keys with no failure since {@code before} and no block past it; returns how many. */
    int forgetQuietSince(Instant before);
}
