package dev.boomer.adapter.persistence.ratelimit;

import dev.boomer.domain.item.Priority;
import dev.boomer.domain.provider.ProviderUnavailable;
import dev.boomer.domain.vision.Usage;
import dev.boomer.resilience.BreakerSettings;
import dev.boomer.resilience.BucketStore;
import dev.boomer.resilience.GuardListener;
import dev.boomer.resilience.Limits;
import dev.boomer.resilience.ProviderGuard;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Two instances, each with its own context and connection, draw from one limit kept in the Redis at redis.uri. */
class RedisBucketsTest {

    private static final Map<String, Object> WITH_REDIS = Map.of("redis.uri", "redis://127.0.0.1:6379",
            "datasources.default.url", "jdbc:postgresql://127.0.0.1:5432/test");

    @Test
    void withRedisConfiguredTheBucketsAreSharedThroughRedisEvenWhenADatabaseIsConfiguredToo() {
        String model = "model-" + UUID.randomUUID(); // a bucket of its own on a Redis other runs share
        try (ApplicationContext one = ApplicationContext.run(WITH_REDIS);
             ApplicationContext two = ApplicationContext.run(WITH_REDIS)) {
            BucketStore first = one.getBean(BucketStore.class);
            ProviderGuard a = guard(first, model);
            ProviderGuard b = guard(two.getBean(BucketStore.class), model);

            for (ProviderGuard guard : new ProviderGuard[] {a, b, a}) {
                guard.call(Priority.NORMAL, 10, () -> Usage.NONE, usage -> usage);
            }

            assertThat(first.shared()).isTrue();
            assertThat(first.getClass().getName()).as("not the PostgreSQL store").doesNotContain("Postgre");
            assertThatThrownBy(() -> b.call(Priority.NORMAL, 10, () -> Usage.NONE, usage -> usage))
                    .isInstanceOfSatisfying(ProviderUnavailable.class,
                            e -> assertThat(e.code()).isEqualTo(ProviderGuard.THROTTLED));
            assertThat(a.state().requestsLeft()).contains(0L);
        }
    }

    private static ProviderGuard guard(BucketStore buckets, String model) {
        return new ProviderGuard("stub", model, new Limits(3, 0, 0, 0, 0), BreakerSettings.DEFAULTS,
                Duration.ofMillis(50), buckets, Clock.systemUTC(), GuardListener.NONE);
    }
}
