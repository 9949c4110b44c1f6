package dev.boomer.application.items;

import dev.boomer.domain.item.Item;
import dev.boomer.domain.item.ItemId;
import dev.boomer.domain.item.ItemRepository;
import dev.boomer.domain.work.WorkQueue;

import java.time.Clock;
import java.time.Instant;

/**
 * A person runs a waiting item at once instead of after Boomer's own backoff, in the same attempt with its
 * retries unchanged. A provider's wait (Retry-After, an open breaker) is never cut short.
 */
public final class RetryItemNow {

    public sealed interface Result {
        Item item();
    }

    /** Due now, with its job scheduled; it was to run at {@code wasDueAt}. */
    public record Retrying(Item item, Instant wasDueAt) implements Result {
    }

    /** The provider asked to be left alone until the item's next attempt: it runs then, not earlier. */
    public record ProvidersWait(Item item, Instant until) implements Result {
    }

    /** Not waiting for a retry (running, settled, parked, or already due; or it changed meanwhile). */
    public record NotWaiting(Item item) implements Result {
    }

    private final ItemRepository items;
    private final WorkQueue queue;
    private final Clock clock;

    public RetryItemNow(ItemRepository items, WorkQueue queue, Clock clock) {
        this.items = items;
        this.queue = queue;
        this.clock = clock;
    }

    /** @throws ItemNotFound when there is no such item or the viewer may not see it */
    public Result retryNow(Viewer viewer, ItemId id) {
        Item item = items.findById(id).filter(viewer::canSee).orElseThrow(() -> new ItemNotFound(id));
        if (item.providersWait()) {
            return new ProvidersWait(item, item.nextAttemptAt().orElseThrow());
        }
        if (!item.canRetryNow() || !item.nextAttemptAt().orElseThrow().isAfter(clock.instant())) {
            return new NotWaiting(item);
        }
        Item due = item.retriedNow(clock.instant());
        if (!items.updateIfUnchanged(due, item.updatedAt())) {
            return new NotWaiting(items.findById(id).orElse(item)); // a worker took it meanwhile
        }
        queue.enqueue(due);
        return new Retrying(due, item.nextAttemptAt().orElseThrow());
    }
}
