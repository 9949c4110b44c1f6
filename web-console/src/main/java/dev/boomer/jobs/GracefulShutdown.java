package dev.boomer.jobs;

import dev.boomer.application.processing.ProcessingSettings;
import dev.boomer.domain.item.Item;
import dev.boomer.domain.item.ItemRepository;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * On shutdown (SIGTERM): this instance stops taking items, lets the running ones finish for
 * {@code boomer.shutdown.grace}, then hands back what it still holds (leases released, jobs scheduled) so
 * that another instance takes them at once instead of after their lease. A run that goes on past the
 * hand-back is fenced out of every write.
 */
@Context // created at the start, so that it is there to be destroyed first at the end
class GracefulShutdown {

    private static final Logger LOG = LoggerFactory.getLogger(GracefulShutdown.class);

    private final JobRunrWorkQueue queue;
    private final JobRunrFactory.JobRunrRuntime jobRunr;
    private final ItemRepository items;
    private final ItemJobs jobs;
    private final ProcessingSettings settings;
    private final Clock clock;
    private final Duration grace;

    GracefulShutdown(JobRunrWorkQueue queue, JobRunrFactory.JobRunrRuntime jobRunr, ItemRepository items,
                     ItemJobs jobs, ProcessingSettings settings, Clock clock,
                     @Value("${boomer.shutdown.grace:30s}") Duration grace) {
        this.queue = queue;
        this.jobRunr = jobRunr;
        this.items = items;
        this.jobs = jobs;
        this.settings = settings;
        this.clock = clock;
        this.grace = grace;
    }

    @PreDestroy
    void handBack() {
        long deadline = System.nanoTime() + grace.toNanos();
        queue.stopStarting();
        jobRunr.stop(); // waits up to the grace for its running jobs (see JobRunrFactory), then interrupts them
        queue.awaitRunning(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        try {
            List<Item> handedBack = items.releaseHeldBy(settings.worker(),
                    "handed_back: " + settings.worker() + " stopped before the item was done", clock.instant());
            handedBack.forEach(jobs::ensureScheduled);
            if (!handedBack.isEmpty()) {
                LOG.warn("stopping: handed back {} item(s) still running after {} for other instances: {}",
                        handedBack.size(), grace, handedBack.stream().map(Item::id).toList());
            }
        } catch (RuntimeException e) {
            LOG.warn("stopping: could not hand back running items (their leases expire instead): {}", e.toString());
        }
    }
}
