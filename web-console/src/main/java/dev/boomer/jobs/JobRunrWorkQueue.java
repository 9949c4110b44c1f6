package dev.boomer.jobs;

import dev.boomer.application.processing.ProcessOutcome;
import dev.boomer.domain.item.Item;
import dev.boomer.domain.item.ItemId;
import dev.boomer.domain.work.WorkQueue;
import io.micronaut.context.annotation.Bean;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Schedules a durable JobRunr job for every item that is to run ({@link ItemJobs}) and, when the item is
 * due and a local worker is free, starts it at once on a virtual thread. JobRunr polls every few seconds;
 * starting at once removes that wait on an idle system, and the job later finds the item done. The job is
 * scheduled first, so a start never depends on the instant path.
 *
 * <p>After a run, an item that waits a short time (a provider's limit frees up in a second or two) is also
 * started here when its wait ends, instead of at the next poll after it: on a rate-limited provider those
 * polls were the calls per minute lost. Its durable job stays scheduled for the same time, in case this
 * instance stops first, and finds the item done.
 */
@Singleton
@Bean(preDestroy = "close")
public class JobRunrWorkQueue implements WorkQueue, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JobRunrWorkQueue.class);
    /** Longer waits are left to the durable job: a poll late is little on them, and they need no timer here. */
    static final Duration MAX_LOCAL_WAIT = Duration.ofMinutes(1);

    private final ItemJobs jobs;
    private final ItemRunner runner;
    private final Clock clock;
    private final boolean instantStart;
    private final Semaphore localWorkers;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService wakeUps = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("boomer-wake-ups").daemon().factory());
    /** Items with a local start pending: one is enough, a later wait is found when it runs. */
    private final Set<ItemId> wakingUp = ConcurrentHashMap.newKeySet();
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
        if (item.isDue(clock.instant())) {
            startIfFree(item.id());
        }
    }

    /** After a run: the item's next job if it waits ({@link ItemJobs#followUp}), and a local start for a short wait. */
    public void followUp(ProcessOutcome outcome) {
        jobs.followUp(outcome);
        waiting(outcome).flatMap(Item::nextAttemptAt).ifPresent(at -> {
            Duration wait = Duration.between(clock.instant(), at);
            ItemId item = outcome.item();
            if (instantStart && starting && wait.compareTo(MAX_LOCAL_WAIT) <= 0 && wakingUp.add(item)) {
                // a millisecond late rather than early: an early start finds the item not due yet
                long delay = Math.max(0, wait.toMillis()) + 1;
                try {
                    wakeUps.schedule(() -> {
                        wakingUp.remove(item);
                        startIfFree(item);
                    }, delay, TimeUnit.MILLISECONDS);
                } catch (RejectedExecutionException stopping) {
                    wakingUp.remove(item); // its durable job runs it
                }
            }
        });
    }

    private static Optional<Item> waiting(ProcessOutcome outcome) {
        return switch (outcome) {
            case ProcessOutcome.RetryLater retry -> Optional.of(retry.waiting());
            case ProcessOutcome.NotDue notDue -> Optional.of(notDue.waiting());
            default -> Optional.empty();
        };
    }

    /** No more instant starts: the instance is stopping. */
    void stopStarting() {
        starting = false;
        wakeUps.shutdownNow();
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

    /** Starts the item here when a local worker is free; otherwise its durable job runs it. */
    private void startIfFree(ItemId item) {
        if (instantStart && starting && localWorkers.tryAcquire()) {
            try {
                executor.execute(() -> runNow(item));
            } catch (RejectedExecutionException stopping) {
                localWorkers.release(); // its durable job runs it, on another instance if this one stops
            }
        }
    }

    private void runNow(ItemId item) {
        try {
            followUp(runner.run(item));
        } catch (RuntimeException e) {
            LOG.debug("instant start of {} failed; its durable job runs it", item, e);
        } finally {
            localWorkers.release();
        }
    }

    @Override
    public void close() {
        wakeUps.shutdownNow();
        executor.shutdownNow();
    }
}
