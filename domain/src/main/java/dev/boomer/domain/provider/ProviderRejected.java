package dev.boomer.domain.provider;

import java.util.Objects;

/** The provider refused the request in a way that retrying cannot fix (400, 401, 403, 413, spend limit). */
public final class ProviderRejected extends RuntimeException {
    private final String provider;
    private final String code;

    public ProviderRejected(String provider, String code, String message) {
        super(provider + ": " + message);
        this.provider = Objects.requireNonNull(provider, "provider");
        this.code = Objects.requireNonNull(code, "code");
    }

    public String provider() {
        return provider;
    }

    public String code() {
        return code;
    }
}
