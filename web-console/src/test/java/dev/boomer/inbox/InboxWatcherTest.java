package dev.boomer.inbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class InboxWatcherTest {

    @TempDir
    Path inbox;

    @Test
    void aFailingScanDoesNotStopTheLoop() {
        AtomicInteger scans = new AtomicInteger();
        InboxWatcher watcher = new InboxWatcher(config(true), inbox, () -> {
            if (scans.incrementAndGet() <= 2) {
                throw new IllegalStateException("disk gone");
            }
            return List.of();
        });

        watcher.start();
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> scans.get() >= 4);
        } finally {
            watcher.stop();
        }
        assertThat(watcher.running()).isFalse();
    }

    @Test
    void aDisabledWatcherNeverScans() {
        AtomicInteger scans = new AtomicInteger();
        InboxWatcher watcher = new InboxWatcher(config(false), inbox, () -> {
            scans.incrementAndGet();
            return List.of();
        });

        watcher.start();

        assertThat(watcher.running()).isFalse();
        assertThat(scans).hasValue(0);
    }

    @Test
    void startingTwiceRunsOneLoop() {
        InboxWatcher watcher = new InboxWatcher(config(true), inbox.resolve("created"), List::of);
        watcher.start();
        try {
            watcher.start();
            assertThat(watcher.running()).isTrue();
        } finally {
            watcher.stop();
        }
        assertThat(inbox.resolve("created")).isDirectory();
    }

    @Test
    void configRefusesABusyLoop() {
        assertThatThrownBy(() -> new InboxConfig(Optional.of(inbox), Duration.ZERO, Duration.ZERO, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scan-interval");
    }

    private InboxConfig config(boolean enabled) {
        return new InboxConfig(Optional.of(inbox), Duration.ofSeconds(10), Duration.ofMillis(10), enabled);
    }
}
