package dev.boomer.adapter.persistence.cache;

import java.time.Instant;
import java.util.Objects;

/** A value as every cache layer keeps it: JSON with the name of its class, and when it stops being valid. */
record CachedValue(String namespace, String type, String json, Instant expiresAt) {

    CachedValue {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    boolean isLiveAt(Instant now) {
        return expiresAt.isAfter(now);
    }
}
