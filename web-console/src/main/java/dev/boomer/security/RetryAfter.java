package dev.boomer.security;

import java.time.Duration;

/** A {@code Retry-After} value: whole seconds, rounded up so that a client waiting it is let in. */
final class RetryAfter {

    private RetryAfter() {
    }

    static long seconds(Duration wait) {
        long seconds = wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
