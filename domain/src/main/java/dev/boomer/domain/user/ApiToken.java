package dev.boomer.domain.user;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** A user's API token as it is listed: never its secret, which is shown once and stored only as a hash. */
public record ApiToken(UUID id, UserId user, String label, Instant createdAt, Optional<Instant> revokedAt) {
    public ApiToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(revokedAt, "revokedAt");
    }

    public boolean isActive() {
        return revokedAt.isEmpty();
    }
}
