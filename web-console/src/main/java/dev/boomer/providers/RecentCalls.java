package dev.boomer.providers;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The calls of the last hour per provider model, for the Adapters page: latency p50 / p95 and the share
 * that did not answer, over the last 5 and 60 minutes. Per instance; Prometheus has the same from the
 * {@code boomer.provider.latency} histogram across instances.
 */
@Singleton
public final class RecentCalls {

    static final Duration KEPT = Duration.ofHours(1);
    private static final int MAX_KEPT = 50_000;

    private record Call(Instant at, long nanos, boolean failed) {
    }

    /** Calls in a window: how many, the share that failed, latency p50 and p95 (empty window: zeros). */
    public record Summary(int calls, double failedShare, Duration p50, Duration p95) {
    }

    private final Map<String, Deque<Call>> calls = new ConcurrentHashMap<>();
    private final Clock clock;

    RecentCalls(Clock clock) {
        this.clock = clock;
    }

    void record(String provider, String model, boolean failed, Duration latency) {
        Deque<Call> recent = calls.computeIfAbsent(provider + ":" + model, key -> new ArrayDeque<>());
        Instant now = clock.instant();
        synchronized (recent) {
            recent.addLast(new Call(now, latency.toNanos(), failed));
            while (recent.size() > MAX_KEPT || recent.peekFirst().at().isBefore(now.minus(KEPT))) {
                recent.removeFirst();
            }
        }
    }

    public Summary summary(String provider, String model, Duration window) {
        Deque<Call> recent = calls.get(provider + ":" + model);
        if (recent == null) {
            return new Summary(0, 0, Duration.ZERO, Duration.ZERO);
        }
        Instant since = clock.instant().minus(window);
        Call[] inWindow;
        synchronized (recent) {
            inWindow = recent.stream().filter(call -> !call.at().isBefore(since)).toArray(Call[]::new);
        }
        if (inWindow.length == 0) {
            return new Summary(0, 0, Duration.ZERO, Duration.ZERO);
        }
        long[] nanos = Arrays.stream(inWindow).mapToLong(Call::nanos).sorted().toArray();
        long failed = Arrays.stream(inWindow).filter(Call::failed).count();
        return new Summary(inWindow.length, (double) failed / inWindow.length, quantile(nanos, 0.50),
                quantile(nanos, 0.95));
    }

    private static Duration quantile(long[] sorted, double q) {
        return Duration.ofNanos(sorted[(int) Math.max(0, Math.ceil(q * sorted.length) - 1)]);
    }
}
