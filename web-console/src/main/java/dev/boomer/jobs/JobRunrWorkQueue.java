package dev.boomer.jobs;

import dev.boomer.domain.item.Item;
import dev.boomer.domain.item.ItemId;
import dev.boomer.domain.work.WorkQueue;
import io.micronaut.context.annotation.Bean;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * Schedules a durable JobRunr job for every item that is to run ({@link ItemJobs}) and, when the item is
 * due and a local worker is free, starts it at once on a virtual thread. JobRunr polls every few seconds;
 * starting at once removes that wait on an idle system, and the job later finds the item done. The job is
 * scheduled first, so a start never depends on the instant path.
 */
@Singleton
@Bean(preDestroy = "close")
public class JobRunrWorkQueue implements WorkQueue, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JobRunrWorkQueue.class);

    private final ItemJobs jobs;
    private final ItemRunner runner;
    private final Clock clock;
    private final boolean instantStart;
    private final Semaphore localWorkers;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    JobRunrWorkQueue(ItemJobs jobs, ItemRunner runner, Clock clock, JobsProperties properties) {
        this.jobs = jobs;
        this.runner = runner;
        this.clock = clock;
        this.instantStart = properties.instantStart();
        this.localWorkers = new Semaphore(properties.workers());
    }

    @Override
    public void enqueue(Item item) {
        jobs.schedule(item);
        if (instantStart && item.isDue(clock.instant()) && localWorkers.tryAcquire()) {
            executor.execute(() -> runNow(item.id()));
        }
    }

    private void runNow(ItemId item) {
        try {
            jobs.followUp(runner.run(item));
        } catch (RuntimeException e) {
            LOG.debug("instant start of {} failed; its durable job runs it", item, e);
        } finally {
            localWorkers.release();
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
