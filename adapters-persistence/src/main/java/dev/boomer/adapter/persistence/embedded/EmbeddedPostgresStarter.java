package dev.boomer.adapter.persistence.embedded;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanInitializedEventListener;
import io.micronaut.context.event.BeanInitializingEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Points the default datasource at an embedded PostgreSQL when no JDBC URL is configured, so Boomer runs
 * with nothing installed. Any configuration source that sets {@code datasources.default.url} (a file,
 * {@code DATASOURCES_DEFAULT_URL}) selects a real server instead and nothing is started.
 */
@Singleton
final class EmbeddedPostgresStarter implements BeanInitializedEventListener<DatasourceConfiguration> {

    private static final String DEFAULT_DATASOURCE = "default";

    private final EmbeddedPostgresConfig config;
    private final Path dataDir;
    private EmbeddedPostgresServer server;

    EmbeddedPostgresStarter(EmbeddedPostgresConfig config, @Value("${boomer.data-dir:./data}") String boomerDataDir) {
        this.config = config;
        this.dataDir = config.dataDir() != null ? config.dataDir() : Path.of(boomerDataDir, "postgres");
    }

    @Override
    public synchronized DatasourceConfiguration onInitialized(BeanInitializingEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration datasource = event.getBean();
        if (!DEFAULT_DATASOURCE.equals(datasource.getName()) || hasText(datasource.getConfiguredUrl())) {
            return datasource;
        }
        if (server == null) {
            server = EmbeddedPostgresServer.start(dataDir, config.port());
        }
        datasource.setUrl(server.jdbcUrl());
        datasource.setUsername("postgres");
        datasource.setPassword("");
        datasource.setDriverClassName("org.postgresql.Driver");
        return datasource;
    }

    /** Empty until a datasource has asked for the embedded server. */
    synchronized Optional<EmbeddedPostgresServer> server() {
        return Optional.ofNullable(server);
    }

    @PreDestroy
    synchronized void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    private static boolean hasText(String text) {
        return text != null && !text.isBlank();
    }
}
