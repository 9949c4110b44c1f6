package dev.boomer.testing;

import dev.boomer.adapter.persistence.TestDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Properties of a whole Boomer server for tests: its own fresh database on the test PostgreSQL, its own
 * data directory, a known admin password and token, no demo data, zero-latency simulated providers.
 */
public final class TestApp {

    public static final String ADMIN_PASSWORD = "admin-test-password";
    public static final String ADMIN_TOKEN = "bmr_test-admin-token";

    private TestApp() {
    }

    public static Map<String, String> properties() {
        Path dataDir = tempDir();
        String database = TestDatabase.createDatabase();
        Map<String, String> properties = new HashMap<>();
        TestDatabase.datasourceProperties(database).forEach((k, v) -> properties.put(k, String.valueOf(v)));
        properties.put("boomer.data-dir", dataDir.toString());
        properties.put("boomer.inbox.enabled", "false");
        properties.put("boomer.demo.enabled", "false");
        properties.put("boomer.bootstrap.admin-password", ADMIN_PASSWORD);
        properties.put("boomer.bootstrap.token", ADMIN_TOKEN);
        return properties;
    }

    public static Path photosDir(Map<String, String> properties) {
        return Path.of(properties.get("boomer.data-dir")).resolve("photos");
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("boomer-test-data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
