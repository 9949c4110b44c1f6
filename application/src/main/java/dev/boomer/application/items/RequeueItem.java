package dev.boomer.application.items;

import dev.boomer.domain.item.Item;
import dev.boomer.domain.item.ItemId;
import dev.boomer.domain.item.ItemRepository;
import dev.boomer.domain.item.ItemStatus;
import dev.boomer.domain.work.WorkQueue;

import java.time.Clock;

/**
 * A person asks for an item to be processed again: a new attempt, charged anew, scheduled for certain.
 * Only a settled or parked item can be; one that is waiting or running is left as it is.
 */
public final class RequeueItem {

    public sealed interface Result {
        Item item();
    }

    /** Back to RECEIVED in a new attempt, with its job scheduled. */
    public record Requeued(Item item) implements Result {
    }

    /** RECEIVED or PROCESSING: it will run anyway; requeue it once it has settled. */
    public record NotSettled(Item item) implements Result {
    }

    private final ItemRepository items;
    private final WorkQueue queue;
    private final Clock clock;

    public RequeueItem(ItemRepository items, WorkQueue queue, Clock clock) {
        this.items = items;
        this.queue = queue;
        this.clock = clock;
    }

    /** @throws ItemNotFound when there is no such item or the viewer may not see it */
    public Result requeue(Viewer viewer, ItemId id) {
        Item item = items.findById(id).filter(viewer::canSee).orElseThrow(() -> new ItemNotFound(id));
        if (item.status() == ItemStatus.RECEIVED || item.status() == ItemStatus.PROCESSING) {
            return new NotSettled(item);
        }
        Item requeued = item.requeued(clock.instant());
        if (!items.updateIfUnchanged(requeued, item.updatedAt())) {
            // someone requeued it meanwhile: it runs once, in their attempt
            return new NotSettled(items.findById(id).orElse(item));
        }
        queue.enqueue(requeued);
        return new Requeued(requeued);
    }
}
