package dev.boomer.jobs;

import org.jobrunr.jobs.lambdas.JobRequest;

/** The recurring job that finds unfinished items without a live job (see {@link ItemReconciliation}). */
public record ReconcileItemsJob() implements JobRequest {

    @Override
    public Class<ReconcileItemsJobHandler> getJobRequestHandler() {
        return ReconcileItemsJobHandler.class;
    }
}
