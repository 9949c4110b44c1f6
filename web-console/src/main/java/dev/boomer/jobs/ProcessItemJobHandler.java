package dev.boomer.jobs;

import dev.boomer.domain.item.ItemId;
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

    ProcessItemJobHandler(ItemRunner runner, ItemJobs jobs) {
        this.runner = runner;
        this.jobs = jobs;
    }

    @Override
    public void run(ProcessItemJob job) {
        jobs.followUp(runner.runMostUrgent(new ItemId(job.itemId())));
    }
}
