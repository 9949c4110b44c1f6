package dev.boomer.adapter.persistence.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.boomer.adapter.persistence.TestDatabase;
import dev.boomer.adapter.persistence.jdbc.SqlExecutor;
import dev.boomer.domain.cache.CacheSelection;
import io.micronaut.context.ApplicationContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * How long a hit takes in each cache layer: the same stored vision answer (about 2 KB of JSON, so Redis
 * keeps it gzipped) read again and again from the in-process layer, Redis and PostgreSQL, one thread. See
 * docs/benchmarks.md.
 */
@Tag("benchmark")
class CacheHitLatencyBenchmark {

    private static final int WARM_UP = Integer.getInteger("bench.warmup", 2_000);
    private static final int READS = Integer.getInteger("bench.reads", 5_000);
    private static final String KEY = "vision:bench-photos:p2:fast:claude-haiku-4-5";

    @Test
    void aHitPerLayer() {
        CachedValue answer = new CachedValue("vision", "dev.boomer.domain.vision.VisionResponse",
                "{\"analysis\":{\"description\":\"" + "Canon AE-1 Program 35mm SLR, light wear. ".repeat(45)
                        + "\"}}", Instant.now().plus(Duration.ofDays(7)), Set.of("brand:canon"));
        CacheConfig config = CacheConfig.defaults();
        InProcessCacheLayer l1 = new InProcessCacheLayer(config, Clock.systemUTC());
        PostgresCacheLayer postgres = new PostgresCacheLayer(TestDatabase.context().getBean(SqlExecutor.class),
                Clock.systemUTC(), config);
        Map<String, Object> properties = new HashMap<>(TestDatabase.datasourceProperties(TestDatabase.database()));
        properties.put("redis.uri", "redis://127.0.0.1:6379");
        properties.put("boomer.cache.redis-prefix", "boomer-bench:" + UUID.randomUUID() + ":");
        try (ApplicationContext context = ApplicationContext.builder().properties(properties)
                .singletons(Clock.systemUTC()).start()) {
            RedisCacheLayer redis = context.getBean(RedisCacheLayer.class);
            System.out.printf(Locale.ROOT, "%n==== cache hit latency (%d reads of a %d-byte entry, one thread),"
                    + " microseconds ====%nlayer          p50      p95      p99%n", READS, answer.json().length());
            for (CacheLayer layer : new CacheLayer[] {l1, redis, postgres}) {
                layer.put(KEY, answer);
                print(layer.name(), measure(layer));
                layer.remove(new CacheSelection(CacheSelection.Kind.KEY, KEY));
            }
        }
    }

    private static long[] measure(CacheLayer layer) {
        long[] took = new long[READS];
        for (int i = 0; i < WARM_UP + READS; i++) {
            long started = System.nanoTime();
            boolean hit = layer.get(KEY, Instant.now()).isPresent();
            long nanos = System.nanoTime() - started;
            assertThat(hit).isTrue();
            if (i >= WARM_UP) {
                took[i - WARM_UP] = nanos;
            }
        }
        Arrays.sort(took);
        return took;
    }

    private static void print(String layer, long[] sorted) {
        System.out.printf(Locale.ROOT, "%-10s %8.1f %8.1f %8.1f%n", layer, at(sorted, 0.50), at(sorted, 0.95),
                at(sorted, 0.99));
    }

    private static double at(long[] sorted, double share) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(share * sorted.length))] / 1_000.0;
    }
}
