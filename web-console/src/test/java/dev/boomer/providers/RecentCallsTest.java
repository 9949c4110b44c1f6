package dev.boomer.providers;

import dev.boomer.domain.fixtures.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RecentCallsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T08:00:00Z"));
    private final RecentCalls recent = new RecentCalls(clock);

    @Test
    void eachWindowHasItsCallsLatencyPercentilesAndFailedShare() {
        for (int i = 1; i <= 20; i++) {
            recent.record("anthropic", "haiku", i % 4 == 0, Duration.ofMillis(100L * i));
        }
        clock.advance(Duration.ofMinutes(10));
        recent.record("anthropic", "haiku", false, Duration.ofSeconds(9));
        recent.record("anthropic", "sonnet", true, Duration.ofSeconds(1));

        RecentCalls.Summary last5 = recent.summary("anthropic", "haiku", Duration.ofMinutes(5));
        RecentCalls.Summary last60 = recent.summary("anthropic", "haiku", Duration.ofMinutes(60));

        assertThat(last5).isEqualTo(new RecentCalls.Summary(1, 0, Duration.ofSeconds(9), Duration.ofSeconds(9)));
        assertThat(last60.calls()).isEqualTo(21);
        assertThat(last60.failedShare()).isEqualTo(5 / 21.0);
        assertThat(last60.p50()).isEqualTo(Duration.ofMillis(1_100));
        assertThat(last60.p95()).isEqualTo(Duration.ofMillis(2_000));
        assertThat(recent.summary("openai", "gpt", Duration.ofMinutes(5)).calls()).isZero();
    }

    @Test
    void callsOlderThanAnHourAreForgotten() {
        recent.record("anthropic", "haiku", true, Duration.ofSeconds(1));
        clock.advance(Duration.ofMinutes(61));
        recent.record("anthropic", "haiku", false, Duration.ofSeconds(2));

        assertThat(recent.summary("anthropic", "haiku", Duration.ofHours(2)))
                .isEqualTo(new RecentCalls.Summary(1, 0, Duration.ofSeconds(2), Duration.ofSeconds(2)));
    }
}
