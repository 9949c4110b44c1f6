package dev.boomer.adapter.persistence.cache;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A value as every cache layer keeps it: JSON with the name of its class, when it stops being valid, the
 * tags it is invalidated by, and until when it is fresh (before {@code expiresAt} for a namespace with a
 * grace period: between the two it is served stale while it is refreshed).
 */
record CachedValue(String namespace, String type, String json, Instant expiresAt, Set<String> tags,
                   Instant freshUntil) {

    CachedValue {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(expiresAt, "expiresAt");
        tags = tags == null ? Set.of() : Set.copyOf(tags);
        freshUntil = freshUntil == null || freshUntil.isAfter(expiresAt) ? expiresAt : freshUntil;
    }

    /** A value fresh until it expires: no grace period. */
    CachedValue(String namespace, String type, String json, Instant expiresAt, Set<String> tags) {
        this(namespace, type, json, expiresAt, tags, expiresAt);
    }

    /** Past its time to live, within its grace period: still served, due for a refresh. */
    boolean isStaleAt(Instant now) {
        return !freshUntil.isAfter(now) && isLiveAt(now);
    }

    boolean isLiveAt(Instant now) {
        return expiresAt.isAfter(now);
    }
}
