package dev.boomer.resilience;

import dev.boomer.domain.item.Priority;
import dev.boomer.domain.provider.ProviderRejected;
import dev.boomer.domain.provider.ProviderUnavailable;
import dev.boomer.domain.vision.Usage;
import dev.boomer.domain.fixtures.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProviderGuardTest {

    private static final Usage SMALL = new Usage(100, 50, 0, 0, 1);

    private final AtomicInteger made = new AtomicInteger();

    @Test
    void repeatedFaultsOpenTheBreakerAndAnOpenBreakerMakesNoCallAndSaysWhenToComeBack() {
        ProviderGuard guard = guard(Limits.NONE, BucketStore.inMemory());
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> call(guard, () -> {
                throw new ProviderUnavailable("stub", "server_error", "500", Optional.empty());
            })).isInstanceOfSatisfying(ProviderUnavailable.class, e -> assertThat(e.code()).isEqualTo("server_error"));
        }

        assertThatThrownBy(() -> call(guard, () -> SMALL))
                .isInstanceOfSatisfying(ProviderUnavailable.class, e -> {
                    assertThat(e.code()).isEqualTo(ProviderGuard.BREAKER_OPEN);
                    assertThat(e.retryAfter()).hasValueSatisfying(wait ->
                            assertThat(wait).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(30)));
                    assertThat(e.getMessage()).contains("500");
                });
        assertThat(made).hasValue(5);
        assertThat(guard.state().breaker()).isEqualTo("OPEN");
        assertThat(guard.state().degraded()).isTrue();
    }

    @Test
    void answersSlowerThanTheLatencyBudgetPauseTheModelLikeFaults() {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-03T08:00:00Z"));
        ProviderGuard guard = new ProviderGuard("stub", "smart", Limits.NONE,
                new BreakerSettings(4, 2, 50, Duration.ofSeconds(30), 1).withLatencyBudget(Duration.ofMillis(20)),
                Duration.ofSeconds(1), BucketStore.inMemory(), clock, GuardListener.NONE);
        for (int i = 0; i < 2; i++) {
            call(guard, () -> {
                clock.advance(Duration.ofMillis(40)); // the answer takes twice the budget
                return SMALL;
            });
        }

        assertThatThrownBy(() -> call(guard, () -> SMALL)).isInstanceOfSatisfying(ProviderUnavailable.class, e -> {
            assertThat(e.code()).isEqualTo(ProviderGuard.BREAKER_OPEN);
            assertThat(e.getMessage()).contains("slower than its latency budget");
        });
        assertThat(made).hasValue(2);
    }

    @Test
    void anOperatorHoldsTheBreakerOpenOrClosedUntilReleased() {
        ProviderGuard guard = guard(Limits.NONE, BucketStore.inMemory());

        guard.hold(Optional.of(BreakerOverride.Held.OPEN));
        assertThatThrownBy(() -> call(guard, () -> SMALL)).isInstanceOfSatisfying(ProviderUnavailable.class,
                e -> assertThat(e.code()).isEqualTo(ProviderGuard.BREAKER_OPEN));
        assertThat(guard.state().breaker()).isEqualTo("FORCED_OPEN");

        guard.hold(Optional.of(BreakerOverride.Held.CLOSED));
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> call(guard, () -> {
                throw new ProviderUnavailable("stub", "server_error", "500", Optional.empty());
            })).isInstanceOfSatisfying(ProviderUnavailable.class, e -> assertThat(e.code()).isEqualTo("server_error"));
        }
        assertThat(guard.state().breaker()).as("held closed through faults").isEqualTo("DISABLED");

        guard.hold(Optional.empty());
        assertThat(guard.state().breaker()).isEqualTo("CLOSED");
        assertThat(call(guard, () -> SMALL)).isEqualTo(SMALL);
        assertThat(made).hasValue(11);
    }

    @Test
    void rejectionsAndTooManyRequestsNeverOpenTheBreaker() {
        ProviderGuard guard = guard(Limits.NONE, BucketStore.inMemory());
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> call(guard, () -> {
                throw new ProviderRejected("stub", "bad_request", "400");
            })).isInstanceOf(ProviderRejected.class);
        }

        assertThat(call(guard, () -> SMALL)).isEqualTo(SMALL);
        assertThat(guard.state().breaker()).isEqualTo("CLOSED");
    }

    @Test
    void anOpenBreakerLetsProbesThroughAfterItsTimeAndClosesWhenTheyAnswer() {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-03T08:00:00Z"));
        ProviderGuard guard = new ProviderGuard("stub", "model", Limits.NONE,
                new BreakerSettings(4, 2, 50, Duration.ofMillis(200), 1), Duration.ofSeconds(1),
                BucketStore.inMemory(), clock, GuardListener.NONE);
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> call(guard, () -> {
                throw new ProviderUnavailable("stub", "timeout", "no answer", Optional.empty());
            })).isInstanceOf(ProviderUnavailable.class);
        }
        assertThat(guard.state().breaker()).isEqualTo("OPEN");

        clock.advance(Duration.ofMillis(250));

        assertThat(call(guard, () -> SMALL)).isEqualTo(SMALL);
        assertThat(guard.state().breaker()).isEqualTo("CLOSED");
    }

    @Test
    void callsPastTheRequestLimitAreRefusedWithTheWaitForTheNextToken() {
        ProviderGuard guard = guard(new Limits(2, 0, 0, 0, 0), BucketStore.inMemory());

        call(guard, () -> SMALL);
        call(guard, () -> SMALL);

        assertThatThrownBy(() -> call(guard, () -> SMALL))
                .isInstanceOfSatisfying(ProviderUnavailable.class, e -> {
                    assertThat(e.code()).isEqualTo(ProviderGuard.THROTTLED);
                    assertThat(e.retryAfter()).hasValueSatisfying(wait ->
                            assertThat(wait).isBetween(Duration.ofSeconds(20), Duration.ofSeconds(31)));
                });
        assertThat(made).hasValue(2);
        assertThat(guard.state().requestsLeft()).contains(0L);
    }

    @Test
    void instancesSharingTheBucketsShareTheLimit() {
        BucketStore shared = BucketStore.inMemory();
        ProviderGuard first = guard(new Limits(3, 0, 0, 0, 0), shared);
        ProviderGuard second = guard(new Limits(3, 0, 0, 0, 0), shared);

        call(first, () -> SMALL);
        call(first, () -> SMALL);
        call(second, () -> SMALL);

        assertThatThrownBy(() -> call(second, () -> SMALL)).isInstanceOfSatisfying(ProviderUnavailable.class,
                e -> assertThat(e.code()).isEqualTo(ProviderGuard.THROTTLED));
        assertThat(made).hasValue(3);
    }

    @Test
    void inputTokensAreChargedByTheEstimateAndCorrectedByWhatTheCallUsed() {
        ProviderGuard guard = guard(new Limits(0, 1_000, 500, 0, 0), BucketStore.inMemory());

        guard.call(Priority.NORMAL, 800, () -> SMALL, usage -> usage);

        assertThat(guard.state().inputTokensLeft()).contains(900L);
        assertThat(guard.state().outputTokensLeft()).contains(450L);
        assertThatThrownBy(() -> guard.call(Priority.NORMAL, 950, () -> SMALL, usage -> usage))
                .as("more than is left").isInstanceOfSatisfying(ProviderUnavailable.class,
                        e -> assertThat(e.code()).isEqualTo(ProviderGuard.THROTTLED));
    }

    @Test
    void aTooManyRequestsPausesTheProviderUntilItsRetryAfterForEveryoneSharingTheBuckets() {
        BucketStore shared = BucketStore.inMemory();
        ProviderGuard first = guard(new Limits(60, 0, 0, 0, 0), shared);
        ProviderGuard second = guard(new Limits(60, 0, 0, 0, 0), shared);

        assertThatThrownBy(() -> call(first, () -> {
            throw new ProviderUnavailable("stub", "rate_limited", "429", Optional.of(Duration.ofSeconds(20)));
        })).isInstanceOf(ProviderUnavailable.class);

        for (ProviderGuard guard : new ProviderGuard[] {first, second}) {
            assertThatThrownBy(() -> call(guard, () -> SMALL)).isInstanceOfSatisfying(ProviderUnavailable.class, e -> {
                assertThat(e.code()).isEqualTo(ProviderGuard.THROTTLED);
                assertThat(e.retryAfter()).hasValueSatisfying(wait ->
                        assertThat(wait).isGreaterThan(Duration.ofSeconds(15)));
            });
        }
        assertThat(first.state().breaker()).as("a 429 is no fault").isEqualTo("CLOSED");
        assertThat(made).hasValue(1);
    }

    @Test
    void whatTheProviderSaysIsLeftShrinksTheBucketsWhichThenRefillAtTheirRate() {
        ProviderGuard guard = guard(new Limits(6, 30_000, 0, 0, 0), BucketStore.inMemory());
        var resets = java.time.Instant.now().plusSeconds(60);

        guard.observe(java.util.List.of(new Headroom(Headroom.Kind.REQUESTS, 3, resets),
                new Headroom(Headroom.Kind.INPUT_TOKENS, 1_000, resets)));

        assertThat(guard.state().requestsLeft()).contains(3L);
        assertThat(guard.state().inputTokensLeft()).as("plus what refilled since (500 a second)")
                .hasValueSatisfying(left -> assertThat(left).isBetween(1_000L, 1_250L));

        guard.observe(java.util.List.of(new Headroom(Headroom.Kind.REQUESTS, 0, resets)));

        assertThatThrownBy(() -> call(guard, () -> SMALL)).isInstanceOfSatisfying(ProviderUnavailable.class, e -> {
            assertThat(e.code()).isEqualTo(ProviderGuard.THROTTLED);
            assertThat(e.retryAfter()).as("the next token at 6 a minute, not the full reset")
                    .hasValueSatisfying(wait -> assertThat(wait).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(11)));
        });
        assertThat(made).as("no call into a limit the provider says is used up").hasValue(0);
    }

    @Test
    void withoutAConfiguredLimitAUsedUpProviderLimitPausesUntilItResets() {
        ProviderGuard guard = guard(Limits.NONE, BucketStore.inMemory());

        guard.observe(java.util.List.of(new Headroom(Headroom.Kind.REQUESTS, 0, java.time.Instant.now().plusSeconds(20))));

        assertThatThrownBy(() -> call(guard, () -> SMALL)).isInstanceOfSatisfying(ProviderUnavailable.class, e -> {
            assertThat(e.code()).isEqualTo(ProviderGuard.THROTTLED);
            assertThat(e.retryAfter()).hasValueSatisfying(wait -> assertThat(wait).isGreaterThan(Duration.ofSeconds(15)));
        });
        assertThat(made).hasValue(0);
    }

    @Test
    void moreHeadroomThanTheBucketHoldsChangesNothing() {
        ProviderGuard guard = guard(new Limits(5, 0, 0, 0, 0), BucketStore.inMemory());

        guard.observe(java.util.List.of(new Headroom(Headroom.Kind.REQUESTS, 4_000, java.time.Instant.now())));

        assertThat(guard.state().requestsLeft()).contains(5L);
    }

    @Test
    void aCallThatMayHaveBeenChargedKeepsItsTokensCharged() {
        ProviderGuard guard = guard(new Limits(0, 1_000, 0, 0, 0), BucketStore.inMemory());

        assertThatThrownBy(() -> guard.call(Priority.NORMAL, 300, () -> {
            throw ProviderUnavailable.afterSending("stub", "timeout", "no answer", new Usage(300, 0, 0, 0, 1));
        }, usage -> (Usage) usage)).isInstanceOf(ProviderUnavailable.class);

        assertThat(guard.state().inputTokensLeft()).contains(700L);
    }

    @Test
    void whenAllPermitsAreTakenACallWaitsThenIsRefusedAsBusy() throws Exception {
        ProviderGuard guard = new ProviderGuard("stub", "model", new Limits(0, 0, 0, 0, 1), BreakerSettings.DEFAULTS,
                Duration.ofMillis(100), BucketStore.inMemory(), Clock.systemUTC(), GuardListener.NONE);
        java.util.concurrent.CountDownLatch inCall = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch finish = new java.util.concurrent.CountDownLatch(1);
        Thread holder = Thread.ofVirtual().start(() -> guard.call(Priority.NORMAL, 0, () -> {
            inCall.countDown();
            try {
                finish.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return SMALL;
        }, usage -> usage));
        inCall.await();

        assertThatThrownBy(() -> call(guard, () -> SMALL)).isInstanceOfSatisfying(ProviderUnavailable.class,
                e -> assertThat(e.code()).isEqualTo(ProviderGuard.BUSY));
        assertThat(guard.state().inFlight()).isEqualTo(1);
        finish.countDown();
        holder.join();
        assertThat(call(guard, () -> SMALL)).isEqualTo(SMALL);
    }

    private ProviderGuard guard(Limits limits, BucketStore buckets) {
        return new ProviderGuard("stub", "model", limits, BreakerSettings.DEFAULTS, Duration.ofMillis(100), buckets,
                Clock.systemUTC(), GuardListener.NONE);
    }

    private Usage call(ProviderGuard guard, Supplier<Usage> call) {
        return guard.call(Priority.NORMAL, 100, () -> {
            made.incrementAndGet();
            return call.get();
        }, usage -> usage);
    }
}
