package dev.boomer.adapter.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Optional;

/**
 * Finds a PostgreSQL server for the tests, once per JVM, in this order: {@code BOOMER_TEST_POSTGRES}
 * (host:port, trust authentication for user postgres); a server on 127.0.0.1:5432 (developer machines
 * and CI); a Testcontainers PostgreSQL when a Docker engine is available; an embedded PostgreSQL, so that
 * the tests also run on a machine with nothing but a JDK.
 */
public final class TestPostgresServer {

    private static final String LOCAL = "127.0.0.1:5432";
    private static String hostAndPort;

    private TestPostgresServer() {
    }

    public static synchronized String hostAndPort() {
        if (hostAndPort == null) {
            hostAndPort = Optional.ofNullable(System.getenv("BOOMER_TEST_POSTGRES")).filter(s -> !s.isBlank())
                    .or(() -> reachable(LOCAL) ? Optional.of(LOCAL) : Optional.empty())
                    .or(TestPostgresServer::container)
                    .orElseGet(TestPostgresServer::embedded);
        }
        return hostAndPort;
    }

    private static boolean reachable(String address) {
        String[] parts = address.split(":");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(parts[0], Integer.parseInt(parts[1])), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<String> container() {
        try {
            if (!DockerClientFactory.instance().isDockerAvailable()) {
                return Optional.empty();
            }
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty();
        }
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:15-alpine")
                .withUsername("postgres").withPassword("").withEnv("POSTGRES_HOST_AUTH_METHOD", "trust");
        container.start();
        return Optional.of(container.getHost() + ":" + container.getMappedPort(5432));
    }

    private static String embedded() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }, "stop-embedded-test-postgres"));
            return "127.0.0.1:" + postgres.getPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no PostgreSQL for the tests: none at " + LOCAL
                    + ", no Docker, and the embedded one did not start", e);
        }
    }
}
