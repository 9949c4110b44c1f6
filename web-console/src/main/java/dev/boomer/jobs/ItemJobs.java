package dev.boomer.jobs;

import dev.boomer.application.processing.ProcessOutcome;
import dev.boomer.domain.item.Item;
import jakarta.inject.Singleton;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.scheduling.JobRequestScheduler;
import org.jobrunr.storage.JobNotFoundException;
import org.jobrunr.storage.StorageProvider;

import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * The JobRunr jobs of items. Each state of an item that waits to run (its id and the time it got there)
 * has its own job id: scheduling that state twice (two instances resuming one parked item) makes one job,
 * and every later state gets a new job, where a job id equal to the item id made JobRunr skip every
 * start after the first.
 */
@Singleton
public class ItemJobs {

    private static final Set<StateName> LIVE = EnumSet.of(StateName.AWAITING, StateName.SCHEDULED,
            StateName.ENQUEUED, StateName.PROCESSING);

    private final JobRequestScheduler scheduler;
    private final StorageProvider storage;

    ItemJobs(JobRequestScheduler scheduler, StorageProvider storage) {
        this.scheduler = scheduler;
        this.storage = storage;
    }

    /** A job for the item as it now stands: at once, or at its next attempt. */
    public void schedule(Item item) {
        schedule(jobId(item), item);
    }

    /**
     * After a run: an item that waits (a retry's backoff, a provider's Retry-After) gets the job for then.
     * JobRunr enqueues a scheduled job up to a poll interval early; a job that found its item not due yet
     * leaves a fresh one for the item's time (its own id is taken by the job that is running).
     */
    public void followUp(ProcessOutcome outcome) {
        switch (outcome) {
            case ProcessOutcome.RetryLater waiting -> schedule(waiting.waiting());
            case ProcessOutcome.NotDue notDue -> scheduleAgain(notDue.waiting());
            default -> { }
        }
    }

    /** A fresh job for the item as it stands, beside any it has (a job that ran another item in its place). */
    public void scheduleAgain(Item item) {
        schedule(UUID.randomUUID(), item);
    }

    /**
     * Schedules the item unless a live job is already there for it, as it now stands; true when it was
     * missing (lost between a commit and its scheduling, or run and finished without settling the item).
     */
    public boolean ensureScheduled(Item item) {
        UUID id = jobId(item);
        try {
            Job job = storage.getJobById(id);
            if (LIVE.contains(job.getState())) {
                return false;
            }
            scheduleAgain(item); // that job ran out without settling it
        } catch (JobNotFoundException missing) {
            schedule(id, item);
        }
        return true;
    }

    private void schedule(UUID id, Item item) {
        ProcessItemJob job = new ProcessItemJob(item.id().value());
        if (item.nextAttemptAt().isPresent()) {
            scheduler.schedule(id, item.nextAttemptAt().get(), job);
        } else {
            scheduler.enqueue(id, job);
        }
    }

    /** The item's id and the time of its last change, which the database keeps to the microsecond. */
    static UUID jobId(Item item) {
        String state = item.id().value() + "@" + item.updatedAt().truncatedTo(ChronoUnit.MICROS);
        return UUID.nameUUIDFromBytes(state.getBytes(StandardCharsets.UTF_8));
    }
}
