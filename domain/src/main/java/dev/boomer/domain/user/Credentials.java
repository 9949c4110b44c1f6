package dev.boomer.domain.user;

import java.time.Instant;
import java.util.Optional;

/**
 * Password hashes and API token hashes per user. Only hashes are stored; the clear text of a token is
 * shown once when it is created.
 */
public interface Credentials {

    void setPasswordHash(UserId user, String passwordHash);

    Optional<String> passwordHash(UserId user);

    void addApiToken(UserId user, String tokenHash, String label, Instant createdAt);

    /** The owner of an unrevoked token with this hash. */
    Optional<UserId> userForToken(String tokenHash);
}
