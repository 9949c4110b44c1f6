package dev.boomer.adapter.persistence.security;

import static dev.boomer.adapter.persistence.jdbc.Sql.instant;
import static dev.boomer.adapter.persistence.jdbc.Sql.setInstant;

import dev.boomer.adapter.persistence.jdbc.SqlExecutor;
import dev.boomer.domain.security.FailedAttempts;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;

/** Counts and blocks in one row per key; every change is one atomic statement, so instances never race. */
@Singleton
final class JdbcFailedAttempts implements FailedAttempts {

    private static final String COUNT = """
            INSERT INTO failed_attempts AS a (key, failures, last_failure_at) VALUES (?, 1, ?)
            ON CONFLICT (key) DO UPDATE SET
                failures = CASE WHEN a.last_failure_at < ? THEN 1 ELSE a.failures + 1 END,
                last_failure_at = EXCLUDED.last_failure_at
            RETURNING failures""";

    private static final String BLOCK = """
            INSERT INTO failed_attempts AS a (key, last_failure_at, blocked_until) VALUES (?, ?, ?)
            ON CONFLICT (key) DO UPDATE SET
                blocked_until = GREATEST(a.blocked_until, EXCLUDED.blocked_until)""";

    private final SqlExecutor jdbc;

    JdbcFailedAttempts(SqlExecutor jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int count(String key, Instant now, Instant forgetBefore) {
        return jdbc.execute(COUNT, statement -> {
            statement.setString(1, key);
            setInstant(statement, 2, now);
            setInstant(statement, 3, forgetBefore);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        });
    }

    @Override
    public void block(String key, Instant until) {
        jdbc.execute(BLOCK, statement -> {
            statement.setString(1, key);
            setInstant(statement, 2, until);
            setInstant(statement, 3, until);
            return statement.executeUpdate();
        });
    }

    @Override
    public Optional<Instant> blockedUntil(String key, Instant now) {
        return jdbc.execute("SELECT blocked_until FROM failed_attempts WHERE key = ? AND blocked_until > ?",
                statement -> {
                    statement.setString(1, key);
                    setInstant(statement, 2, now);
                    try (ResultSet row = statement.executeQuery()) {
                        return row.next() ? Optional.of(instant(row, "blocked_until")) : Optional.<Instant>empty();
                    }
                });
    }

    @Override
    public void forget(String key) {
        jdbc.execute("DELETE FROM failed_attempts WHERE key = ?", statement -> {
            statement.setString(1, key);
            return statement.executeUpdate();
        });
    }

    @Override
    public int forgetQuietSince(Instant before) {
        return jdbc.execute("DELETE FROM failed_attempts WHERE last_failure_at < ?"
                + " AND (blocked_until IS NULL OR blocked_until < ?)", statement -> {
                    setInstant(statement, 1, before);
                    setInstant(statement, 2, before);
                    return statement.executeUpdate();
                });
    }
}
