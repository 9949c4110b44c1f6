package dev.boomer.jobs;

import org.jobrunr.jobs.lambdas.JobRequest;

/**
 * Quotes again the drafts priced more than {@code olderThanDays} ago (see
 * {@link dev.boomer.application.processing.RepriceStaleDrafts}): background work like any, on the Queue
 * page's job counts.
 */
public record RepriceStaleJob(int olderThanDays) implements JobRequest {

    @Override
    public Class<RepriceStaleJobHandler> getJobRequestHandler() {
        return RepriceStaleJobHandler.class;
    }
}
