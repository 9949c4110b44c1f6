package dev.boomer.application.processing;

import dev.boomer.domain.item.Item;
import dev.boomer.domain.item.ItemId;

import java.time.Instant;

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

    /**
     * A transient fault or a provider's wait: the item went back to RECEIVED until {@code waiting}'s next
     * attempt, which whoever ran it now schedules.
     *
     * @param fault whether it counted as a retry (a provider's Retry-After does not)
     */
    record RetryLater(ItemId item, Item waiting, String reason, boolean fault) implements ProcessOutcome {
        public Instant at() {
            return waiting.nextAttemptAt().orElseThrow();
        }
    }

    /** Another worker holds the item under a live lease: try again after the lease, in case that worker died. */
    record Busy(ItemId item) implements ProcessOutcome {
    }

    /**
     * Another worker took the item over while this run worked (its lease had run out): this run's results
     * were dropped, its paid calls stay recorded.
     */
    record LeaseLost(ItemId item) implements ProcessOutcome {
    }

    /**
     * The item waits for a later attempt than this run was started for (a scheduler may start a job a little
     * early): whoever ran it schedules it again for {@code waiting}'s next attempt, so that it is not dropped.
     */
    record NotDue(ItemId item, Item waiting) implements ProcessOutcome {
    }

    /** Nothing to do: the item is unknown, or not waiting for processing. */
    record Skipped(ItemId item, String reason) implements ProcessOutcome {
    }
}
