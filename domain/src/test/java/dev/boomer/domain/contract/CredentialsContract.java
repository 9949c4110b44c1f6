package dev.boomer.domain.contract;

import static dev.boomer.domain.contract.Samples.T0;
import static dev.boomer.domain.contract.Samples.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.boomer.domain.user.ApiToken;
import dev.boomer.domain.user.Credentials;
import dev.boomer.domain.user.User;
import dev.boomer.domain.user.UserRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Optional;

/** What every {@link Credentials} store does, beside the users it belongs to. */
public abstract class CredentialsContract {

    private UserRepository users;
    private Credentials credentials;

    /** Fresh, empty stores; the credentials store must know the users of the user repository. */
    protected abstract UserRepository createUsers();

    protected abstract Credentials createCredentials();

    @BeforeEach
    void createStores() {
        users = createUsers();
        credentials = createCredentials();
    }

    @Test
    void aUserHasNoPasswordUntilOneIsSet() {
        User alice = user("alice");
        users.insert(alice);

        assertThat(credentials.passwordHash(alice.id())).isEmpty();

        credentials.setPasswordHash(alice.id(), "$argon2id$v=19$first");
        credentials.setPasswordHash(alice.id(), "$argon2id$v=19$second");

        assertThat(credentials.passwordHash(alice.id())).contains("$argon2id$v=19$second");
    }

    @Test
    void anApiTokenHashLeadsToItsOwner() {
        User alice = user("alice");
        User bob = user("bob");
        users.insert(alice);
        users.insert(bob);

        credentials.addApiToken(alice.id(), "hash-a", "laptop", T0);
        credentials.addApiToken(bob.id(), "hash-b", "scanner", T0);

        assertThat(credentials.userForToken("hash-a")).contains(alice.id());
        assertThat(credentials.userForToken("hash-b")).contains(bob.id());
        assertThat(credentials.userForToken("hash-unknown")).isEmpty();
    }

    @Test
    void aRevokedTokenLeadsNowhereAndStaysListed() {
        User alice = user("alice");
        User bob = user("bob");
        users.insert(alice);
        users.insert(bob);
        credentials.addApiToken(alice.id(), "hash-old", "old laptop", T0);
        credentials.addApiToken(alice.id(), "hash-new", "new laptop", T0.plusSeconds(60));
        ApiToken old = credentials.tokensOf(alice.id()).getLast();

        assertThat(credentials.revokeToken(bob.id(), old.id(), T0.plusSeconds(90))).as("not bob's").isFalse();
        assertThat(credentials.revokeToken(alice.id(), old.id(), T0.plusSeconds(120))).isTrue();
        assertThat(credentials.revokeToken(alice.id(), old.id(), T0.plusSeconds(130))).as("once").isFalse();

        assertThat(credentials.userForToken("hash-old")).isEmpty();
        assertThat(credentials.userForToken("hash-new")).contains(alice.id());
        assertThat(credentials.tokensOf(alice.id())).extracting(ApiToken::label, ApiToken::revokedAt)
                .containsExactly(tuple("new laptop", Optional.empty()),
                        tuple("old laptop", Optional.of(T0.plusSeconds(120))));
        assertThat(credentials.tokensOf(bob.id())).isEmpty();
    }
}
