package dev.boomer.testing;

import dev.boomer.adapter.persistence.TestDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Properties of a whole Boomer server for tests: its own fresh database on the test PostgreSQL, its own
 * data directory (both removed when the JVM exits), a random port, a known admin password and token, no
 * demo data, zero-latency simulated providers.
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
        // The simulated provider's Tier 1 limits would hold back tests that post many items in a minute;
        // the guards' own tests (and the resilience tests here) set the limits they check.
        properties.put("boomer.vision.simulated.limits.requests-per-minute", "0");
        properties.put("boomer.vision.simulated.limits.input-tokens-per-minute", "0");
        properties.put("boomer.vision.simulated.limits.output-tokens-per-minute", "0");
        return properties;
    }

    public static Path photosDir(Map<String, String> properties) {
        return Path.of(properties.get("boomer.data-dir")).resolve("photos");
    }

    /** A data directory of its own, deleted when the JVM exits: for a second instance on the same database. */
    public static Path newDataDir() {
        return tempDir();
    }

    private static Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("boomer-test-data");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir), "delete-" + dir.getFileName()));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort at exit: the OS cleans its temp directory eventually
        }
    }
}
