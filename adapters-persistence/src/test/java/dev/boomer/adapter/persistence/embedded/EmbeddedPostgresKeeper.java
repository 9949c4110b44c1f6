package dev.boomer.adapter.persistence.embedded;

import java.nio.file.Path;

/** Runs in a JVM of its own: starts the embedded server on a directory and keeps it until it is killed. */
public final class EmbeddedPostgresKeeper {

    private EmbeddedPostgresKeeper() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(Path.of(args[0]), 0);
        System.out.println("ready " + server.port());
        System.out.flush();
        new java.util.concurrent.CountDownLatch(1).await(); // until the test kills this JVM
    }
}
