package dev.boomer.adapter.persistence.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.boomer.adapter.persistence.jdbc.SqlExecutor;
import dev.boomer.domain.user.Role;
import dev.boomer.domain.user.User;
import dev.boomer.domain.user.UserId;
import dev.boomer.domain.user.UserRepository;
import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresStarterTest {

    @TempDir
    Path dataDir;

    @Test
    void withoutAJdbcUrlAnEmbeddedPostgresIsStartedMigratedAndKeptAcrossRestarts() throws Exception {
        User alice = new User(UserId.random(), "alice", Role.ADMIN, ZoneOffset.UTC, Instant.parse("2025-01-01T00:00:00Z"));

        try (ApplicationContext first = start()) {
            String url = first.getBean(DatasourceConfiguration.class).getUrl();
            EmbeddedPostgresServer server = first.getBean(EmbeddedPostgresStarter.class).server().orElseThrow();
            assertThat(server.dataDir()).isEqualTo(dataDir.resolve("postgres").toAbsolutePath());
            assertThat(url).contains(":" + server.port() + "/");
            first.getBean(UserRepository.class).insert(alice);
            String settings = first.getBean(SqlExecutor.class).execute("SELECT string_agg(name || '=' || setting, ' '"
                    + " ORDER BY name) FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes')",
                    statement -> {
                        try (var rows = statement.executeQuery()) {
                            rows.next();
                            return rows.getString(1);
                        }
                    });
            assertThat(settings).as("durable: a power loss keeps jobs and ledger")
                    .isEqualTo("fsync=on full_page_writes=on synchronous_commit=on");
        }
        assertThat(dataDir.resolve("postgres").resolve("PG_VERSION")).exists();

        try (ApplicationContext second = start()) {
            assertThat(second.getBean(UserRepository.class).findByUsername("alice")).contains(alice);
        }
    }

    @Test
    void aServerLeftRunningByAKilledInstanceDoesNotStopTheNextStart() throws Exception {
        Path directory = dataDir.resolve("postgres");
        Process killed = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), EmbeddedPostgresKeeper.class.getName(),
                directory.toString()).redirectErrorStream(true).start();
        try (var output = new java.io.BufferedReader(new java.io.InputStreamReader(killed.getInputStream()))) {
            String line;
            do {
                line = output.readLine();
            } while (line != null && !line.startsWith("ready "));
            assertThat(line).as("the first instance's server came up").isNotNull();
        }
        long orphan = Long.parseLong(Files.readAllLines(directory.resolve("postmaster.pid")).getFirst().strip());
        killed.destroyForcibly().waitFor(); // kill -9: its PostgreSQL goes on running
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).contains(true);

        try (EmbeddedPostgresServer restarted = EmbeddedPostgresServer.start(directory, 0)) {
            assertThat(restarted.jdbcUrl()).contains(":" + restarted.port() + "/");
        }
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    @Test
    void aConfiguredJdbcUrlStartsNoEmbeddedPostgres() {
        try (ApplicationContext context = ApplicationContext.builder()
                .properties(Map.of("boomer.data-dir", dataDir.toString(),
                        "datasources.default.url", "jdbc:postgresql://127.0.0.1:5432/postgres",
                        "datasources.default.username", "postgres",
                        "datasources.default.password", ""))
                .start()) {
            context.getBean(DataSource.class);

            assertThat(context.getBean(EmbeddedPostgresStarter.class).server()).isEmpty();
            assertThat(Files.exists(dataDir.resolve("postgres"))).isFalse();
        }
    }

    private ApplicationContext start() {
        return ApplicationContext.builder()
                // the application's own settings name the default datasource without a URL
                .properties(Map.of("boomer.data-dir", dataDir.toString(),
                        "datasources.default.dialect", "POSTGRES",
                        "flyway.datasources.default.enabled", true))
                .singletons(Clock.systemUTC())
                .start();
    }
}
