package dev.boomer.resilience;

import dev.boomer.domain.item.Priority;
import dev.boomer.domain.provider.ProviderRejected;
import dev.boomer.domain.provider.ProviderUnavailable;
import dev.boomer.domain.vision.Usage;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The guard around every call to one provider's model, in this order: the circuit breaker (an open one
 * spends nothing), the priority queue for rate-limit tokens (so scarce tokens go to URGENT first), the
 * tokens themselves (requests, input and output tokens per minute, calls per day), a concurrency permit
 * (also by priority), then the call with its own timeout (the adapter's). Nothing here retries: a call
 * that cannot be made now is refused with a {@link ProviderUnavailable} carrying the wait, and the durable
 * job reschedules the item for then without using an attempt.
 *
 * <p>Only faults count against the breaker (5xx, overloads, timeouts, lost connections); a rejection, an
 * unusable answer or a 429 does not. A 429 pauses the provider's request bucket until its Retry-After,
 * for every instance sharing the buckets.
 */
public final class ProviderGuard {

    /** Codes of the waits the guard itself imposes. */
    public static final String BREAKER_OPEN = ProviderUnavailable.BREAKER_OPEN;
    public static final String THROTTLED = "throttled";
    public static final String BUSY = "busy";

    private static final Duration DEFAULT_429_PAUSE = Duration.ofSeconds(60);
    /** A reset time further away than this in a header is taken as a clock problem, not a wait. */
    private static final Duration MAX_HEADER_PAUSE = Duration.ofMinutes(1);

    private final String provider;
    private final String model;
    private final Limits limits;
    private final BreakerSettings breakerSettings;
    private final Duration maxQueueWait;
    private final Clock clock;
    private final GuardListener listener;
    private final CircuitBreaker breaker;
    private final PriorityGate tokenQueue = new PriorityGate(1);
    private final Optional<PriorityGate> concurrency;
    private final Optional<Bucket> requests;
    private final Optional<Bucket> inputTokens;
    private final Optional<Bucket> outputTokens;
    private final Optional<Bucket> daily;
    private volatile Instant breakerSince;
    private volatile Instant pausedUntil = Instant.EPOCH;
    private volatile Optional<String> lastError = Optional.empty();
    private volatile Optional<Instant> lastErrorAt = Optional.empty();
    private volatile Optional<BreakerOverride.Held> held = Optional.empty();

    public ProviderGuard(String provider, String model, Limits limits, BreakerSettings breakerSettings,
                         Duration maxQueueWait, BucketStore buckets, Clock clock, GuardListener listener) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.model = Objects.requireNonNull(model, "model");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.breakerSettings = Objects.requireNonNull(breakerSettings, "breakerSettings");
        this.maxQueueWait = Objects.requireNonNull(maxQueueWait, "maxQueueWait");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listener = Objects.requireNonNull(listener, "listener");
        CircuitBreakerConfig.Builder config = CircuitBreakerConfig.custom()
                .clock(clock)
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(breakerSettings.window())
                .minimumNumberOfCalls(breakerSettings.minimumCalls())
                .failureRateThreshold(breakerSettings.failureRatePercent())
                .waitDurationInOpenState(breakerSettings.openFor())
                .permittedNumberOfCallsInHalfOpenState(breakerSettings.halfOpenProbes());
        if (!breakerSettings.latencyBudget().isZero()) {
            config.slowCallDurationThreshold(breakerSettings.latencyBudget())
                    .slowCallRateThreshold(breakerSettings.failureRatePercent());
        }
        this.breaker = CircuitBreaker.of(provider + ":" + model, config.build());
        this.breakerSince = clock.instant();
        breaker.getEventPublisher().onStateTransition(event -> {
            breakerSince = clock.instant();
            listener.breakerChanged(provider, model, event.getStateTransition().getFromState().name(),
                    event.getStateTransition().getToState().name());
        });
        this.concurrency = limits.maxConcurrent() > 0 ? Optional.of(new PriorityGate(limits.maxConcurrent()))
                : Optional.empty();
        String key = "boomer:" + provider + ":" + model + ":";
        this.requests = perMinute(buckets, key + "requests", limits.requestsPerMinute());
        this.inputTokens = perMinute(buckets, key + "input-tokens", limits.inputTokensPerMinute());
        this.outputTokens = perMinute(buckets, key + "output-tokens", limits.outputTokensPerMinute());
        this.daily = limits.callsPerDay() > 0 ? Optional.of(buckets.bucket(key + "calls-per-day-" + limits.callsPerDay(),
                BucketConfiguration.builder().addLimit(Bandwidth.builder().capacity(limits.callsPerDay())
                        .refillIntervally(limits.callsPerDay(), Duration.ofDays(1)).build()).build()))
                : Optional.empty();
    }

    /** The key names the limit too, so that a changed limit starts a bucket of its own. */
    private static Optional<Bucket> perMinute(BucketStore buckets, String key, long perMinute) {
        if (perMinute == 0) {
            return Optional.empty();
        }
        return Optional.of(buckets.bucket(key + "-" + perMinute, BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build()));
    }

    /**
     * Makes the call if the breaker, the limits and the permits allow it within the queue wait.
     *
     * @param estimatedInput the input tokens the call will send, charged before it and corrected after
     * @param usage          what the call consumed, from its result
     * @throws ProviderUnavailable with the wait when the call cannot be made now, or the call's own fault
     */
    public <T> T call(Priority priority, long estimatedInput, Supplier<T> call, Function<T, Usage> usage) {
        Objects.requireNonNull(priority, "priority");
        if (!breaker.tryAcquirePermission()) {
            throw new ProviderUnavailable(provider, BREAKER_OPEN, model + " is paused " + whyOpen(),
                    Optional.of(untilHalfOpen()));
        }
        Instant deadline = clock.instant().plus(maxQueueWait);
        boolean decided = false;
        Charge charge = nothingTaken();
        Optional<PriorityGate.Permit> permit = Optional.empty();
        try {
            charge = takeTokens(priority, Math.max(0, estimatedInput), deadline);
            permit = concurrencyPermit(priority, deadline, charge);
            Instant started = clock.instant();
            T result;
            try {
                result = call.get();
            } catch (ProviderUnavailable fault) {
                decided = true;
                onFault(fault, since(started));
                fault.mayHaveCharged().ifPresent(charge::settle);
                throw fault;
            } catch (ProviderRejected rejected) {
                decided = true;
                breaker.releasePermission(); // a request that cannot succeed says nothing about the provider
                listener.called(provider, model, "rejected", since(started));
                throw rejected;
            } catch (RuntimeException unexpected) {
                decided = true;
                Duration took = since(started);
                breaker.onError(took.toNanos(), TimeUnit.NANOSECONDS, unexpected);
                remember(unexpected.toString());
                listener.called(provider, model, "error", took);
                throw unexpected;
            }
            decided = true;
            Duration took = since(started);
            breaker.onSuccess(took.toNanos(), TimeUnit.NANOSECONDS);
            Usage used = usage.apply(result);
            charge.settle(used);
            listener.called(provider, model, "ok", took);
            listener.tokens(provider, model, used.inputTokens() + used.cacheWriteTokens() + used.cacheReadTokens(),
                    used.outputTokens());
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailable(provider, "interrupted", "waiting for " + model + " was interrupted",
                    Optional.empty());
        } finally {
            if (!decided) {
                breaker.releasePermission(); // the call was never made
            }
            permit.ifPresent(PriorityGate.Permit::close);
        }
    }

    /** Measured on the guard's clock, as the breaker's open time is, so that both follow one time. */
    private Duration since(Instant started) {
        return Duration.between(started, clock.instant());
    }

    /** Slow answers or faults: what an operator and the item's reason should read. */
    private String whyOpen() {
        if (held.isPresent()) {
            return "by an operator";
        }
        float slow = breaker.getMetrics().getSlowCallRate();
        if (!breakerSettings.latencyBudget().isZero() && slow >= breakerSettings.failureRatePercent()) {
            Duration budget = breakerSettings.latencyBudget();
            return "after answering slower than its latency budget of " + (budget.toMillis() < 1_000
                    ? budget.toMillis() + " ms" : budget.toSeconds() + " s") + " (" + Math.round(slow)
                    + " % of its last calls)";
        }
        return "after repeated faults" + lastError.map(e -> " (last: " + e + ")").orElse("");
    }

    private void onFault(ProviderUnavailable fault, Duration took) {
        remember(fault.getMessage());
        listener.called(provider, model, fault.code(), took);
        if ("rate_limited".equals(fault.code())) {
            breaker.releasePermission(); // the provider is up, we were too fast
            pause(fault.retryAfter().orElse(DEFAULT_429_PAUSE));
        } else {
            breaker.onError(took.toNanos(), TimeUnit.NANOSECONDS, fault);
        }
    }

    private void remember(String error) {
        lastError = Optional.of(error);
        lastErrorAt = Optional.of(clock.instant());
    }

    /**
     * Until {@code wait} has passed, no call is let through: here by a local mark, on every instance by
     * emptying the shared request bucket so that it refills only then.
     */
    private void pause(Duration wait) {
        pauseLocally(wait);
        requests.ifPresent(bucket -> {
            long refillDuringWait = (long) Math.ceil(limits.requestsPerMinute() * (wait.toMillis() / 60_000.0));
            long deficit = Math.max(0, bucket.getAvailableTokens()) + refillDuringWait;
            if (deficit > 0) {
                bucket.consumeIgnoringRateLimits(deficit);
            }
        });
    }

    /**
     * Slows down before a 429 rather than after it: a bucket that holds more than the provider says is left
     * gives up the difference (a bucket shared by instances, for all of them), and then refills at its own
     * rate, as the provider's does. Where no limit of that kind is configured, a limit the provider says is
     * used up pauses calls until it is full again (the reset time the providers send).
     */
    public void observe(List<Headroom> headroom) {
        Instant now = clock.instant();
        for (Headroom left : headroom) {
            Optional<Bucket> bucket = switch (left.kind()) {
                case REQUESTS -> requests;
                case INPUT_TOKENS -> inputTokens;
                case OUTPUT_TOKENS -> outputTokens;
            };
            if (bucket.isPresent()) {
                long excess = bucket.get().getAvailableTokens() - Math.max(0, left.remaining());
                if (excess > 0) {
                    bucket.get().consumeIgnoringRateLimits(excess);
                }
            } else if (left.kind() == Headroom.Kind.REQUESTS && left.remaining() <= 0 && left.resetsAt().isAfter(now)) {
                Duration wait = Duration.between(now, left.resetsAt());
                pauseLocally(wait.compareTo(MAX_HEADER_PAUSE) > 0 ? MAX_HEADER_PAUSE : wait);
            }
        }
    }

    private void pauseLocally(Duration wait) {
        Instant until = clock.instant().plus(wait);
        if (until.isAfter(pausedUntil)) {
            pausedUntil = until;
        }
    }

    /** Queues by priority for the tokens of one call, waiting for refills up to the deadline. */
    private Charge takeTokens(Priority priority, long estimatedInput, Instant deadline) throws InterruptedException {
        if (!limits.ratesAnything() && !pausedUntil.isAfter(clock.instant())) {
            return nothingTaken();
        }
        Optional<PriorityGate.Permit> head = tokenQueue.acquire(priority, remaining(deadline));
        if (head.isEmpty()) {
            throw busy("waited " + maxQueueWait + " in line for " + model + "'s rate limit");
        }
        try (PriorityGate.Permit ignored = head.get()) {
            List<Need> needs = needs(estimatedInput);
            long waited = 0;
            while (true) {
                long waitNanos = Math.max(0, Duration.between(clock.instant(), pausedUntil).toNanos());
                for (Need need : needs) {
                    waitNanos = Math.max(waitNanos, need.nanosToWait());
                }
                if (waitNanos == 0) {
                    Optional<Charge> taken = consumeAll(needs, estimatedInput);
                    if (taken.isPresent()) {
                        if (waited > 0) {
                            listener.waited(provider, model, Duration.ofNanos(waited));
                        }
                        return taken.get();
                    }
                    waitNanos = TimeUnit.MILLISECONDS.toNanos(1); // another instance took them first
                }
                Duration wait = Duration.ofNanos(waitNanos);
                if (clock.instant().plus(wait).isAfter(deadline)) {
                    throw new ProviderUnavailable(provider, THROTTLED, model + "'s rate limit is used up for now",
                            Optional.of(wait));
                }
                TimeUnit.NANOSECONDS.sleep(waitNanos);
                waited += waitNanos;
            }
        }
    }

    private Optional<PriorityGate.Permit> concurrencyPermit(Priority priority, Instant deadline, Charge charge)
            throws InterruptedException {
        if (concurrency.isEmpty()) {
            return Optional.empty();
        }
        Optional<PriorityGate.Permit> permit = concurrency.get().acquire(priority, remaining(deadline));
        if (permit.isEmpty()) {
            charge.refund();
            throw busy(limits.maxConcurrent() + " calls to " + model + " are running and others wait");
        }
        return permit;
    }

    private ProviderUnavailable busy(String message) {
        return new ProviderUnavailable(provider, BUSY, message, Optional.of(Duration.ofSeconds(5)));
    }

    private Duration remaining(Instant deadline) {
        Duration left = Duration.between(clock.instant(), deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }

    private Duration untilHalfOpen() {
        Duration left = Duration.between(clock.instant(), breakerSince.plus(breakerSettings.openFor()));
        return left.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : left;
    }

    /** A bucket and how many tokens the call takes from it now (never more than it can ever hold). */
    private record Need(Bucket bucket, long amount) {
        long nanosToWait() {
            var probe = bucket.estimateAbilityToConsume(amount);
            return probe.canBeConsumed() ? 0 : probe.getNanosToWaitForRefill();
        }
    }

    private List<Need> needs(long estimatedInput) {
        List<Need> needs = new ArrayList<>();
        requests.ifPresent(bucket -> needs.add(new Need(bucket, 1)));
        daily.ifPresent(bucket -> needs.add(new Need(bucket, 1)));
        inputTokens.ifPresent(bucket -> needs.add(new Need(bucket,
                Math.max(1, Math.min(estimatedInput, limits.inputTokensPerMinute())))));
        // output is not known before the call: one token must be left, the rest is charged after it
        outputTokens.ifPresent(bucket -> needs.add(new Need(bucket, 1)));
        return needs;
    }

    /** All or nothing: what one bucket gave is handed back when the next has too little. */
    private Optional<Charge> consumeAll(List<Need> needs, long estimatedInput) {
        List<Need> taken = new ArrayList<>();
        for (Need need : needs) {
            if (!need.bucket().tryConsume(need.amount())) {
                taken.forEach(done -> done.bucket().addTokens(done.amount()));
                return Optional.empty();
            }
            taken.add(need);
        }
        return Optional.of(new Charge(inputTokens.map(b -> Math.min(estimatedInput, limits.inputTokensPerMinute()))
                .orElse(0L), taken));
    }

    private Charge nothingTaken() {
        return new Charge(0, List.of());
    }

    /** What a call took from the buckets before it ran; corrected once its real usage is known. */
    private final class Charge {
        private final long chargedInput;
        private final List<Need> taken;
        private boolean closed;

        Charge(long chargedInput, List<Need> taken) {
            this.chargedInput = chargedInput;
            this.taken = taken;
        }

        void settle(Usage used) {
            if (closed) {
                return;
            }
            closed = true;
            long input = used.inputTokens() + used.cacheWriteTokens(); // cache reads do not count for the limit
            inputTokens.ifPresent(bucket -> correct(bucket, input - Math.max(1, chargedInput)));
            outputTokens.ifPresent(bucket -> correct(bucket, used.outputTokens() - 1));
        }

        /** The call was never made: every token goes back. */
        void refund() {
            if (!closed) {
                closed = true;
                taken.forEach(need -> need.bucket().addTokens(need.amount()));
            }
        }

        private static void correct(Bucket bucket, long more) {
            if (more > 0) {
                bucket.consumeIgnoringRateLimits(more);
            } else if (more < 0) {
                bucket.addTokens(-more);
            }
        }
    }

    /** What the guard knows now, for the Adapters page and health. */
    public GuardState state() {
        return new GuardState(provider, model, breaker.getState().name(), breakerSince,
                breaker.getMetrics().getFailureRate(), breaker.getMetrics().getNumberOfBufferedCalls(),
                requests.map(Bucket::getAvailableTokens), inputTokens.map(Bucket::getAvailableTokens),
                outputTokens.map(Bucket::getAvailableTokens), daily.map(Bucket::getAvailableTokens), limits,
                concurrency.map(PriorityGate::inUse).orElse(0), tokenQueue.waiting(), lastError, lastErrorAt,
                pausedUntil.isAfter(clock.instant()) ? Optional.of(pausedUntil) : Optional.empty());
    }

    public String provider() {
        return provider;
    }

    public String model() {
        return model;
    }

    /**
     * Applies an operator's override (empty: none). Idempotent, so that every instance can apply the shared
     * overrides every few seconds; releasing one starts the breaker afresh, closed.
     */
    public synchronized void hold(Optional<BreakerOverride.Held> held) {
        if (held.equals(this.held)) {
            return;
        }
        this.held = held;
        if (held.isEmpty()) {
            breaker.transitionToClosedState();
        } else if (held.get() == BreakerOverride.Held.OPEN) {
            breaker.transitionToForcedOpenState();
        } else {
            breaker.transitionToDisabledState();
        }
    }

    public Optional<BreakerOverride.Held> held() {
        return held;
    }
}
