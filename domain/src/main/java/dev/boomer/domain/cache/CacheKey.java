package dev.boomer.domain.cache;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A namespaced, versioned, content-addressed key such as
 * {@code vision:{photo set hash}:{prompt version}:{tier}} or {@code market:{gtin or query}:v1}.
 */
public record CacheKey(String namespace, String id) {

    private static final Pattern NAMESPACE = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    public CacheKey {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(id, "id");
        if (!NAMESPACE.matcher(namespace).matches()) {
            throw new IllegalArgumentException("cache namespace must be lower-case kebab-case, not '" + namespace + "'");
        }
        if (id.isBlank() || id.length() > 400) {
            throw new IllegalArgumentException("cache key id must be 1..400 characters");
        }
    }

    public static CacheKey of(String namespace, String... parts) {
        return new CacheKey(namespace, String.join(":", parts));
    }

    /** The full key as stored: {@code namespace:id}. */
    public String value() {
        return namespace + ":" + id;
    }

    @Override
    public String toString() {
        return value();
    }
}
