package dev.boomer.domain.item;

import dev.boomer.domain.money.Money;
import dev.boomer.domain.photo.Photo;
import dev.boomer.domain.user.UserId;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One second-hand item: its photos and where it is in the pipeline. Immutable; every transition returns a
 * new value and is checked against {@link ItemStatus}'s table.
 *
 * @param attempt starts at 1 and grows when a person requeues the item, so that cost entries of a
 *                deliberate re-run are new while a job that merely runs twice records nothing twice
 * @param reason  why the item is not (yet) drafted: a reason code and message for people
 * @param waitsFor a parked item's room to wait for: the most its refused call could cost, so that it resumes
 *                 when that much of its owner's budget is free, not every time the budget is looked at
 * @param retries  transient faults retried in this attempt; a provider's own wait (Retry-After) is no fault
 * @param nextAttemptAt when a RECEIVED item waiting for a retry or a provider may run again; before it,
 *                 nobody claims it
 * @param providersWait the next attempt is the provider's wait (Retry-After, an open breaker), which nobody
 *                 may cut short; otherwise it is Boomer's own backoff, which a person may ({@link #retriedNow})
 */
public record Item(
        ItemId id,
        UserId owner,
        Priority priority,
        ItemStatus status,
        Optional<String> sku,
        List<Photo> photos,
        Optional<String> reason,
        Optional<Money> waitsFor,
        int attempt,
        int retries,
        Optional<Instant> nextAttemptAt,
        boolean providersWait,
        Instant createdAt,
        Instant updatedAt) {

    public static final int MAX_PHOTOS = 12;
    public static final int MAX_SKU_LENGTH = 64;

    public Item {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(waitsFor, "waitsFor");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        photos = List.copyOf(photos);
        if (photos.isEmpty() || photos.size() > MAX_PHOTOS) {
            throw new IllegalArgumentException("an item has 1 to " + MAX_PHOTOS + " photos, not " + photos.size());
        }
        if (sku.isPresent() && (sku.get().isBlank() || sku.get().length() > MAX_SKU_LENGTH)) {
            throw new IllegalArgumentException("sku must be 1 to " + MAX_SKU_LENGTH + " characters");
        }
        if (waitsFor.isPresent() && status != ItemStatus.PARKED) {
            throw new IllegalArgumentException("only a parked item waits for budget room, not a " + status + " one");
        }
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be >= 1, not " + attempt);
        }
        if (retries < 0) {
            throw new IllegalArgumentException("retries must be >= 0, not " + retries);
        }
        if (nextAttemptAt.isPresent() && status != ItemStatus.RECEIVED) {
            throw new IllegalArgumentException("only a waiting item has a next attempt, not a " + status + " one");
        }
        if (providersWait && nextAttemptAt.isEmpty()) {
            throw new IllegalArgumentException("a provider's wait has an end");
        }
    }

    public static Item received(ItemId id, UserId owner, Priority priority, Optional<String> sku,
                                List<Photo> photos, Instant now) {
        return new Item(id, owner, priority, ItemStatus.RECEIVED, sku, photos, Optional.empty(), Optional.empty(), 1,
                0, Optional.empty(), false, now, now);
    }

    public Item startProcessing(Instant now) {
        return moveTo(ItemStatus.PROCESSING, Optional.empty(), now);
    }

    public Item drafted(Instant now) {
        return moveTo(ItemStatus.DRAFTED, Optional.empty(), now);
    }

    public Item needsReview(String reason, Instant now) {
        return moveTo(ItemStatus.NEEDS_REVIEW, Optional.of(reason), now);
    }

    public Item failed(String reason, Instant now) {
        return moveTo(ItemStatus.FAILED, Optional.of(reason), now);
    }

    /** @param waitsFor the budget room the item needs to go on: it resumes once that much is free */
    public Item parked(String reason, Money waitsFor, Instant now) {
        Item moved = moveTo(ItemStatus.PARKED, Optional.of(reason), now);
        return new Item(id, owner, priority, moved.status, sku, photos, moved.reason, Optional.of(waitsFor), attempt,
                retries, Optional.empty(), false, createdAt, now);
    }

    /**
     * Handed back to wait until {@code at}, in the same attempt: after a transient fault ({@code fault}: it
     * counts as one more retry) or for a provider that asked to be left alone that long (it does not).
     */
    public Item waitingUntil(Instant at, String reason, boolean fault, Instant now) {
        Item moved = moveTo(ItemStatus.RECEIVED, Optional.of(reason), now);
        return new Item(id, owner, priority, moved.status, sku, photos, moved.reason, Optional.empty(), attempt,
                fault ? retries + 1 : retries, Optional.of(at), !fault, createdAt, now);
    }

    /** Whether a person may run the waiting item at once: only Boomer's own backoff can be cut short. */
    public boolean canRetryNow() {
        return status == ItemStatus.RECEIVED && nextAttemptAt.isPresent() && !providersWait;
    }

    /**
     * A person cuts Boomer's own backoff short: the item is due at once, in the same attempt, its retries
     * unchanged. A provider's wait is never cut.
     */
    public Item retriedNow(Instant now) {
        if (!canRetryNow()) {
            throw new IllegalStateException("item " + id + " is not waiting for a backoff of Boomer's own");
        }
        return new Item(id, owner, priority, status, sku, photos, reason, Optional.empty(), attempt, retries,
                Optional.empty(), false, createdAt, now);
    }

    /** When the item may be claimed: now, unless it waits for a retry or a provider. */
    public boolean isDue(Instant now) {
        return nextAttemptAt.map(at -> !at.isAfter(now)).orElse(true);
    }

    /** Its owner's budget has room again: the parked item continues, in the same attempt. */
    public Item resumed(Instant now) {
        if (status != ItemStatus.PARKED) {
            throw new IllegalStatusTransition(id, status, ItemStatus.RECEIVED);
        }
        return moveTo(ItemStatus.RECEIVED, Optional.empty(), now);
    }

    /** A person asked for the item to be processed again: a new attempt, charged anew. */
    public Item requeued(Instant now) {
        Item moved = moveTo(ItemStatus.RECEIVED, Optional.empty(), now);
        return new Item(id, owner, priority, moved.status, sku, photos, moved.reason, Optional.empty(), attempt + 1,
                0, Optional.empty(), false, createdAt, now);
    }

    private Item moveTo(ItemStatus next, Optional<String> newReason, Instant now) {
        if (!status.canMoveTo(next)) {
            throw new IllegalStatusTransition(id, status, next);
        }
        return new Item(id, owner, priority, next, sku, photos, newReason, Optional.empty(), attempt, retries,
                Optional.empty(), false, createdAt, now);
    }
}
