package dev.boomer.domain.user;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.regex.Pattern;

/** A person or a reseller's tooling that owns items. Credentials live beside it, never inside it. */
public record User(UserId id, String username, Role role, ZoneId timeZone, Instant createdAt) {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,39}");

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(createdAt, "createdAt");
        if (!isValidUsername(username)) {
            throw new IllegalArgumentException("username '" + username
                    + "' must be 2-40 characters of a-z, 0-9, '.', '_' or '-', starting with a letter or digit");
        }
    }

    public static boolean isValidUsername(String username) {
        return username != null && USERNAME.matcher(username).matches();
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
