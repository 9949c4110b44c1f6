package dev.boomer.application.processing;

import dev.boomer.domain.item.ItemId;

import java.time.Duration;
import java.util.Optional;

/** What one run of {@link ProcessItem} did. */
public sealed interface ProcessOutcome {

    ItemId item();

    record Drafted(ItemId item) implements ProcessOutcome {
    }

    record NeedsReview(ItemId item, String reason) implements ProcessOutcome {
    }

    record Parked(ItemId item, String reason) implements ProcessOutcome {
    }

    record Failed(ItemId item, String reason) implements ProcessOutcome {
    }

    /** A transient fault: the item went back to RECEIVED and should be tried again after the wait, if known. */
    record RetryLater(ItemId item, String reason, Optional<Duration> after) implements ProcessOutcome {
    }

    /** Another worker holds the item under a live lease: try again after the lease, in case that worker died. */
    record Busy(ItemId item) implements ProcessOutcome {
    }

    /** Nothing to do: the item is unknown, or not waiting for processing. */
    record Skipped(ItemId item, String reason) implements ProcessOutcome {
    }
}
