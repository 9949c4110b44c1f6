package dev.boomer.domain.provider;

import dev.boomer.domain.vision.Usage;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A transient fault (429, overloaded, 5xx, timeout): worth trying again, after {@link #retryAfter()} if known.
 * A fault after the request was sent (a timeout, a dropped connection) may still have been charged: then
 * {@link #mayHaveCharged()} is what the request would have consumed before any answer (its input tokens).
 */
public final class ProviderUnavailable extends RuntimeException {

    /** The provider's circuit breaker is open after repeated faults: nothing is sent until it half-opens. */
    public static final String BREAKER_OPEN = "breaker_open";

    private final String provider;
    private final String code;
    private final Optional<Duration> retryAfter;
    private final Optional<Usage> mayHaveCharged;

    public ProviderUnavailable(String provider, String code, String message, Optional<Duration> retryAfter) {
        this(provider, code, message, retryAfter, Optional.empty());
    }

    public ProviderUnavailable(String provider, String code, String message, Optional<Duration> retryAfter,
                               Optional<Usage> mayHaveCharged) {
        super(provider + ": " + message);
        this.provider = Objects.requireNonNull(provider, "provider");
        this.code = Objects.requireNonNull(code, "code");
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
        this.mayHaveCharged = Objects.requireNonNull(mayHaveCharged, "mayHaveCharged");
    }

    /** The request was sent and no answer came: the usage the provider may have charged for it. */
    public static ProviderUnavailable afterSending(String provider, String code, String message, Usage sent) {
        return new ProviderUnavailable(provider, code, message, Optional.empty(), Optional.of(sent));
    }

    public Optional<Usage> mayHaveCharged() {
        return mayHaveCharged;
    }

    public String provider() {
        return provider;
    }

    public String code() {
        return code;
    }

    public Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
