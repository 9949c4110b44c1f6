package dev.boomer.resilience;

import java.time.Duration;
import java.util.Objects;

/**
 * A count-based circuit breaker sized for low traffic: it opens when {@code failureRatePercent} of the last
 * {@code window} calls failed (once at least {@code minimumCalls} were made), stays open for
 * {@code openFor}, then lets {@code halfOpenProbes} calls through to decide whether to close. With a
 * {@code latencyBudget} (zero: none), calls that answer slower than it count as failures too: a model too
 * slow for its job is paused like a failing one.
 */
public record BreakerSettings(int window, int minimumCalls, float failureRatePercent, Duration openFor,
                              int halfOpenProbes, Duration latencyBudget) {

    public static final BreakerSettings DEFAULTS = new BreakerSettings(10, 5, 50, Duration.ofSeconds(30), 2);

    public BreakerSettings(int window, int minimumCalls, float failureRatePercent, Duration openFor,
                           int halfOpenProbes) {
        this(window, minimumCalls, failureRatePercent, openFor, halfOpenProbes, Duration.ZERO);
    }

    public BreakerSettings {
        Objects.requireNonNull(openFor, "openFor");
        Objects.requireNonNull(latencyBudget, "latencyBudget");
        if (latencyBudget.isNegative()) {
            throw new IllegalArgumentException("a latency budget must not be negative (zero for none)");
        }
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

    public BreakerSettings withLatencyBudget(Duration budget) {
        return new BreakerSettings(window, minimumCalls, failureRatePercent, openFor, halfOpenProbes, budget);
    }
}
