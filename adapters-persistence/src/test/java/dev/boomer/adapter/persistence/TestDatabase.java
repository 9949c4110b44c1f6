package dev.boomer.adapter.persistence;

import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The real PostgreSQL the tests run against. Each test run gets its own freshly created database, dropped
 * when the run ends, so runs never see each other's rows. A database's name carries the id of the JVM that
 * made it, so databases left by a run that was killed are dropped by the next run. The server is found by {@link TestPostgresServer}:
 * {@code BOOMER_TEST_POSTGRES} (host:port), else 127.0.0.1:5432, else Testcontainers, else embedded.
 */
public final class TestDatabase {

    private static final String USER = "postgres";
    private static final String PREFIX = "boomer_test_";

    private static boolean sweptDeadRuns;

    private static ApplicationContext context;
    private static String database;

    private TestDatabase() {
    }

    /** The application context of the whole run, migrated, wired as web-console would wire it. */
    public static synchronized ApplicationContext context() {
        if (context == null) {
            database = createDatabase();
            Map<String, Object> properties = new HashMap<>(datasourceProperties(database));
            properties.put("boomer.photos.dir", temporaryDirectory("photos").toString());
            context = ApplicationContext.builder().properties(properties).singletons(Clock.systemUTC()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(context::close, "close-test-context"));
        }
        return context;
    }

    /** Empties every Boomer table, so each test starts from nothing. */
    public static void truncateAll() {
        execute(url(database()), "TRUNCATE users, api_tokens, items, item_analyses, listings, cost_entries, "
                + "cache_entries, budget_periods, budget_reservations, audit_log, item_photos, item_events, signing_keys, failed_attempts, photos, sessions, "
                + "rate_limit_buckets, breaker_overrides, price_observations");
    }

    public static synchronized String database() {
        context();
        return database;
    }

    public static Map<String, Object> datasourceProperties(String database) {
        return Map.of(
                "datasources.default.url", url(database),
                "datasources.default.username", USER,
                "datasources.default.password", "",
                "datasources.default.driver-class-name", "org.postgresql.Driver",
                "datasources.default.maximum-pool-size", 12,
                "flyway.datasources.default.enabled", true);
    }

    /** A new empty database, dropped when this JVM exits. */
    public static String createDatabase() {
        dropDatabasesOfDeadRuns();
        String name = PREFIX + ProcessHandle.current().pid() + "_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(url("postgres"), "CREATE DATABASE " + name);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> dropDatabase(name), "drop-" + name));
        return name;
    }

    /** Databases whose JVM is gone (a run that was killed before its shutdown hooks ran). */
    private static synchronized void dropDatabasesOfDeadRuns() {
        if (sweptDeadRuns) {
            return;
        }
        sweptDeadRuns = true;
        for (String name : query(url("postgres"), "SELECT datname FROM pg_database WHERE datname LIKE '"
                + PREFIX + "%'")) {
            String[] parts = name.substring(PREFIX.length()).split("_");
            boolean ofDeadRun = parts.length == 2 && !parts[0].isEmpty() && parts[0].chars().allMatch(Character::isDigit)
                    && ProcessHandle.of(Long.parseLong(parts[0])).isEmpty();
            if (ofDeadRun) {
                dropDatabase(name);
            }
        }
    }

    public static void dropDatabase(String name) {
        execute(url("postgres"), "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    public static String url(String database) {
        return "jdbc:postgresql://" + TestPostgresServer.hostAndPort() + "/" + database;
    }

    public static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database), USER, "");
    }

    private static void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url, USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run '" + sql + "' on " + url, e);
        }
    }

    private static java.util.List<String> query(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url, USER, "");
             Statement statement = connection.createStatement();
             java.sql.ResultSet rows = statement.executeQuery(sql)) {
            java.util.List<String> values = new java.util.ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run '" + sql + "' on " + url, e);
        }
    }

    private static Path temporaryDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
