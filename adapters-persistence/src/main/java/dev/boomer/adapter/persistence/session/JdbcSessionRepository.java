package dev.boomer.adapter.persistence.session;

import static dev.boomer.adapter.persistence.jdbc.Sql.instant;
import static dev.boomer.adapter.persistence.jdbc.Sql.optionalText;
import static dev.boomer.adapter.persistence.jdbc.Sql.setInstant;
import static dev.boomer.adapter.persistence.jdbc.Sql.setOptionalText;

import com.fasterxml.jackson.databind.JavaType;
import dev.boomer.adapter.persistence.jdbc.SqlExecutor;
import dev.boomer.adapter.persistence.json.JsonCodec;
import dev.boomer.domain.security.SessionRepository;
import dev.boomer.domain.security.StoredSession;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** One row per session; finding a session and counting it as used is one statement. */
@Singleton
final class JdbcSessionRepository implements SessionRepository {

    private static final String SAVE = """
            INSERT INTO sessions (id, username, created_at, last_accessed_at, max_inactive_seconds, attributes)
            VALUES (?, ?, ?, ?, ?, ?::jsonb)
            ON CONFLICT (id) DO UPDATE SET username = EXCLUDED.username,
                last_accessed_at = EXCLUDED.last_accessed_at, max_inactive_seconds = EXCLUDED.max_inactive_seconds,
                attributes = EXCLUDED.attributes""";

    private static final String FIND_AND_TOUCH = """
            UPDATE sessions SET last_accessed_at = ?
            WHERE id = ? AND last_accessed_at + make_interval(secs => max_inactive_seconds) > ?
            RETURNING *""";

    private final SqlExecutor sql;
    private final JsonCodec json;
    private final JavaType attributes;

    JdbcSessionRepository(SqlExecutor sql, JsonCodec json) {
        this.sql = sql;
        this.json = json;
        this.attributes = json.mapOf(String.class, String.class);
    }

    @Override
    public void save(StoredSession session) {
        sql.execute(SAVE, statement -> {
            statement.setString(1, session.id());
            setOptionalText(statement, 2, session.username());
            setInstant(statement, 3, session.createdAt());
            setInstant(statement, 4, session.lastAccessedAt());
            statement.setLong(5, session.maxInactive().toSeconds());
            statement.setString(6, json.write(session.attributes()));
            return statement.executeUpdate();
        });
    }

    @Override
    public Optional<StoredSession> findAndTouch(String id, Instant now) {
        return sql.execute(FIND_AND_TOUCH, statement -> {
            setInstant(statement, 1, now);
            statement.setString(2, id);
            setInstant(statement, 3, now);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.<StoredSession>empty();
                }
                return Optional.of(new StoredSession(row.getString("id"), optionalText(row, "username"),
                        instant(row, "created_at"), instant(row, "last_accessed_at"),
                        Duration.ofSeconds(row.getLong("max_inactive_seconds")),
                        json.<Map<String, String>>read(row.getString("attributes"), attributes)));
            }
        });
    }

    @Override
    public boolean delete(String id) {
        return sql.execute("DELETE FROM sessions WHERE id = ?", statement -> {
            statement.setString(1, id);
            return statement.executeUpdate();
        }) == 1;
    }

    @Override
    public int deleteOfUser(String username) {
        return sql.execute("DELETE FROM sessions WHERE username = ?", statement -> {
            statement.setString(1, username);
            return statement.executeUpdate();
        });
    }

    @Override
    public int deleteExpired(Instant now) {
        return sql.execute("DELETE FROM sessions WHERE last_accessed_at + make_interval(secs => max_inactive_seconds) <= ?",
                statement -> {
                    setInstant(statement, 1, now);
                    return statement.executeUpdate();
                });
    }
}
