package dev.boomer.resilience;

import dev.boomer.domain.item.Priority;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One guard as it stands: the breaker (state, since when, failure rate of the calls in its window), what
 * is left of each limit now (empty: no such limit), calls in flight and waiting per priority, the last
 * error, and the end of a pause a 429 asked for.
 */
public record GuardState(String provider, String model, String breaker, Instant breakerSince,
                         float failureRatePercent, int callsInWindow, Optional<Long> requestsLeft,
                         Optional<Long> inputTokensLeft, Optional<Long> outputTokensLeft,
                         Optional<Long> callsLeftToday, Limits limits, int inFlight, Map<Priority, Integer> waiting,
                         Optional<String> lastError, Optional<Instant> lastErrorAt, Optional<Instant> pausedUntil) {

    public GuardState {
        waiting = Map.copyOf(waiting);
    }

    /** CLOSED (or disabled by an operator) lets calls through; OPEN, FORCED_OPEN and HALF_OPEN hold them back. */
    public boolean degraded() {
        return !breaker.equals("CLOSED") && !breaker.equals("DISABLED");
    }
}
