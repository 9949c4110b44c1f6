package dev.boomer.resilience;

/**
 * What a provider allows one account: requests, input and output tokens per minute, calls per day, and
 * calls at once. Zero means no limit of that kind.
 */
public record Limits(long requestsPerMinute, long inputTokensPerMinute, long outputTokensPerMinute,
                     long callsPerDay, int maxConcurrent) {

    public static final Limits NONE = new Limits(0, 0, 0, 0, 0);
    /** The fastest refill the buckets support. */
    public static final long MAX_PER_MINUTE = 60_000_000_000L;

    public Limits {
        if (requestsPerMinute < 0 || inputTokensPerMinute < 0 || outputTokensPerMinute < 0 || callsPerDay < 0
                || maxConcurrent < 0) {
            throw new IllegalArgumentException("limits must be >= 0 (0 for none)");
        }
        if (Math.max(requestsPerMinute, Math.max(inputTokensPerMinute, outputTokensPerMinute)) > MAX_PER_MINUTE) {
            throw new IllegalArgumentException("a limit per minute must be at most " + MAX_PER_MINUTE
                    + " (one per nanosecond); use 0 for none");
        }
    }

    /** Whether any limit holds calls back for tokens (and so they queue by priority for them). */
    boolean ratesAnything() {
        return requestsPerMinute > 0 || inputTokensPerMinute > 0 || outputTokensPerMinute > 0 || callsPerDay > 0;
    }
}
