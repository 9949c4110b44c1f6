package dev.boomer.adapter.persistence.user;

import static dev.boomer.adapter.persistence.jdbc.Sql.setInstant;
import static dev.boomer.adapter.persistence.jdbc.Sql.uuid;

import dev.boomer.adapter.persistence.jdbc.SqlExecutor;
import dev.boomer.domain.user.Credentials;
import dev.boomer.domain.user.UserId;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@Singleton
final class JdbcCredentials implements Credentials {

    private final SqlExecutor jdbc;

    JdbcCredentials(SqlExecutor jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void setPasswordHash(UserId user, String passwordHash) {
        int updated = jdbc.execute("UPDATE users SET password_hash = ? WHERE id = ?", statement -> {
            statement.setString(1, passwordHash);
            statement.setObject(2, user.value());
            return statement.executeUpdate();
        });
        if (updated == 0) {
            throw new IllegalArgumentException("no user " + user + " to set a password for");
        }
    }

    @Override
    public Optional<String> passwordHash(UserId user) {
        return jdbc.execute("SELECT password_hash FROM users WHERE id = ?", statement -> {
            statement.setObject(1, user.value());
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.ofNullable(rows.getString(1)) : Optional.empty();
            }
        });
    }

    @Override
    public void addApiToken(UserId user, String tokenHash, String label, Instant createdAt) {
        jdbc.execute(
                "INSERT INTO api_tokens (id, user_id, token_hash, label, created_at) VALUES (?, ?, ?, ?, ?)",
                statement -> {
                    statement.setObject(1, UUID.randomUUID());
                    statement.setObject(2, user.value());
                    statement.setString(3, tokenHash);
                    statement.setString(4, label);
                    setInstant(statement, 5, createdAt);
                    return statement.executeUpdate();
                });
    }

    @Override
    public Optional<UserId> userForToken(String tokenHash) {
        return jdbc.execute(
                "SELECT user_id FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL", statement -> {
                    statement.setString(1, tokenHash);
                    try (ResultSet rows = statement.executeQuery()) {
                        return rows.next() ? Optional.of(new UserId(uuid(rows, "user_id"))) : Optional.empty();
                    }
                });
    }
}
