package dev.boomer.security;

import java.time.Duration;

/** A {@code Retry-After} value: whole seconds, rounded up so that a client waiting it is let in. */
public final class RetryAfter {

    private RetryAfter() {
    }

    public static long seconds(Duration wait) {
        long seconds = wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
