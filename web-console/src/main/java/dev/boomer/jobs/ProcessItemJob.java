package dev.boomer.jobs;

import org.jobrunr.jobs.lambdas.JobRequest;

import java.util.UUID;

/** The durable job of one item. It carries the item id only: our tables hold the state. */
public record ProcessItemJob(UUID itemId) implements JobRequest {

    @Override
    public Class<ProcessItemJobHandler> getJobRequestHandler() {
        return ProcessItemJobHandler.class;
    }
}
