package dev.boomer.adapter.persistence.user;

import static dev.boomer.adapter.persistence.jdbc.Sql.instant;
import static dev.boomer.adapter.persistence.jdbc.Sql.optionalInstant;
import static dev.boomer.adapter.persistence.jdbc.Sql.setInstant;
import static dev.boomer.adapter.persistence.jdbc.Sql.uuid;

import dev.boomer.adapter.persistence.jdbc.SqlExecutor;
import dev.boomer.domain.user.ApiToken;
import dev.boomer.domain.user.Credentials;
import dev.boomer.domain.user.UserId;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

    @Override
    public List<ApiToken> tokensOf(UserId user) {
        return jdbc.execute("SELECT id, label, created_at, revoked_at FROM api_tokens WHERE user_id = ?"
                + " ORDER BY created_at DESC, id", statement -> {
            statement.setObject(1, user.value());
            List<ApiToken> tokens = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    tokens.add(new ApiToken(uuid(rows, "id"), user, rows.getString("label"),
                            instant(rows, "created_at"), optionalInstant(rows, "revoked_at")));
                }
            }
            return tokens;
        });
    }

    @Override
    public boolean revokeToken(UserId user, UUID token, Instant at) {
        return jdbc.execute("UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL",
                statement -> {
                    setInstant(statement, 1, at);
                    statement.setObject(2, token);
                    statement.setObject(3, user.value());
                    return statement.executeUpdate() == 1;
                });
    }
}
