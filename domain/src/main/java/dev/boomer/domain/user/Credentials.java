package dev.boomer.domain.user;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Password hashes and API token hashes per user. Only hashes are stored; the clear text of a token is
 * shown once when it is created.
 */
public interface Credentials {

    void setPasswordHash(UserId user, String passwordHash);

    Optional<String> passwordHash(UserId user);

    void addApiToken(UserId user, String tokenHash, String label, Instant createdAt);

    /** The owner of an unrevoked token with this hash. */
    /** Only tokens that are not revoked lead to their user. */
    Optional<UserId> userForToken(String tokenHash);

    /** The user's tokens, newest first, revoked ones included. */
    List<ApiToken> tokensOf(UserId user);

    /** Revokes one of the user's tokens; false when the user has no such active token. */
    boolean revokeToken(UserId user, UUID token, Instant at);
}
