package dev.boomer.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
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
                            "cache_entries", "budget_periods", "budget_reservations", "budget_changes", "item_photos", "signing_keys", "failed_attempts",
                            "flyway_schema_history");
            assertThat(strings(statement, "SELECT version FROM flyway_schema_history WHERE success ORDER BY"
                    + " installed_rank")).containsExactly("1", "2", "3", "4", "5", "6", "7");
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
