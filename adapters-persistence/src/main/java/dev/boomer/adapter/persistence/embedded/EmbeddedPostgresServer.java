package dev.boomer.adapter.persistence.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A PostgreSQL server started from the bundled binaries, its data kept in a directory across restarts. */
final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;
    private final Path dataDir;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    static EmbeddedPostgresServer start(Path dataDir, int port) {
        Path directory = dataDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(directory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    // keep the data: initdb runs only when the directory holds no cluster yet
                    .setCleanDataDirectory(false)
                    // The library turns these off for speed in tests; this database holds the jobs and the
                    // ledger, which a power loss must not corrupt.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on");
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder.start();
            LOG.info("No datasources.default.url configured: using embedded PostgreSQL on port {} with its data in {}",
                    postgres.getPort(), directory);
            return new EmbeddedPostgresServer(postgres, directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL with its data in " + directory, e);
        }
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    int port() {
        return postgres.getPort();
    }

    Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        try {
            postgres.close();
            LOG.info("Embedded PostgreSQL stopped");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop embedded PostgreSQL", e);
        }
    }
}
