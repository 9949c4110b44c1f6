package dev.boomer.application.processing;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How transient faults are retried: exponential backoff with jitter, up to {@code maxAttempts} tries of
 * an item in one attempt; then the item gives up. A provider's own wait (Retry-After) is not a fault and
 * is not counted here.
 *
 * @param maxAttempts tries in all, the first included
 * @param firstDelay  the wait before the first retry, doubled for each further one
 * @param maxDelay    the longest wait
 */
public record RetryPolicy(int maxAttempts, Duration firstDelay, Duration maxDelay) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(8, Duration.ofSeconds(2), Duration.ofMinutes(10));

    public RetryPolicy {
        Objects.requireNonNull(firstDelay, "firstDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("max-attempts must be at least 1, not " + maxAttempts);
        }
        if (firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("retry delays must be positive, the longest at least the first");
        }
    }

    /** Whether a fault after {@code retriesSoFar} retries was the last try. */
    public boolean exhaustedAfter(int retriesSoFar) {
        return retriesSoFar + 1 >= maxAttempts;
    }

    /**
     * The wait before retry number {@code retry} (1 for the first): half of the doubled delay for certain,
     * the other half at random, so that items failing together do not all come back at once.
     */
    public Duration delayBefore(int retry, RandomGenerator random) {
        Duration doubled = firstDelay.multipliedBy(1L << Math.min(Math.max(retry - 1, 0), 30));
        Duration ceiling = doubled.compareTo(maxDelay) > 0 ? maxDelay : doubled;
        long half = ceiling.toMillis() / 2;
        return Duration.ofMillis(half + random.nextLong(half + 1));
    }
}
