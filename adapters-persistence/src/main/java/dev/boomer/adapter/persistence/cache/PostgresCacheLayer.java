package dev.boomer.adapter.persistence.cache;

import static dev.boomer.adapter.persistence.jdbc.Sql.instant;
import static dev.boomer.adapter.persistence.jdbc.Sql.setInstant;

import io.micronaut.core.annotation.Order;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** L3: the cache_entries table, shared by every instance and kept across restarts. */
@Singleton
@Order(3)
final class PostgresCacheLayer implements CacheLayer {

    private static final String UPSERT = """
            INSERT INTO cache_entries (key, namespace, value, type, expires_at, created_at)
            VALUES (?, ?, ?::jsonb, ?, ?, ?)
            ON CONFLICT (key) DO UPDATE
               SET namespace = excluded.namespace, value = excluded.value, type = excluded.type,
                   expires_at = excluded.expires_at, created_at = excluded.created_at""";

    private final JdbcOperations jdbc;
    private final Clock clock;

    PostgresCacheLayer(JdbcOperations jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Optional<CachedValue> get(String key, Instant now) {
        return jdbc.prepareStatement(
                "SELECT namespace, value, type, expires_at FROM cache_entries WHERE key = ? AND expires_at > ?",
                statement -> {
                    statement.setString(1, key);
                    setInstant(statement, 2, now);
                    try (ResultSet rows = statement.executeQuery()) {
                        if (!rows.next()) {
                            return Optional.empty();
                        }
                        return Optional.of(new CachedValue(rows.getString("namespace"), rows.getString("type"),
                                rows.getString("value"), instant(rows, "expires_at")));
                    }
                });
    }

    @Override
    public void put(String key, CachedValue value) {
        jdbc.prepareStatement(UPSERT, statement -> {
            statement.setString(1, key);
            statement.setString(2, value.namespace());
            statement.setString(3, value.json());
            statement.setString(4, value.type());
            setInstant(statement, 5, value.expiresAt());
            setInstant(statement, 6, clock.instant());
            return statement.executeUpdate();
        });
    }

    @Override
    public void remove(String key) {
        jdbc.prepareStatement("DELETE FROM cache_entries WHERE key = ?", statement -> {
            statement.setString(1, key);
            return statement.executeUpdate();
        });
    }

    @Override
    public void removeNamespace(String namespace) {
        jdbc.prepareStatement("DELETE FROM cache_entries WHERE namespace = ?", statement -> {
            statement.setString(1, namespace);
            return statement.executeUpdate();
        });
    }

    /** Deletes rows that expired before {@code now}; reads ignore them anyway, this only reclaims space. */
    int purgeExpired(Instant now) {
        return jdbc.prepareStatement("DELETE FROM cache_entries WHERE expires_at <= ?", statement -> {
            setInstant(statement, 1, now);
            return statement.executeUpdate();
        });
    }
}
