package dev.boomer.application.users;

import dev.boomer.domain.user.Credentials;
import dev.boomer.domain.user.User;
import dev.boomer.domain.user.UserRepository;

import java.util.Optional;

/** Finds the user behind a password or an API token. */
public final class Authenticate {

    /** Checked when the username is unknown, so that a miss costs as long as a wrong password. */
    private static final String DUMMY_HASH = PasswordHashing.hash("not-a-password");

    private final UserRepository users;
    private final Credentials credentials;

    public Authenticate(UserRepository users, Credentials credentials) {
        this.users = users;
        this.credentials = credentials;
    }

    public Optional<User> byPassword(String username, String password) {
        Optional<User> user = users.findByUsername(username);
        Optional<String> hash = user.flatMap(u -> credentials.passwordHash(u.id()));
        boolean matches = PasswordHashing.matches(password, hash.orElse(DUMMY_HASH));
        return matches && hash.isPresent() ? user : Optional.empty();
    }

    public Optional<User> byApiToken(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return credentials.userForToken(Secrets.tokenHash(token)).flatMap(users::findById);
    }
}
