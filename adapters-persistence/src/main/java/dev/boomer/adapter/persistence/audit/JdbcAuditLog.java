package dev.boomer.adapter.persistence.audit;

import com.fasterxml.jackson.databind.JavaType;
import dev.boomer.adapter.persistence.jdbc.SqlExecutor;
import dev.boomer.adapter.persistence.json.JsonCodec;
import dev.boomer.domain.audit.AuditAction;
import dev.boomer.domain.audit.AuditEntry;
import dev.boomer.domain.audit.AuditLog;
import dev.boomer.domain.user.UserId;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static dev.boomer.adapter.persistence.jdbc.Sql.instant;
import static dev.boomer.adapter.persistence.jdbc.Sql.setInstant;

/** The audit log in one table; a change that must be audited with its own writes records on their connection. */
@Singleton
public final class JdbcAuditLog implements AuditLog {

    private static final String INSERT = """
            INSERT INTO audit_log (at, actor_id, action, subject, before, after)
            VALUES (?, ?, ?, ?, ?::jsonb, ?::jsonb)""";

    private final SqlExecutor sql;
    private final JsonCodec json;
    private final JavaType fields;

    JdbcAuditLog(SqlExecutor sql, JsonCodec json) {
        this.sql = sql;
        this.json = json;
        this.fields = json.mapOf(String.class, String.class);
    }

    @Override
    public void record(AuditEntry entry) {
        sql.inTransaction(connection -> {
            record(connection, entry);
            return null;
        });
    }

    /** Records inside the caller's transaction: the entry commits with the change it describes, or neither. */
    public void record(Connection connection, AuditEntry entry) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
            setInstant(statement, 1, entry.at());
            statement.setObject(2, entry.actor().map(UserId::value).orElse(null));
            statement.setString(3, entry.action().name());
            statement.setString(4, entry.subject());
            statement.setString(5, json.write(entry.before()));
            statement.setString(6, json.write(entry.after()));
            statement.executeUpdate();
        }
    }

    @Override
    public List<AuditEntry> recent(int limit) {
        return sql.execute("SELECT * FROM audit_log ORDER BY id DESC LIMIT ?", statement -> {
            statement.setInt(1, limit);
            return read(statement);
        });
    }

    /** The newest {@code limit} entries of one action, newest first. */
    public List<AuditEntry> recent(AuditAction action, int limit) {
        return sql.execute("SELECT * FROM audit_log WHERE action = ? ORDER BY id DESC LIMIT ?", statement -> {
            statement.setString(1, action.name());
            statement.setInt(2, limit);
            return read(statement);
        });
    }

    private List<AuditEntry> read(PreparedStatement statement) throws SQLException {
        List<AuditEntry> entries = new ArrayList<>();
        try (ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                entries.add(new AuditEntry(instant(row, "at"),
                        Optional.ofNullable(row.getObject("actor_id", UUID.class)).map(UserId::new),
                        AuditAction.valueOf(row.getString("action")), row.getString("subject"),
                        json.<Map<String, String>>read(row.getString("before"), fields),
                        json.<Map<String, String>>read(row.getString("after"), fields)));
            }
        }
        return entries;
    }
}
