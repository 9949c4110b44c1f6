package dev.boomer.domain.contract;

import static dev.boomer.domain.contract.Samples.T0;
import static dev.boomer.domain.contract.Samples.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.boomer.domain.user.Credentials;
import dev.boomer.domain.user.User;
import dev.boomer.domain.user.UserRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
}
