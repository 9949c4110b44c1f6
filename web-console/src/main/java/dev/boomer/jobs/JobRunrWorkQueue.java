package dev.boomer.jobs;

import dev.boomer.domain.item.ItemId;
import dev.boomer.domain.item.Priority;
import dev.boomer.domain.work.WorkQueue;
import io.micronaut.context.annotation.Bean;
import jakarta.inject.Singleton;
import org.jobrunr.scheduling.JobRequestScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * Enqueues one durable JobRunr job per item (the job id is the item id, so an item is never queued twice)
 * and, when a local worker is free, starts the item at once on a virtual thread. JobRunr polls every few
 * seconds; starting at once removes that wait on an idle system, and the job later finds the item done.
 */
@Singleton
@Bean(preDestroy = "close")
public class JobRunrWorkQueue implements WorkQueue, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JobRunrWorkQueue.class);

    private final JobRequestScheduler scheduler;
    private final ItemRunner runner;
    private final boolean instantStart;
    private final Semaphore localWorkers;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    JobRunrWorkQueue(JobRequestScheduler scheduler, ItemRunner runner, JobsProperties properties) {
        this.scheduler = scheduler;
        this.runner = runner;
        this.instantStart = properties.instantStart();
        this.localWorkers = new Semaphore(properties.workers());
    }

    @Override
    public void enqueue(ItemId item, Priority priority) {
        scheduler.enqueue(item.value(), new ProcessItemJob(item.value()));
        if (instantStart && localWorkers.tryAcquire()) {
            executor.execute(() -> runNow(item));
        }
    }

    private void runNow(ItemId item) {
        try {
            runner.run(item);
        } catch (RuntimeException e) {
            LOG.debug("instant start of {} failed; the durable job will retry it", item, e);
        } finally {
            localWorkers.release();
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
