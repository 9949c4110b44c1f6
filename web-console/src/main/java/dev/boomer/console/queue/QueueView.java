package dev.boomer.console.queue;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * The queue page: items waiting for a retry or their provider, items that failed or gave up, JobRunr's job
 * counts, items per status, and the jobs that failed with an error of Boomer's own.
 */
record QueueView(List<Count> jobs, List<Count> items, int servers, List<ItemRow> waiting, List<ItemRow> failedItems,
                 List<FailedJob> failed, int failedShown, long failedTotal) {

    QueueView {
        jobs = List.copyOf(jobs);
        items = List.copyOf(items);
        waiting = List.copyOf(waiting);
        failedItems = List.copyOf(failedItems);
        failed = List.copyOf(failed);
    }

    /**
     * An item that waits or failed: why, how often it was retried, and when it runs next (if it does);
     * {@code providersWait} when that time is its provider's (no "retry now"), not Boomer's own backoff.
     */
    record ItemRow(String id, String url, String reason, int retries, @Nullable String nextAttemptAt,
                   boolean providersWait, String updatedAt) {
    }

    /** One labelled number; {@code cssClass} colours the tile, {@code href} (may be null) lists what it counts. */
    record Count(String label, long value, String cssClass, @Nullable String href) {
    }

    /**
     * A failed job, its last error and, when it processes an item, that item's page.
     */
    record FailedJob(String id, String name, String itemUrl, String failedAt, String exceptionType,
                     String message, int retries) {
    }
}
