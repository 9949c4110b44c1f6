package dev.boomer.inbox;

import dev.boomer.application.intake.SubmitItem;
import dev.boomer.domain.user.UserRepository;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs {@link InboxScanner#scanOnce()} every scan interval on a virtual thread, from server start to
 * shutdown. The scheduler is created at start, not with the bean, so a context that never serves (a test,
 * a CLI) never scans.
 */
@Singleton
@Requires(beans = SubmitItem.class)
final class InboxWatcher implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(InboxWatcher.class);

    private final InboxConfig config;
    private final Path dir;
    private final Supplier<List<InboxOutcome>> scan;
    private ScheduledExecutorService scheduler;

    @Inject
    InboxWatcher(InboxConfig config, @Value("${boomer.data-dir:" + InboxConfig.DATA_DIR_DEFAULT + "}") Path dataDir,
                 SubmitItem submitItem, UserRepository users, Clock clock) {
        this(config, config.dirUnder(dataDir), new InboxScanner(config.dirUnder(dataDir), clock, config.quietPeriod(),
                users::findByUsername, submitItem)::scanOnce);
    }

    InboxWatcher(InboxConfig config, Path dir, Supplier<List<InboxOutcome>> scan) {
        this.config = config;
        this.dir = dir;
        this.scan = scan;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        start();
    }

    synchronized void start() {
        if (!config.enabled()) {
            LOG.info("Inbox watcher disabled (boomer.inbox.enabled=false)");
            return;
        }
        if (scheduler != null) {
            return;
        }
        try {
            Files.createDirectories(dir); // so people see where to drop photos
        } catch (IOException e) {
            LOG.warn("Cannot create inbox {}: {}", dir, e.toString());
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("inbox-watcher").factory());
        long interval = config.scanInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::scanSafely, 0, interval, TimeUnit.MILLISECONDS);
        LOG.info("Watching inbox {} every {} (quiet period {})", dir.toAbsolutePath(),
                config.scanInterval(), config.quietPeriod());
    }

    @PreDestroy
    synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    synchronized boolean running() {
        return scheduler != null;
    }

    /** A scheduled task that throws is never run again: nothing may escape. */
    void scanSafely() {
        try {
            scan.get().forEach(InboxWatcher::log);
        } catch (Exception | LinkageError e) {
            LOG.error("Inbox scan failed; trying again next interval", e);
        }
    }

    private static void log(InboxOutcome outcome) {
        switch (outcome) {
            case InboxOutcome.Submitted s -> LOG.info("Inbox {}/{}: submitted item {}", s.username(), s.folder(),
                    s.item());
            case InboxOutcome.Rejected r -> LOG.info("Inbox {}/{}: rejected ({}: {})", r.username(), r.folder(),
                    r.code(), r.message());
            case InboxOutcome.Failed f -> LOG.warn("Inbox {}/{}: failed, will retry: {}", f.username(), f.folder(),
                    f.message());
        }
    }
}
