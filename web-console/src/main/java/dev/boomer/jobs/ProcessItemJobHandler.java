package dev.boomer.jobs;

import dev.boomer.application.processing.ProcessOutcome;
import dev.boomer.domain.item.ItemId;
import dev.boomer.domain.item.ItemRepository;
import dev.boomer.domain.item.ItemStatus;
import jakarta.inject.Singleton;
import org.jobrunr.jobs.lambdas.JobRequestHandler;

/**
 * Runs {@link ProcessItemJob}s. Every outcome ends the job: an item that waits gets a new job for the
 * time it waits for (never JobRunr's own retry, which would ignore a provider's Retry-After and spend one
 * of its retries on each wait), and an item held by another instance is left to it (if that instance
 * dies, the reconciliation finds the expired lease). Only a failure of Boomer itself, such as the
 * database being unreachable, throws into JobRunr's retries.
 */
@Singleton
public class ProcessItemJobHandler implements JobRequestHandler<ProcessItemJob> {

    private final ItemRunner runner;
    private final ItemJobs jobs;
    private final JobRunrWorkQueue queue;
    private final ItemRepository items;

    ProcessItemJobHandler(ItemRunner runner, ItemJobs jobs, JobRunrWorkQueue queue, ItemRepository items) {
        this.runner = runner;
        this.jobs = jobs;
        this.queue = queue;
        this.items = items;
    }

    /**
     * Runs the most urgent due item (see {@link ItemRunner#runMostUrgent}); when that was another than the
     * job's own, the own item gets a fresh job if it still waits to run, so that no item is left without one.
     */
    @Override
    public void run(ProcessItemJob job) {
        ItemId own = new ItemId(job.itemId());
        ProcessOutcome outcome = runner.runMostUrgent(own);
        queue.followUp(outcome);
        if (!outcome.item().equals(own)) {
            items.findById(own).filter(item -> item.status() == ItemStatus.RECEIVED).ifPresent(jobs::scheduleAgain);
        }
    }
}
