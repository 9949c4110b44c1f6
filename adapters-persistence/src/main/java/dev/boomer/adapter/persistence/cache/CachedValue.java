package dev.boomer.adapter.persistence.cache;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A value as every cache layer keeps it: JSON with the name of its class, when it stops being valid, and
 * the tags it is invalidated by.
 */
record CachedValue(String namespace, String type, String json, Instant expiresAt, Set<String> tags) {

    CachedValue {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(expiresAt, "expiresAt");
        tags = tags == null ? Set.of() : Set.copyOf(tags);
    }

    boolean isLiveAt(Instant now) {
        return expiresAt.isAfter(now);
    }
}
