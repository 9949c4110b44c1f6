package dev.boomer.jobs;

import jakarta.inject.Singleton;
import org.jobrunr.scheduling.JobRequestScheduler;

/** Queues the repricing of stale drafts as a JobRunr job, so that whoever asks needs no JobRunr of its own. */
@Singleton
public class RepriceJobs {

    private final JobRequestScheduler scheduler;

    RepriceJobs(JobRequestScheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** @return the queued job's id */
    public String reprice(int olderThanDays) {
        return scheduler.enqueue(new RepriceStaleJob(olderThanDays)).toString();
    }
}
