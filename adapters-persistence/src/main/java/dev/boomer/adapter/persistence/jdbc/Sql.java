package dev.boomer.adapter.persistence.jdbc;

import dev.boomer.domain.money.Money;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** Small conversions between JDBC and the domain's value types, shared by the repositories. */
public final class Sql {

    private static final String UNIQUE_VIOLATION = "23505";

    private Sql() {
    }

    public static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    public static void setOptionalInstant(PreparedStatement statement, int index, Optional<Instant> instant)
            throws SQLException {
        statement.setObject(index, instant.map(value -> OffsetDateTime.ofInstant(value, ZoneOffset.UTC)).orElse(null),
                java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
    }

    public static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public static Optional<Instant> optionalInstant(ResultSet row, String column) throws SQLException {
        return Optional.ofNullable(instant(row, column));
    }

    public static UUID uuid(ResultSet row, String column) throws SQLException {
        return row.getObject(column, UUID.class);
    }

    public static void setOptionalText(PreparedStatement statement, int index, Optional<String> text)
            throws SQLException {
        if (text.isPresent()) {
            statement.setString(index, text.get());
        } else {
            statement.setNull(index, Types.VARCHAR);
        }
    }

    public static Optional<String> optionalText(ResultSet row, String column) throws SQLException {
        return Optional.ofNullable(row.getString(column));
    }

    /** Whether the failure, or one of its causes, is PostgreSQL rejecting a duplicate for this constraint. */
    /** A US-dollar amount or SQL NULL. */
    public static void setUsd(PreparedStatement statement, int index, Optional<Money> amount) throws SQLException {
        statement.setBigDecimal(index, amount.map(Money::amount).orElse(null));
    }

    public static Optional<Money> usd(ResultSet row, String column) throws SQLException {
        return Optional.ofNullable(row.getBigDecimal(column)).map(Money::usd);
    }

    public static boolean isUniqueViolation(Throwable failure, String constraint) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PSQLException psql && UNIQUE_VIOLATION.equals(psql.getSQLState())) {
                ServerErrorMessage message = psql.getServerErrorMessage();
                return message != null && constraint.equals(message.getConstraint());
            }
        }
        return false;
    }
}
