package dev.boomer.adapter.persistence.embedded;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.nio.file.Path;

/**
 * Settings of the embedded PostgreSQL under {@code boomer.embedded-postgres}, used only when no
 * {@code datasources.default.url} is configured.
 *
 * @param port    0 picks a free port at each start
 * @param dataDir where the database files live; by default {@code ${boomer.data-dir}/postgres}
 */
@ConfigurationProperties("boomer.embedded-postgres")
record EmbeddedPostgresConfig(@Nullable Integer port, @Nullable Path dataDir) {

    EmbeddedPostgresConfig {
        port = port == null ? 0 : port;
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("boomer.embedded-postgres.port must be 0..65535, not " + port);
        }
    }
}
