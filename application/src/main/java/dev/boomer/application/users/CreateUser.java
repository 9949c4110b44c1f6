package dev.boomer.application.users;

import dev.boomer.domain.user.Credentials;
import dev.boomer.domain.user.Role;
import dev.boomer.domain.user.User;
import dev.boomer.domain.user.UserId;
import dev.boomer.domain.user.UserRepository;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/** Adds a user with an API token (returned in clear once, stored hashed) and, optionally, a password. */
public final class CreateUser {

    public record Command(String username, Role role, ZoneId timeZone, Optional<String> password,
                          Optional<String> apiToken) {
        public Command {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(timeZone, "timeZone");
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(apiToken, "apiToken");
        }
    }

    /** The new user and the clear text of its API token: shown once, never stored. */
    public record Created(User user, String apiToken) {
    }

    private final UserRepository users;
    private final Credentials credentials;
    private final Clock clock;

    public CreateUser(UserRepository users, Credentials credentials, Clock clock) {
        this.users = users;
        this.credentials = credentials;
        this.clock = clock;
    }

    /** @throws dev.boomer.domain.user.UsernameTaken when the name is in use */
    public Created create(Command command) {
        User user = new User(UserId.random(), command.username(), command.role(), command.timeZone(),
                clock.instant());
        users.insert(user);
        command.password().ifPresent(password -> credentials.setPasswordHash(user.id(), PasswordHashing.hash(password)));
        String token = command.apiToken().orElseGet(Secrets::newApiToken);
        credentials.addApiToken(user.id(), Secrets.tokenHash(token), "initial", clock.instant());
        return new Created(user, token);
    }
}
