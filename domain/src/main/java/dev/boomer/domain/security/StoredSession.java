package dev.boomer.domain.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A console session as kept between requests: its id, who is signed in (if anyone), its times, and its
 * attributes as text (the console decides what they mean).
 */
public record StoredSession(String id, Optional<String> username, Instant createdAt, Instant lastAccessedAt,
                            Duration maxInactive, Map<String, String> attributes) {
    public StoredSession {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastAccessedAt, "lastAccessedAt");
        Objects.requireNonNull(maxInactive, "maxInactive");
        attributes = Map.copyOf(attributes);
    }
}
