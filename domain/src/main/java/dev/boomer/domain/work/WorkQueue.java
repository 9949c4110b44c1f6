package dev.boomer.domain.work;

import dev.boomer.domain.item.Item;

/**
 * Durable hand-off of items to the pipeline. The item id is all a job carries. Scheduling the same state
 * of an item twice (two instances resuming it) makes one run; every new state is a new run, so no start
 * of an item is ever lost to an earlier one.
 */
public interface WorkQueue {

    /** Runs the item as soon as it is due: now, or at its {@link Item#nextAttemptAt()}. */
    void enqueue(Item item);
}
