package dev.boomer.adapter.persistence.user;

import static dev.boomer.adapter.persistence.jdbc.Sql.instant;
import static dev.boomer.adapter.persistence.jdbc.Sql.setInstant;
import static dev.boomer.adapter.persistence.jdbc.Sql.uuid;

import dev.boomer.adapter.persistence.jdbc.Sql;
import dev.boomer.adapter.persistence.jdbc.SqlExecutor;
import dev.boomer.domain.user.Role;
import dev.boomer.domain.user.User;
import dev.boomer.domain.user.UserId;
import dev.boomer.domain.user.UserRepository;
import dev.boomer.domain.user.UsernameTaken;
import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@Singleton
final class JdbcUserRepository implements UserRepository {

    private static final String COLUMNS = "id, username, role, time_zone, created_at";

    private final SqlExecutor jdbc;

    JdbcUserRepository(SqlExecutor jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(User user) {
        try {
            jdbc.execute("INSERT INTO users (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)", statement -> {
                statement.setObject(1, user.id().value());
                statement.setString(2, user.username());
                statement.setString(3, user.role().name());
                statement.setString(4, user.timeZone().getId());
                setInstant(statement, 5, user.createdAt());
                return statement.executeUpdate();
            });
        } catch (DataAccessException e) {
            // the unique index decides, so two concurrent sign-ups with one name cannot both succeed
            if (Sql.isUniqueViolation(e, "users_username_key")) {
                throw new UsernameTaken(user.username());
            }
            throw e;
        }
    }

    @Override
    public Optional<User> findById(UserId id) {
        return jdbc.execute("SELECT " + COLUMNS + " FROM users WHERE id = ?", statement -> {
            statement.setObject(1, id.value());
            return first(statement);
        });
    }

    @Override
    public Optional<User> findByUsername(String username) {
        return jdbc.execute("SELECT " + COLUMNS + " FROM users WHERE username = ?", statement -> {
            statement.setString(1, username);
            return first(statement);
        });
    }

    @Override
    public List<User> findAll() {
        return jdbc.execute("SELECT " + COLUMNS + " FROM users ORDER BY username", statement -> {
            List<User> users = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    users.add(toUser(rows));
                }
            }
            return users;
        });
    }

    @Override
    public long count() {
        return jdbc.execute("SELECT count(*) FROM users", statement -> {
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    private static Optional<User> first(PreparedStatement statement) throws SQLException {
        try (ResultSet rows = statement.executeQuery()) {
            return rows.next() ? Optional.of(toUser(rows)) : Optional.empty();
        }
    }

    private static User toUser(ResultSet row) throws SQLException {
        return new User(
                new UserId(uuid(row, "id")),
                row.getString("username"),
                Role.valueOf(row.getString("role")),
                ZoneId.of(row.getString("time_zone")),
                instant(row, "created_at"));
    }
}
