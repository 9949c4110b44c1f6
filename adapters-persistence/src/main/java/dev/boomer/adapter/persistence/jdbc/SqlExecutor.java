package dev.boomer.adapter.persistence.jdbc;

import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.jdbc.runtime.PreparedStatementCallback;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs SQL on a pooled connection. {@link #execute} runs one statement on its own (auto-commit): most writes
 * the adapters make are a single atomic statement. {@link #inTransaction} runs several statements as one
 * transaction, for the few that need more than one (budget reservations and their settlement).
 */
@Singleton
public final class SqlExecutor {

    /** Work on one connection inside a transaction; throwing rolls it back. */
    @FunctionalInterface
    public interface TransactionWork<R> {
        R run(Connection connection) throws SQLException;
    }

    private final ConnectionOperations<Connection> connections;
    private final TransactionOperations<Connection> transactions;
    private final JdbcOperations jdbc;

    SqlExecutor(ConnectionOperations<Connection> connections, TransactionOperations<Connection> transactions,
                JdbcOperations jdbc) {
        this.connections = connections;
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    public <R> R execute(String sql, PreparedStatementCallback<R> callback) {
        return connections.executeWrite(status -> jdbc.prepareStatement(sql, callback));
    }

    public <R> R inTransaction(TransactionWork<R> work) {
        return transactions.executeWrite(status -> {
            try {
                return work.run(status.getConnection());
            } catch (SQLException e) {
                throw new DataAccessException("SQL failed: " + e.getMessage(), e);
            }
        });
    }
}
