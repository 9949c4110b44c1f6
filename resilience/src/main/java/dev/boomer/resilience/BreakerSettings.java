package dev.boomer.resilience;

import java.time.Duration;
import java.util.Objects;

/**
 * A count-based circuit breaker sized for low traffic: it opens when {@code failureRatePercent} of the last
 * {@code window} calls failed (once at least {@code minimumCalls} were made), stays open for
 * {@code openFor}, then lets {@code halfOpenProbes} calls through to decide whether to close.
 */
public record BreakerSettings(int window, int minimumCalls, float failureRatePercent, Duration openFor,
                              int halfOpenProbes) {

    public static final BreakerSettings DEFAULTS = new BreakerSettings(10, 5, 50, Duration.ofSeconds(30), 2);

    public BreakerSettings {
        Objects.requireNonNull(openFor, "openFor");
        if (window < 1 || minimumCalls < 1 || minimumCalls > window || halfOpenProbes < 1) {
            throw new IllegalArgumentException("a breaker needs 1 <= minimum calls <= window and at least one probe");
        }
        if (failureRatePercent <= 0 || failureRatePercent > 100) {
            throw new IllegalArgumentException("the failure rate must be above 0 and at most 100 percent");
        }
        if (openFor.isNegative() || openFor.isZero()) {
            throw new IllegalArgumentException("a breaker stays open for a positive time");
        }
    }
}
