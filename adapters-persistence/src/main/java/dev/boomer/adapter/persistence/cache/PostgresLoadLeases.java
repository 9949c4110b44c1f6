package dev.boomer.adapter.persistence.cache;

import static dev.boomer.adapter.persistence.jdbc.Sql.setInstant;

import dev.boomer.adapter.persistence.jdbc.SqlExecutor;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;

/** Load leases as rows of {@code cache_loads}: each acquire, check and release is one short statement. */
@Singleton
final class PostgresLoadLeases implements LoadLeases {

    /* Taken when free or expired; a live lease of another holder is left alone. */
    private static final String ACQUIRE = """
            INSERT INTO cache_loads (key, holder, expires_at) VALUES (?, ?, ?)
            ON CONFLICT (key) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
             WHERE cache_loads.expires_at <= ?""";

    private final SqlExecutor jdbc;

    PostgresLoadLeases(SqlExecutor jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean tryAcquire(String key, String holder, Instant now, Duration ttl) {
        return jdbc.execute(ACQUIRE, statement -> {
            statement.setString(1, key);
            statement.setString(2, holder);
            setInstant(statement, 3, now.plus(ttl));
            setInstant(statement, 4, now);
            return statement.executeUpdate();
        }) == 1;
    }

    @Override
    public boolean held(String key, Instant now) {
        return jdbc.execute("SELECT 1 FROM cache_loads WHERE key = ? AND expires_at > ?", statement -> {
            statement.setString(1, key);
            setInstant(statement, 2, now);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        });
    }

    @Override
    public boolean renew(String key, String holder, Instant now, Duration ttl) {
        return jdbc.execute("UPDATE cache_loads SET expires_at = ? WHERE key = ? AND holder = ?", statement -> {
            setInstant(statement, 1, now.plus(ttl));
            statement.setString(2, key);
            statement.setString(3, holder);
            return statement.executeUpdate();
        }) == 1;
    }

    @Override
    public void release(String key, String holder) {
        jdbc.execute("DELETE FROM cache_loads WHERE key = ? AND holder = ?", statement -> {
            statement.setString(1, key);
            statement.setString(2, holder);
            return statement.executeUpdate();
        });
    }
}
