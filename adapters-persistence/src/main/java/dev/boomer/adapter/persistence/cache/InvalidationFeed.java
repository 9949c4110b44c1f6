package dev.boomer.adapter.persistence.cache;

import static dev.boomer.adapter.persistence.jdbc.Sql.setInstant;

import dev.boomer.adapter.persistence.jdbc.SqlExecutor;
import dev.boomer.domain.cache.CacheSelection;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Invalidations as rows of {@code cache_invalidations}, so that every instance hears of every other's: an
 * instance reads the rows after the last one it has seen and clears what they select from its own layer.
 * Rows older than {@link #KEPT} are deleted: an instance that was away longer has an L1 younger than that.
 */
@Singleton
final class InvalidationFeed {

    static final Duration KEPT = Duration.ofHours(1);

    /** One invalidation, in the order they were made. */
    record Published(long id, CacheSelection selection) {
    }

    private final SqlExecutor jdbc;

    InvalidationFeed(SqlExecutor jdbc) {
        this.jdbc = jdbc;
    }

    void publish(CacheSelection selection) {
        jdbc.execute("INSERT INTO cache_invalidations (kind, value) VALUES (?, ?)", statement -> {
            statement.setString(1, selection.kind().name());
            statement.setString(2, selection.value());
            return statement.executeUpdate();
        });
    }

    /** The id of the newest invalidation: a starting instance has nothing older to clear. */
    long latest() {
        return jdbc.execute("SELECT coalesce(max(id), 0) FROM cache_invalidations", statement -> {
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    List<Published> since(long id) {
        return jdbc.execute("SELECT id, kind, value FROM cache_invalidations WHERE id > ? ORDER BY id", statement -> {
            statement.setLong(1, id);
            List<Published> found = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(new Published(rows.getLong("id"), new CacheSelection(
                            CacheSelection.Kind.valueOf(rows.getString("kind")), rows.getString("value"))));
                }
            }
            return found;
        });
    }

    int forgetBefore(Instant cutoff) {
        return jdbc.execute("DELETE FROM cache_invalidations WHERE at < ?", statement -> {
            setInstant(statement, 1, cutoff);
            return statement.executeUpdate();
        });
    }
}
