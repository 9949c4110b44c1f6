package dev.boomer.console.queue;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/** The queue page: JobRunr's job counts, items per status, and the failed jobs. */
record QueueView(List<Count> jobs, List<Count> items, int servers, List<FailedJob> failed, int failedShown,
                 long failedTotal) {

    QueueView {
        jobs = List.copyOf(jobs);
        items = List.copyOf(items);
        failed = List.copyOf(failed);
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
