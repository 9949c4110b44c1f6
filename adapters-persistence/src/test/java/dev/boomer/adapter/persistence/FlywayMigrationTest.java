package dev.boomer.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import org.flywaydb.core.Flyway;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FlywayMigrationTest {

    private String database;

    @BeforeEach
    void createEmptyDatabase() {
        database = TestDatabase.createDatabase();
    }

    @AfterEach
    void dropDatabase() {
        TestDatabase.dropDatabase(database);
    }

    @Test
    void startingTheApplicationMigratesAnEmptyDatabase() throws Exception {
        try (ApplicationContext context = ApplicationContext.run(TestDatabase.datasourceProperties(database))) {
            assertThat(context.isRunning()).isTrue();
        }

        try (Connection connection = TestDatabase.connect(database); Statement statement = connection.createStatement()) {
            assertThat(strings(statement, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"))
                    .contains("users", "api_tokens", "items", "item_analyses", "listings", "cost_entries",
                            "cache_entries", "budget_periods", "budget_reservations", "audit_log", "item_photos", "item_events", "photos", "sessions", "signing_keys", "failed_attempts",
                            "flyway_schema_history");
            assertThat(strings(statement, "SELECT version FROM flyway_schema_history WHERE success ORDER BY"
                    + " installed_rank")).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20", "21", "22");
            assertThat(strings(statement, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"))
                    .doesNotContain("budget_changes");
        }
    }

    @Test
    void budgetChangesMoveIntoTheAuditLog() throws Exception {
        Flyway.configure().dataSource(TestDatabase.url(database), "postgres", "").target("7").load().migrate();
        try (Connection connection = TestDatabase.connect(database); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO users (id, username, role, time_zone, created_at) VALUES"
                    + " ('00000000-0000-0000-0000-00000000000a', 'alice', 'SELLER', 'UTC', now())");
            statement.execute("INSERT INTO budget_changes (user_id, changed_by, changed_at, before, after) VALUES"
                    + " ('00000000-0000-0000-0000-00000000000a', '00000000-0000-0000-0000-00000000000b', now(), NULL,"
                    + " '{\"period\": \"DAILY\", \"timeZone\": \"UTC\", \"hardLimitUsd\": \"0.006\"}')");
        }

        Flyway.configure().dataSource(TestDatabase.url(database), "postgres", "").load().migrate();

        try (Connection connection = TestDatabase.connect(database); Statement statement = connection.createStatement()) {
            assertThat(strings(statement, "SELECT concat_ws(' ', actor_id, action, subject, before, after->>'hardLimitUsd')"
                    + " FROM audit_log")).containsExactly("00000000-0000-0000-0000-00000000000b BUDGET_SET"
                    + " user:00000000-0000-0000-0000-00000000000a {} 0.006");
        }
    }

    private static List<String> strings(Statement statement, String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
