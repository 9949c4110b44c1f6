package dev.boomer.adapter.persistence.cache;

import static dev.boomer.adapter.persistence.jdbc.Sql.instant;
import static dev.boomer.adapter.persistence.jdbc.Sql.setInstant;

import dev.boomer.adapter.persistence.jdbc.SqlExecutor;
import dev.boomer.domain.cache.CacheSelection;
import io.micronaut.core.annotation.Order;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * L3: the cache_entries table, shared by every instance and kept across restarts. Expired rows are never
 * read; a write deletes them now and then (at most once per purge interval per instance), which needs no
 * scheduler and costs one indexed DELETE.
 */
@Singleton
@Order(3)
final class PostgresCacheLayer implements CacheLayer {

    private static final String UPSERT = """
            INSERT INTO cache_entries (key, namespace, value, type, expires_at, created_at, tags, fresh_until)
            VALUES (?, ?, ?::jsonb, ?, ?, ?, ?, ?)
            ON CONFLICT (key) DO UPDATE
               SET namespace = excluded.namespace, value = excluded.value, type = excluded.type,
                   expires_at = excluded.expires_at, created_at = excluded.created_at, tags = excluded.tags,
                   fresh_until = excluded.fresh_until""";

    private final SqlExecutor jdbc;
    private final Clock clock;
    private final Duration purgeInterval;
    private final AtomicReference<Instant> nextPurge;

    @Inject
    PostgresCacheLayer(SqlExecutor jdbc, Clock clock, CacheConfig config) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.purgeInterval = config.purgeInterval();
        this.nextPurge = new AtomicReference<>(clock.instant().plus(purgeInterval));
    }

    @Override
    public Optional<CachedValue> get(String key, Instant now) {
        return jdbc.execute(
                "SELECT namespace, value, type, expires_at, tags, fresh_until FROM cache_entries"
                        + " WHERE key = ? AND expires_at > ?",
                statement -> {
                    statement.setString(1, key);
                    setInstant(statement, 2, now);
                    try (ResultSet rows = statement.executeQuery()) {
                        if (!rows.next()) {
                            return Optional.empty();
                        }
                        return Optional.of(new CachedValue(rows.getString("namespace"), rows.getString("type"),
                                rows.getString("value"), instant(rows, "expires_at"), tags(rows), freshUntil(rows)));
                    }
                });
    }

    @Override
    public void put(String key, CachedValue value) {
        purgeWhenDue();
        jdbc.execute(UPSERT, statement -> {
            statement.setString(1, key);
            statement.setString(2, value.namespace());
            statement.setString(3, value.json());
            statement.setString(4, value.type());
            setInstant(statement, 5, value.expiresAt());
            setInstant(statement, 6, clock.instant());
            statement.setArray(7, statement.getConnection().createArrayOf("text", value.tags().toArray()));
            setInstant(statement, 8, value.freshUntil());
            return statement.executeUpdate();
        });
    }

    @Override
    public long remove(CacheSelection selection) {
        String where = switch (selection.kind()) {
            case KEY -> "key = ?";
            case PREFIX -> "starts_with(key, ?)";
            case NAMESPACE -> "namespace = ?";
            case TAG -> "tags @> ARRAY[?]::text[]";
            case ALL -> "TRUE";
        };
        // only live entries count as removed: expired ones were already gone for every reader
        return jdbc.execute("WITH removed AS (DELETE FROM cache_entries WHERE " + where
                + " RETURNING expires_at) SELECT count(*) FILTER (WHERE expires_at > ?) FROM removed", statement -> {
            int next = 1;
            if (selection.kind() != CacheSelection.Kind.ALL) {
                statement.setString(next++, selection.value());
            }
            setInstant(statement, next, clock.instant());
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    @Override
    public boolean shared() {
        return true;
    }

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public SortedMap<String, CachedValue> find(String keyPrefix, Instant now, int limit) {
        return jdbc.execute("SELECT key, namespace, value, type, expires_at, tags, fresh_until FROM cache_entries"
                + " WHERE starts_with(key, ?) AND expires_at > ? ORDER BY key LIMIT ?", statement -> {
            statement.setString(1, keyPrefix);
            setInstant(statement, 2, now);
            statement.setInt(3, limit);
            SortedMap<String, CachedValue> found = new TreeMap<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.put(rows.getString("key"), new CachedValue(rows.getString("namespace"),
                            rows.getString("type"), rows.getString("value"), instant(rows, "expires_at"), tags(rows),
                            freshUntil(rows)));
                }
            }
            return found;
        });
    }

    @Override
    public Map<String, LayerUsage> usage(Instant now) {
        return jdbc.execute("SELECT namespace, count(*), sum(pg_column_size(value)) FROM cache_entries"
                + " WHERE expires_at > ? GROUP BY namespace ORDER BY namespace", statement -> {
            setInstant(statement, 1, now);
            Map<String, LayerUsage> usage = new TreeMap<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    usage.put(rows.getString(1), new LayerUsage(rows.getLong(2), rows.getLong(3)));
                }
            }
            return usage;
        });
    }

    /** Rows written before grace periods existed are fresh until they expire. */
    private static Instant freshUntil(ResultSet rows) throws SQLException {
        return rows.getObject("fresh_until") == null ? null : instant(rows, "fresh_until");
    }

    private static Set<String> tags(ResultSet rows) throws SQLException {
        Array tags = rows.getArray("tags");
        return tags == null ? Set.of() : Set.of((String[]) tags.getArray());
    }

    private void purgeWhenDue() {
        Instant now = clock.instant();
        Instant due = nextPurge.get();
        if (!now.isBefore(due) && nextPurge.compareAndSet(due, now.plus(purgeInterval))) {
            purgeExpired(now);
        }
    }

    /** Deletes rows that expired before {@code now}; reads ignore them anyway, this only reclaims space. */
    int purgeExpired(Instant now) {
        return jdbc.execute("DELETE FROM cache_entries WHERE expires_at <= ?", statement -> {
            setInstant(statement, 1, now);
            return statement.executeUpdate();
        });
    }
}
