package dev.boomer.jobs;

import dev.boomer.domain.item.Item;
import dev.boomer.domain.item.ItemId;
import dev.boomer.domain.work.WorkQueue;
import io.micronaut.context.annotation.Bean;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

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
    private volatile boolean starting = true;

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
        if (instantStart && starting && item.isDue(clock.instant()) && localWorkers.tryAcquire()) {
            try {
                executor.execute(() -> runNow(item.id()));
            } catch (RejectedExecutionException stopping) {
                localWorkers.release(); // its durable job runs it, on another instance if this one stops
            }
        }
    }

    /** No more instant starts: the instance is stopping. */
    void stopStarting() {
        starting = false;
        executor.shutdown();
    }

    /** Waits for the instant starts already running; past the wait, they are interrupted. */
    void awaitRunning(Duration wait) {
        try {
            if (!executor.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
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
