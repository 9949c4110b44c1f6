package dev.boomer.domain.provider;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** A transient fault (429, overloaded, 5xx, timeout): worth trying again, after {@link #retryAfter()} if known. */
public final class ProviderUnavailable extends RuntimeException {
    private final String provider;
    private final String code;
    private final Optional<Duration> retryAfter;

    public ProviderUnavailable(String provider, String code, String message, Optional<Duration> retryAfter) {
        super(provider + ": " + message);
        this.provider = Objects.requireNonNull(provider, "provider");
        this.code = Objects.requireNonNull(code, "code");
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
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
