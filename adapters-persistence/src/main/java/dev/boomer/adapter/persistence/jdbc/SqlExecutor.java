package dev.boomer.adapter.persistence.jdbc;

import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.jdbc.runtime.PreparedStatementCallback;
import jakarta.inject.Singleton;
import java.sql.Connection;

/**
 * Runs one SQL statement on a pooled connection. Each statement stands alone (auto-commit): every write
 * the adapters make is a single atomic statement, so no transaction is opened around it. Inside a caller's
 * transaction the statement joins it.
 */
@Singleton
public final class SqlExecutor {

    private final ConnectionOperations<Connection> connections;
    private final JdbcOperations jdbc;

    SqlExecutor(ConnectionOperations<Connection> connections, JdbcOperations jdbc) {
        this.connections = connections;
        this.jdbc = jdbc;
    }

    public <R> R execute(String sql, PreparedStatementCallback<R> callback) {
        return connections.executeWrite(status -> jdbc.prepareStatement(sql, callback));
    }
}
