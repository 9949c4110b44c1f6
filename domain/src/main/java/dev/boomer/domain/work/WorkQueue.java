package dev.boomer.domain.work;

import dev.boomer.domain.item.ItemId;
import dev.boomer.domain.item.Priority;

/** Durable hand-off of items to the pipeline. The item id is all a job carries. */
public interface WorkQueue {

    void enqueue(ItemId item, Priority priority);
}
