package dev.boomer.jobs;

import dev.boomer.application.processing.ProcessOutcome;
import dev.boomer.domain.item.ItemId;
import jakarta.inject.Singleton;
import org.jobrunr.jobs.lambdas.JobRequestHandler;

/**
 * Runs {@link ProcessItemJob}s. Outcomes that settle the item end the job; a transient fault or another
 * worker's live lease fails the job so that JobRunr retries it with backoff.
 */
@Singleton
public class ProcessItemJobHandler implements JobRequestHandler<ProcessItemJob> {

    private final ItemRunner runner;

    ProcessItemJobHandler(ItemRunner runner) {
        this.runner = runner;
    }

    @Override
    public void run(ProcessItemJob job) {
        ProcessOutcome outcome = runner.run(new ItemId(job.itemId()));
        switch (outcome) {
            case ProcessOutcome.RetryLater retry -> throw new RetryLaterException(retry.reason());
            case ProcessOutcome.Busy busy -> throw new RetryLaterException(
                    "item " + busy.item() + " is being processed elsewhere; checking again later");
            default -> {
                // settled: the item's status tells the rest
            }
        }
    }

    /** Makes JobRunr retry the job with its backoff. */
    static final class RetryLaterException extends RuntimeException {
        RetryLaterException(String message) {
            super(message);
        }
    }
}
