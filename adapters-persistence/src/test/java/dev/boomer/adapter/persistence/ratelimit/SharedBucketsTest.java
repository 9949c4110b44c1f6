package dev.boomer.adapter.persistence.ratelimit;

import dev.boomer.adapter.persistence.TestDatabase;
import dev.boomer.domain.item.Priority;
import dev.boomer.domain.provider.ProviderUnavailable;
import dev.boomer.domain.vision.Usage;
import dev.boomer.resilience.BreakerSettings;
import dev.boomer.resilience.BucketStore;
import dev.boomer.resilience.GuardListener;
import dev.boomer.resilience.Limits;
import dev.boomer.resilience.ProviderGuard;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Two guards standing for two instances draw from one limit kept in PostgreSQL. */
class SharedBucketsTest {

    @BeforeEach
    void emptyTables() {
        TestDatabase.truncateAll();
    }

    @Test
    void withAConfiguredDatabaseTheBucketsAreSharedThroughIt() {
        BucketStore buckets = TestDatabase.context().getBean(BucketStore.class);
        ProviderGuard first = guard(buckets);
        ProviderGuard second = guard(buckets);

        for (ProviderGuard guard : new ProviderGuard[] {first, second, first}) {
            guard.call(Priority.NORMAL, 10, () -> Usage.NONE, usage -> usage);
        }

        assertThat(buckets.shared()).isTrue();
        assertThatThrownBy(() -> second.call(Priority.NORMAL, 10, () -> Usage.NONE, usage -> usage))
                .isInstanceOfSatisfying(ProviderUnavailable.class,
                        e -> assertThat(e.code()).isEqualTo(ProviderGuard.THROTTLED));
        assertThat(first.state().requestsLeft()).contains(0L);
    }

    private static ProviderGuard guard(BucketStore buckets) {
        return new ProviderGuard("stub", "model", new Limits(3, 0, 0, 0, 0), BreakerSettings.DEFAULTS,
                Duration.ofMillis(50), buckets, Clock.systemUTC(), GuardListener.NONE);
    }
}
