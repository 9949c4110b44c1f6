package dev.boomer.inbox;

import io.micronaut.context.ApplicationContext;
import dev.boomer.domain.user.Role;
import dev.boomer.domain.user.User;
import dev.boomer.domain.user.UserId;
import dev.boomer.domain.user.UserRepository;
import io.micronaut.context.env.PropertySource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
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
    void configDefaultsPutTheInboxUnderTheDataDir() {
        try (ApplicationContext context = ApplicationContext.run()) {
            InboxConfig config = context.getBean(InboxConfig.class);

            assertThat(config.dir()).isEmpty();
            assertThat(config.dirUnder(Path.of("/srv/boomer"))).isEqualTo(Path.of("/srv/boomer/inbox"));
            assertThat(config.quietPeriod()).isEqualTo(Duration.ofSeconds(10));
            assertThat(config.scanInterval()).isEqualTo(Duration.ofSeconds(2));
            assertThat(config.enabled()).isTrue();
        }
    }

    @Test
    void configBindsEveryKey() {
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "boomer.inbox.dir", "/mnt/drop",
                "boomer.inbox.quiet-period", "30s",
                "boomer.inbox.scan-interval", "500ms",
                "boomer.inbox.enabled", "false"))) {
            assertThat(context.getBean(InboxConfig.class))
                    .isEqualTo(new InboxConfig(Optional.of(Path.of("/mnt/drop")), Duration.ofSeconds(30), Duration.ofMillis(500),
                            false));
        }
    }

    @Test
    void theWiredWatcherTakesFoldersFromTheInboxUnderTheDataDir() throws Exception {
        IntakeDoubles.MutableClock clock = new IntakeDoubles.MutableClock(Instant.now());
        IntakeDoubles intake = new IntakeDoubles(clock);
        User alice = new User(UserId.random(), "alice", Role.OPERATOR, ZoneOffset.UTC, clock.instant());
        Path folder = Files.createDirectories(inbox.resolve("inbox/alice/lamp"));
        Files.write(folder.resolve("a.jpg"), IntakeDoubles.JPEG);
        Files.write(folder.resolve("READY"), new byte[0]);

        try (ApplicationContext context = ApplicationContext.builder()
                .properties(Map.of("boomer.data-dir", inbox.toString(), "boomer.inbox.scan-interval", "20ms"))
                .singletons(intake.submitItem, new OneUser(alice), clock).start()) {
            InboxWatcher watcher = context.getBean(InboxWatcher.class);
            assertThat(watcher.running()).as("only a started server scans").isFalse();

            watcher.start();
            await().atMost(Duration.ofSeconds(5)).until(() -> !intake.items.byId.isEmpty());
        }
        assertThat(intake.items.byId.values()).singleElement()
                .satisfies(item -> assertThat(item.owner()).isEqualTo(alice.id()));
        assertThat(folder).doesNotExist();
    }

    @Test
    void theWatcherIsOnlyWiredWhereIntakeIs() {
        try (ApplicationContext context = ApplicationContext.run()) {
            assertThat(context.findBean(InboxWatcher.class)).isEmpty();
        }
    }

    @Test
    void theInboxEnvironmentVariableSetsTheFolder() {
        // Micronaut's environment source maps BOOMER_INBOX_DIR to boomer.inbox.dir.
        try (ApplicationContext context = ApplicationContext.builder()
                .propertySources(PropertySource.of("env", Map.of("BOOMER_INBOX_DIR", "/var/drop"),
                        PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE))
                .start()) {
            assertThat(context.getBean(InboxConfig.class).dir()).contains(Path.of("/var/drop"));
        }
    }

    @Test
    void configRefusesABusyLoop() {
        assertThatThrownBy(() -> new InboxConfig(Optional.of(inbox), Duration.ZERO, Duration.ZERO, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scan-interval");
    }

    private InboxConfig config(boolean enabled) {
        return new InboxConfig(Optional.of(inbox), Duration.ofSeconds(10), Duration.ofMillis(10), enabled);
    }

    private record OneUser(User user) implements UserRepository {
        @Override
        public void insert(User other) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<User> findById(UserId id) {
            return Optional.of(user).filter(u -> u.id().equals(id));
        }

        @Override
        public Optional<User> findByUsername(String username) {
            return Optional.of(user).filter(u -> u.username().equals(username));
        }

        @Override
        public List<User> findAll() {
            return List.of(user);
        }

        @Override
        public long count() {
            return 1;
        }
    }
}
