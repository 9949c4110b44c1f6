package dev.boomer.application.users;

import dev.boomer.domain.user.ApiToken;
import dev.boomer.domain.user.Credentials;
import dev.boomer.domain.user.UserId;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** A user's API tokens: created (the secret shown once), listed, revoked. */
public final class ManageTokens {

    /** The new token's secret, to show once; only its hash is kept. */
    public record NewToken(String label, String secret) {
    }

    public static final int MAX_LABEL = 60;

    private final Credentials credentials;
    private final Clock clock;

    public ManageTokens(Credentials credentials, Clock clock) {
        this.credentials = credentials;
        this.clock = clock;
    }

    public NewToken create(UserId user, String label) {
        String clean = label == null || label.isBlank() ? "unnamed" : label.strip();
        if (clean.length() > MAX_LABEL) {
            clean = clean.substring(0, MAX_LABEL);
        }
        String secret = Secrets.newApiToken();
        credentials.addApiToken(user, Secrets.tokenHash(secret), clean, clock.instant());
        return new NewToken(clean, secret);
    }

    public List<ApiToken> list(UserId user) {
        return credentials.tokensOf(user);
    }

    public boolean revoke(UserId user, UUID token) {
        return credentials.revokeToken(user, token, clock.instant());
    }
}
