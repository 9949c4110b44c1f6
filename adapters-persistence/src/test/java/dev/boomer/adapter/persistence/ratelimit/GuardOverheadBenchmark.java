package dev.boomer.adapter.persistence.ratelimit;

import dev.boomer.adapter.persistence.TestDatabase;
import dev.boomer.domain.item.Priority;
import dev.boomer.domain.vision.Usage;
import dev.boomer.resilience.BreakerSettings;
import dev.boomer.resilience.BucketStore;
import dev.boomer.resilience.GuardListener;
import dev.boomer.resilience.Limits;
import dev.boomer.resilience.ProviderGuard;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a guarded call adds to a provider call, per bucket store: the call itself does nothing, the limits
 * are far above what the loop can reach, so every figure is the guard's own work (breaker, queue, one
 * consumption from each of the request, input and output buckets, the correction after, the permit).
 */
@Tag("benchmark")
class GuardOverheadBenchmark {

    private static final int WARM_UP = Integer.getInteger("bench.warmup", 2_000);
    private static final int CALLS = Integer.getInteger("bench.calls", 5_000);
    private static final Limits GENEROUS = new Limits(1_000_000_000, 1_000_000_000, 1_000_000_000, 0, 16);
    private static final Usage USED = new Usage(1_500, 300, 0, 0, 1);

    @Test
    void whatAGuardedCallAdds() {
        System.out.println("guard overhead per call (" + CALLS + " calls, one thread), microseconds");
        System.out.println("store        p50      p95      p99");
        print("no guard", measure(null));
        print("in memory", measure(BucketStore.inMemory()));
        print("PostgreSQL", measure(TestDatabase.context().getBean(BucketStore.class)));
        try (ApplicationContext redis = ApplicationContext.run(Map.of("redis.uri", "redis://127.0.0.1:6379"))) {
            print("Redis", measure(redis.getBean(BucketStore.class)));
        }
    }

    private static long[] measure(BucketStore buckets) {
        ProviderGuard guard = buckets == null ? null : new ProviderGuard("bench", "model-" + UUID.randomUUID(),
                GENEROUS, BreakerSettings.DEFAULTS, Duration.ofSeconds(10), buckets, Clock.systemUTC(),
                GuardListener.NONE);
        long[] took = new long[CALLS];
        for (int i = 0; i < WARM_UP + CALLS; i++) {
            long started = System.nanoTime();
            Usage used = guard == null ? USED : guard.call(Priority.NORMAL, 1_500, () -> USED, usage -> usage);
            long nanos = System.nanoTime() - started;
            assertThat(used).isSameAs(USED);
            if (i >= WARM_UP) {
                took[i - WARM_UP] = nanos;
            }
        }
        Arrays.sort(took);
        return took;
    }

    private static void print(String store, long[] sorted) {
        System.out.println(String.format(Locale.ROOT, "%-10s %8.1f %8.1f %8.1f", store, micros(sorted, 0.50),
                micros(sorted, 0.95), micros(sorted, 0.99)));
    }

    private static double micros(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1_000.0;
    }
}
